/** Every failure the kit reports carries one of these codes. */
export const SESSION_ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'reauth-required',
  'not-found',
  'rate-limited',
  'invalid-response',
  'server',
  'unsupported',
  'bad-request',
  'session-changed',
  'aborted',
] as const;

export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number];

export interface SessionErrorInit {
  status?: number;
  /** Seconds the server asked us to wait (429 Retry-After). */
  retryAfter?: number;
  cause?: unknown;
}

export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly code: SessionErrorCode;
  readonly status?: number;
  readonly retryAfter?: number;

  constructor(code: SessionErrorCode, message?: string, init: SessionErrorInit = {}) {
    super(message ?? code, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.retryAfter = init.retryAfter;
  }
}

export function isSessionErrorCode(value: unknown): value is SessionErrorCode {
  return typeof value === 'string' && (SESSION_ERROR_CODES as readonly string[]).includes(value);
}

/** Wraps anything thrown into a SessionError so callers only ever see one error type. */
export function toSessionError(error: unknown): SessionError {
  if (error instanceof SessionError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new SessionError('aborted', 'The request was aborted.', { cause: error });
  }
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new SessionError('timeout', 'The request timed out.', { cause: error });
  }
  if (error instanceof TypeError) {
    return new SessionError('network', 'The network request failed.', { cause: error });
  }
  return new SessionError('server', error instanceof Error ? error.message : 'Unexpected error.', {
    cause: error,
  });
}

/** Maps an HTTP status to the error code the kit reports for it. */
export function codeForStatus(status: number): SessionErrorCode {
  if (status === 400) return 'bad-request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  return 'server';
}

/**
 * Worth retrying: the request might succeed if sent again unchanged. Timeouts
 * are not retried, so one call never waits longer than a few request timeouts.
 */
export function isRetryable(error: SessionError): boolean {
  return error.code === 'network' || error.code === 'rate-limited' || error.code === 'server';
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: SessionError };
