import type { SessionBackend } from './backend.js';

/** A backend call that is one exchange of the kit's HTTP contract. */
export type Operation = Exclude<keyof SessionBackend, 'capabilities'>;

/** How one operation travels: its method and its path below the mount point. */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** `{id}` is a path parameter. */
  path: string;
}

/**
 * Every route of the HTTP contract (DESIGN §5), by operation: RestBackend calls
 * them, the server handler serves them, and openapi.yaml documents exactly
 * these (test/server/openapi.test.ts checks).
 */
export const HTTP_ROUTES = {
  getSession: { method: 'GET', path: '/' },
  listSignIns: { method: 'GET', path: '/signins' },
  revokeOtherSignIns: { method: 'POST', path: '/signins/revoke-others' },
  removeSignIn: { method: 'DELETE', path: '/signins/{id}' },
  switchSignIn: { method: 'POST', path: '/switch-signin' },
  switchOrganization: { method: 'POST', path: '/switch-organization' },
  switchWorkspace: { method: 'POST', path: '/switch-workspace' },
  listOrganizations: { method: 'GET', path: '/organizations' },
  listWorkspaces: { method: 'GET', path: '/workspaces' },
  signOut: { method: 'POST', path: '/sign-out' },
  getToken: { method: 'GET', path: '/token' },
  exchangeTicket: { method: 'POST', path: '/exchange-ticket' },
  subscribe: { method: 'GET', path: '/events' },
} as const satisfies Record<Operation, RouteSpec>;
