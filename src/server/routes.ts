import { HTTP_ROUTES, type Operation, type RouteSpec } from '../core/routes.js';

export type { Operation } from '../core/routes.js';

/** One route the handler serves. */
export interface Route extends RouteSpec {
  operation: Operation;
}

/** Every route of the HTTP contract, as a list (the shared table is in src/core/routes.ts). */
export const ROUTES: readonly Route[] = Object.freeze(
  (Object.keys(HTTP_ROUTES) as Operation[]).map((operation) => ({
    ...HTTP_ROUTES[operation],
    operation,
  })),
);

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
      let value: string;
      try {
        value = decodeURIComponent(actual);
      } catch {
        return null;
      }
      // No store's id holds a NUL, and PostgreSQL refuses one in a query (a 500, where
      // SQLite answers 404): such a path matches no route on any store.
      if (value.includes('\0')) return null;
      params[segment.slice(1, -1)] = value;
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
