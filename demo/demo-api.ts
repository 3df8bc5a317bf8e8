import type { DemoAuth } from './auth.js';
import { DEVICES, deviceHeaders } from './devices.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed.js';
import { checkMutation } from '../src/server/csrf.js';
import { type FaultSwitch, isFault } from './faults.js';

/**
 * Demo-only endpoints under /api/demo: NOT part of the kit. They let a
 * visitor become a seeded user and fake sign-ins from other devices.
 */

function json(body: unknown, status = 200, headers: Headers = new Headers()): Response {
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers });
}

function error(status: number, code: string, message: string): Response {
  return json({ error: { code, message } }, status);
}

async function body(request: Request): Promise<Record<string, unknown>> {
  try {
    const value: unknown = await request.json();
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function createDemoApi(auth: DemoAuth, faults: FaultSwitch) {
  return async function demoApi(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/^\/api\/demo/, '');
    if (request.method === 'GET' && path === '/users') {
      const { adapter } = await auth.$context;
      const rows = await adapter.findMany<{ email: string; image?: string | null }>({
        model: 'user',
        where: [{ field: 'email', value: DEMO_USERS.map((u) => u.email), operator: 'in' }],
      });
      const images = new Map(rows.map((row) => [row.email, row.image ?? undefined]));
      return json(
        DEMO_USERS.map((u) => ({ name: u.name, email: u.email, image: images.get(u.email) })),
      );
    }
    if (request.method !== 'POST') return error(404, 'not-found', 'No such demo endpoint.');
    try {
      checkMutation(request, { trustedOrigins: [], trustProxy: false });
    } catch (refused) {
      return error(403, 'forbidden', (refused as Error).message);
    }

    if (path === '/sign-in') {
      const { email } = await body(request);
      if (!DEMO_USERS.some((u) => u.email === email))
        return error(404, 'not-found', 'No such demo user.');
      // Through better-auth with this browser's cookies, so multi-session adds the account.
      const response = await auth.api.signInEmail({
        body: { email: email as string, password: DEMO_PASSWORD },
        headers: request.headers,
        asResponse: true,
      });
      const headers = new Headers();
      for (const cookie of response.headers.getSetCookie()) headers.append('Set-Cookie', cookie);
      return json({ ok: response.ok }, response.ok ? 200 : response.status, headers);
    }

    if (path === '/fault') {
      const { fault } = await body(request);
      if (!isFault(fault)) return error(400, 'bad-request', 'Unknown fault.');
      faults.current = fault;
      return json({ ok: true, fault });
    }

    if (path === '/simulate-device') {
      const session = await auth.api.getSession({ headers: request.headers });
      if (!session) return error(401, 'unauthorized', 'Sign in first.');
      const device = DEVICES[Math.floor(Math.random() * DEVICES.length)]!;
      const headers = deviceHeaders({
        ...device,
        ip: device.ip.replace(/\d+$/, String(1 + Math.floor(Math.random() * 250))),
      });
      // A separate sign-in with no cookies of ours: a different device, not this browser.
      await auth.api.signInEmail({
        body: { email: session.user.email, password: DEMO_PASSWORD },
        headers,
      });
      return json({ ok: true, city: device.city, userAgent: device.userAgent });
    }
    return error(404, 'not-found', 'No such demo endpoint.');
  };
}
