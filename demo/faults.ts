import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Demo-only fault injection for the kit's routes (/api/session), switched from
 * the demo panel, so the elements' error, stale, slow and re-auth states can be
 * seen against the real server. NOT part of the kit.
 */
export const FAULTS = [
  'none',
  'server-error',
  'rate-limited',
  'slow',
  'malformed',
  'reauth',
] as const;
export type Fault = (typeof FAULTS)[number];

export const isFault = (value: unknown): value is Fault =>
  typeof value === 'string' && (FAULTS as readonly string[]).includes(value);

const SLOW_MS = 3_000;

function fail(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: { code, message } }));
}

export class FaultSwitch {
  current: Fault = 'none';

  /** Answers with the current fault, or hands the request to `next` (maybe late). */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void {
    const mutation = req.method !== 'GET' && req.method !== 'HEAD';
    switch (this.current) {
      case 'server-error':
        return fail(res, 500, 'server', 'The demo server was told to fail.');
      case 'rate-limited':
        res.setHeader('Retry-After', '5');
        return fail(res, 429, 'rate-limited', 'Too many requests (demo fault).');
      case 'slow':
        setTimeout(next, SLOW_MS);
        return;
      case 'malformed':
        if (mutation) return next();
        res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        res.end('{"active_signin": 42, "signins": "nope"}');
        return;
      case 'reauth':
        // Sensitive actions ask for a fresh sign-in; reading stays allowed.
        if (!mutation) return next();
        return fail(res, 403, 'reauth-required', 'Confirm your identity first (demo fault).');
      default:
        return next();
    }
  }
}
