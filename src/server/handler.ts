import { readBoundedText, TooLargeError } from '../core/bounded-text.js';
import { AuthCalls } from './auth-calls.js';
import type { AuthContextLike, SessionAuth } from './auth-types.js';
import type { SessionEventBus } from './bus.js';
import { checkMutation } from './csrf.js';
import {
  badRequest,
  errorResponse,
  HttpError,
  JSON_HEADERS,
  notFound,
  toHttpError,
} from './errors.js';
import {
  DIRECT_STREAMS,
  EVENT_STREAM_HEADERS,
  EventStreams,
  type LiveUpdatesOptions,
  type OpenResponseSink,
  type OpenSink,
} from './events.js';
import { pluginOptions } from './memberships.js';
import { OPERATIONS, promoteRemainingAccount } from './operations.js';
import { matchRoute } from './routes.js';
import type { TokenTemplate } from './tokens.js';

export interface SessionHandlerOptions {
  /** A better-auth instance with multiSession, organization (teams), jwt and one-time-token. */
  auth: SessionAuth;
  /** Where the contract is mounted; default `/api/session`. */
  basePath?: string;
  /** Named JWT shapes for `GET /token?template=`. */
  tokenTemplates?: Record<string, TokenTemplate>;
  /**
   * Origins besides this server's own (and better-auth's trusted ones) that may send
   * mutations: the page's origin when a proxy (Next.js `rewrites()`) changes the Host.
   */
  trustedOrigins?: string[];
  /**
   * Behind a proxy that sets X-Forwarded-Host/Proto itself (dropping a client's own): take this
   * server's public origin from them, so pages served through the proxy may send mutations.
   */
  trustProxy?: boolean;
  /** Sign-ins seen within this many ms count as online; default 5 minutes. */
  onlineWindow?: number;
  /**
   * The bus `GET /events` listens to. Default: the one the `sessionElements()`
   * plugin publishes to (its own in-process bus unless given one). When given,
   * it must be that same instance: pass one bus to both.
   */
  bus?: SessionEventBus;
  /** Limits of `GET /events`, or `false` to turn live updates off (the route answers 501). */
  liveUpdates?: LiveUpdatesOptions | false;
}

/** The handler: a fetch-style function with `close()` for shutdown. */
export interface SessionHandler {
  (request: Request): Promise<Response>;
  /** Ends every open event stream (so browsers reconnect elsewhere); later ones answer 503. */
  close(): void;
}

/** The contract's bodies are a few bytes; a bigger one is refused before any work. */
const MAX_BODY = 64 * 1024;

