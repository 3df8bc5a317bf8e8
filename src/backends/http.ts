import {
  SessionError,
  type SessionErrorCode,
  codeForStatus,
  isSessionErrorCode,
} from '../core/errors.js';
import type { RequestOptions } from '../core/backend.js';
import { readBoundedText, TooLargeError } from '../core/bounded-text.js';

/**
 * The HTTP plumbing every fetch-based backend shares (RestBackend, Auth0Backend):
 * credentialed, uncached requests, the CSRF header on mutations, JSON bodies
 * that are either valid or an `invalid-response`, and error statuses mapped to
 * `SessionError` codes with `Retry-After` carried along.
 */

/** The header that marks a request as ours; cross-origin it forces a CORS preflight. */
export const CSRF_HEADER = 'X-Session-Elements';

/** The methods the kit's backends use. */
export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** The global fetch, looked up on every call so tests and polyfills that replace it are honoured. */
export const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Parses `Retry-After` as seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * What an error body says, in the shapes servers use: the kit's
 * `{ error: { code, message } }`, a bare `{ error: "..." }` (Auth0 Lab proxies,
 * Blocklet) or `{ message }`. Only known kit codes are taken from a body.
 */
function errorDetails(body: unknown): { code?: SessionErrorCode; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { error, message } = body as { error?: unknown; message?: unknown };
  if (typeof error === 'string') return { message: error };
  if (typeof error === 'object' && error !== null) {
    const inner = error as { code?: unknown; message?: unknown };
    return {
      code: isSessionErrorCode(inner.code) ? inner.code : undefined,
      message: typeof inner.message === 'string' ? inner.message : undefined,
    };
  }
  return typeof message === 'string' ? { message } : {};
}

/** The `SessionError` for a failed HTTP exchange, from its status, parsed body and `Retry-After`. */
export function statusError(
  status: number,
  body: unknown,
  retryAfter: string | null | undefined,
): SessionError {
  const details = errorDetails(body);
  return new SessionError(
    details.code ?? codeForStatus(status),
    details.message ?? `The server answered ${status}.`,
    { status, retryAfter: retryAfterSeconds(retryAfter) },
  );
}

/** Reads a non-2xx response into a `SessionError`; a body that is not JSON still has a status. */
export async function errorFrom(response: Response): Promise<SessionError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return statusError(response.status, body, response.headers.get('Retry-After'));
}

/**
 * One credentialed, uncached request. Anything but GET carries the CSRF header;
 * a `body` is sent as JSON.
 */
export function send(
  fetchFn: typeof fetch,
  method: HttpMethod,
  url: string,
  o: RequestOptions,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetchFn(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'include',
    cache: 'no-store',
    signal: o.signal,
  });
}

/** Rejects with the mapped `SessionError` unless the response is a 2xx. */
export async function ensureOk(response: Response): Promise<Response> {
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/** No answer of the contract comes near this; a bigger one would only tie up the page. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * The JSON body of a 2xx response (`undefined` for a 204); a body that is not JSON, or
 * larger than `MAX_RESPONSE_BYTES`, is `invalid-response`.
 */
export async function readJson(response: Response, o: RequestOptions): Promise<unknown> {
  if (response.status === 204) return undefined;
  try {
    return JSON.parse(await readBoundedText(response, MAX_RESPONSE_BYTES));
  } catch (cause) {
    if (o.signal.aborted) throw cause;
    const tooLarge = cause instanceof TooLargeError;
    throw new SessionError(
      'invalid-response',
      tooLarge
        ? 'The server sent a body too large to be ours.'
        : 'The server sent a body that is not JSON.',
      { status: response.status, cause },
    );
  }
}
