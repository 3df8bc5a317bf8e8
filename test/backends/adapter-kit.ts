import type { SessionBackend } from '../../src/core/backend.js';
import { SessionError } from '../../src/core/errors.js';
import { staticEnvironment } from '../../src/core/environment.js';
import { SessionController } from '../../src/core/session-controller.js';

/** Shared by the adapter tests (Auth0Backend, BlockletBackend). */

/** Reads a recorded payload from test/backends/fixtures. */
export async function loadFixture<T = unknown>(name: string): Promise<T> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  if (!response.ok) throw new Error(`fixture ${name}: ${response.status}`);
  return (await response.json()) as T;
}

/** A fresh deep copy, so a test can tamper with a fixture without touching the next one. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Request options with a live signal. */
export function live(): { signal: AbortSignal } {
  return { signal: new AbortController().signal };
}

/** The SessionError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<SessionError> {
  let outcome: unknown;
  try {
    outcome = await promise;
  } catch (error) {
    if (error instanceof SessionError) return error;
    throw new Error(`expected a SessionError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(outcome)}`);
}

/** One request a {@link FetchDouble} saw. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: BodyInit | null | undefined;
  credentials: RequestCredentials | undefined;
}

/** A fetch that answers from `respond` with real Response objects and records every request. */
export class FetchDouble {
  readonly seen: SeenRequest[] = [];

  constructor(private readonly respond: (request: SeenRequest) => Response | Promise<Response>) {}

  readonly fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: init.body,
      credentials: init.credentials,
    };
    this.seen.push(request);
    return this.respond(request);
  }) as typeof fetch;
}

/** A JSON response with the given status and extra headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A controller as an app would build it, minus polling, focus and cross-tab noise. */
export function quietController(backend: SessionBackend): SessionController {
  return new SessionController({
    backend,
    refreshInterval: 0,
    revalidateOnFocus: false,
    crossTab: false,
    maxRetries: 0,
    environment: staticEnvironment,
  });
}
