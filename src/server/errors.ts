import type { SessionErrorCode } from '../core/errors.js';

/** A failure that already knows how it is told to the browser. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: SessionErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
} as const;

export function errorResponse(error: HttpError): Response {
  return new Response(JSON.stringify({ error: { code: error.code, message: error.message } }), {
    status: error.status,
    headers: { ...JSON_HEADERS, ...error.headers },
  });
}

/** better-auth's APIError, by shape, so any copy of better-call is recognised. */
interface BetterAuthError {
  statusCode: number;
  body?: { code?: unknown; message?: unknown };
  headers?: unknown;
}

function isBetterAuthError(error: unknown): error is BetterAuthError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BetterAuthError).statusCode === 'number'
  );
}

function retryAfterFrom(headers: unknown): string | undefined {
  if (!(headers instanceof Headers)) return undefined;
  return headers.get('Retry-After') ?? headers.get('X-Retry-After') ?? undefined;
}

/**
 * Translates whatever better-auth (or our own code) threw. Messages of 4xx
 * errors are better-auth's own, meant for users; 5xx details stay in the log.
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (!isBetterAuthError(error)) {
    console.error('session-elements: unexpected error', error);
    return new HttpError(500, 'server', 'Something went wrong on the server.');
  }
  const status = error.statusCode;
  const code = error.body?.code;
  const message = typeof error.body?.message === 'string' ? error.body.message : `HTTP ${status}`;
  if (code === 'SESSION_NOT_FRESH') return reauthRequired();
  if (status === 401) return new HttpError(401, 'unauthorized', message);
  if (status === 403) return new HttpError(403, 'forbidden', message);
  if (status === 404) return new HttpError(404, 'not-found', message);
  if (status === 429) {
    const retryAfter = retryAfterFrom(error.headers);
    return new HttpError(
      429,
      'rate-limited',
      message,
      retryAfter ? { 'Retry-After': retryAfter } : {},
    );
  }
  if (status >= 400 && status < 500) return new HttpError(400, 'bad-request', message);
  console.error('session-elements: better-auth failed', error);
  return new HttpError(502, 'server', 'The auth server failed.');
}

export const unauthorized = () => new HttpError(401, 'unauthorized', 'Nobody is signed in.');
export const notFound = (what: string) => new HttpError(404, 'not-found', `${what} was not found.`);
/** A malformed request: a query, body or target the contract does not allow. */
export const badRequest = (message: string) => new HttpError(400, 'bad-request', message);
/** better-auth's SESSION_NOT_FRESH: the browser asks the user to confirm it is them. */
export const reauthRequired = () =>
  new HttpError(403, 'reauth-required', 'Confirm it is you: sign in again to continue.');
