/** Every route of the HTTP contract (DESIGN §5); openapi.yaml describes the same set. */
export const ROUTES = [
  { method: 'GET', path: '/', operation: 'getSession' },
  { method: 'GET', path: '/signins', operation: 'listSignIns' },
  { method: 'POST', path: '/signins/revoke-others', operation: 'revokeOtherSignIns' },
  { method: 'DELETE', path: '/signins/{id}', operation: 'removeSignIn' },
  { method: 'POST', path: '/switch-signin', operation: 'switchSignIn' },
  { method: 'POST', path: '/switch-organization', operation: 'switchOrganization' },
  { method: 'POST', path: '/switch-workspace', operation: 'switchWorkspace' },
  { method: 'GET', path: '/organizations', operation: 'listOrganizations' },
  { method: 'GET', path: '/workspaces', operation: 'listWorkspaces' },
  { method: 'POST', path: '/sign-out', operation: 'signOut' },
  { method: 'GET', path: '/token', operation: 'getToken' },
  { method: 'POST', path: '/exchange-ticket', operation: 'exchangeTicket' },
] as const;

export type Route = (typeof ROUTES)[number];
export type Operation = Route['operation'];

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    const actual = have[i] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (!actual) return null;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) return null;
  }
  return params;
}

/** The route for a method and path, or the methods the path does allow (for a 405). */
export function matchRoute(method: string, path: string): RouteMatch | { allowed: string[] } {
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { allowed };
}