/** Empty and JSON `{}` are both "no arguments"; anything that is not a JSON object is refused. */
async function readBody(request: Request): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readBoundedText(request, MAX_BODY);
  } catch (error) {
    if (!(error instanceof TooLargeError)) throw error;
    throw new HttpError(413, 'unsupported', 'The request body is too large.');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function staticOrigins(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function withCookies(response: Response, setCookies: readonly string[]): Response {
  for (const line of setCookies) response.headers.append('Set-Cookie', line);
  return response;
}

/** The head of an event stream written directly, with whatever cookies better-auth set. */
function streamHeaders(setCookies: readonly string[]): Record<string, string | string[]> {
  return setCookies.length
    ? { ...EVENT_STREAM_HEADERS, 'Set-Cookie': [...setCookies] }
    : { ...EVENT_STREAM_HEADERS };
}

/** `/signins///` → `/signins`, `/` or `` → `/`; a loop, since a regex here backtracks quadratically. */
function withoutTrailingSlashes(path: string): string {
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  return path.slice(0, end) || '/';
}

/**
 * The kit's HTTP contract on top of better-auth: a fetch-style handler for
 * Node (see `toNodeHandler`), Hono, Next.js route handlers and the like.
 * Browsers only ever see sign-in ids; session tokens stay on the server.
 */
export function createSessionHandler(options: SessionHandlerOptions): SessionHandler {
  const basePath = (options.basePath ?? '/api/session').replace(/\/+$/, '');
  const tokenTemplates = options.tokenTemplates ?? {};
  const onlineWindow = options.onlineWindow ?? 5 * 60_000;
  let streams: EventStreams | null | undefined;
  let closed = false;

  /** Created at the first request, once better-auth's options (and the plugin's bus) are known. */
  const eventStreams = (context: AuthContextLike): EventStreams | null => {
    if (streams !== undefined) return streams;
    const pluginBus = (pluginOptions(context, 'session-elements') as { bus?: SessionEventBus })
      ?.bus;
    if (options.bus && pluginBus && options.bus !== pluginBus) {
      throw new Error(
        'session-elements: the handler and the sessionElements() plugin were given different buses; pass the same instance to both.',
      );
    }
    const bus = options.bus ?? pluginBus;
    streams =
      options.liveUpdates === false || !bus ? null : new EventStreams(bus, options.liveUpdates);
    if (closed) streams?.close();
    return streams;
  };

  /**
   * One request. With `openResponse` (toNodeHandler), an accepted event stream
   * writes its own head and frames through it, and the answer is null.
   */
  const handle = async (
    request: Request,
    openResponse: OpenResponseSink | null,
  ): Promise<Response | null> => {
    let calls: AuthCalls | undefined;
    let streamed = false;
    try {
      const url = new URL(request.url);
      if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) {
        throw notFound('That endpoint');
      }
      const path = withoutTrailingSlashes(url.pathname.slice(basePath.length));
      const match = matchRoute(request.method, path);
      if ('allowed' in match) {
        if (!match.allowed.length) throw notFound('That endpoint');
        throw new HttpError(405, 'unsupported', `Use ${match.allowed.join(' or ')} here.`, {
          Allow: match.allowed.join(', '),
        });
      }
      const context = (await options.auth.$context) as AuthContextLike;
      const isMutation = match.route.method !== 'GET';
      if (isMutation) {
        checkMutation(request, {
          trustedOrigins: [
            ...(options.trustedOrigins ?? []),
            ...staticOrigins(context.options.trustedOrigins),
            ...(context.baseURL ? [new URL(context.baseURL).origin] : []),
          ],
          trustProxy: options.trustProxy ?? false,
        });
      }
      const body = isMutation ? await readBody(request) : {};
      calls = new AuthCalls(options.auth, context, request);
      // Reads go through better-auth's per-IP limiter; mutations do not, so nobody sharing
      // the user's IP (or better-auth's fallback bucket) can keep them from revoking.
      const current =
        (isMutation ? await calls.readSession() : await calls.readSessionForRead()) ??
        (await promoteRemainingAccount(calls));
      const subscribe = match.route.operation === 'subscribe';
      // The same array better-auth's later cookies are added to.
      const setCookies = calls.setCookies;
      const openSink: OpenSink | undefined =
        subscribe && openResponse
          ? (gone) => {
              streamed = true;
              return openResponse(streamHeaders(setCookies), gone);
            }
          : undefined;
      const result = await OPERATIONS[match.route.operation]({
        calls,
        current,
        body,
        query: url.searchParams,
        params: match.params,
        onlineWindow,
        tokenTemplates,
        request,
        events: subscribe ? eventStreams(context) : null,
        openSink,
      });
      if (streamed) return null;
      const response = result.response
        ? result.response
        : result.status === 204
          ? new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
          : new Response(JSON.stringify(result.body), {
              status: result.status,
              headers: JSON_HEADERS,
            });
      return withCookies(response, calls.setCookies);
    } catch (error) {
      // A stream already under way has said all it will; nothing else goes on that response.
      if (streamed) return null;
      return withCookies(errorResponse(toHttpError(error)), calls?.setCookies ?? []);
    }
  };

  const sessionHandler = (request: Request) => handle(request, null) as Promise<Response>;
  return Object.assign(sessionHandler, {
    close() {
      closed = true;
      streams?.close();
    },
    [DIRECT_STREAMS]: handle,
  });
}
