import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, HttpError, JSON_HEADERS } from './errors.js';
import { DIRECT_STREAMS, type DirectStreams, type StreamSink } from './events.js';

/** Limits of `toNodeHandler`: what one request may cost before it reaches the handler. */
export interface NodeHandlerOptions {
  /** Largest request body in bytes; bigger ones are answered 413. Default 64 KiB. */
  maxBodySize?: number;
  /** Milliseconds a request body may take to arrive; slower ones are answered 408. Default 10 000. */
  bodyTimeout?: number;
}

/** The contract's bodies are a few bytes; anything bigger is not ours. */
const MAX_BODY = 64 * 1024;
const BODY_TIMEOUT = 10_000;

/** Methods a fetch `Request` cannot carry (the Fetch standard forbids them). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/** A host name, IPv4 address or [IPv6] literal, with an optional port (RFC 9110 §7.2). */
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::[0-9]{1,5})?$/;

/** Response headers that describe one connection, not the message: Node sets its own. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Bytes a direct event stream may have waiting for its client: beyond them the
 * client stopped reading (gone or hostile) and its stream ends.
 */
const MAX_BUFFERED = 64 * 1024;

type FetchHandler = (request: Request) => Promise<Response>;

type BodyOutcome = { body: Buffer } | { refused: HttpError } | { aborted: true };

/** Answers with the contract's error shape, unless an answer already started. */
function writeError(res: ServerResponse, error: HttpError): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const body = JSON.stringify({ error: { code: error.code, message: error.message } });
  res.writeHead(error.status, {
    ...JSON_HEADERS,
    ...error.headers,
    'Content-Length': Buffer.byteLength(body),
    // Refused before its body was read: what follows on the socket is not a request.
    Connection: 'close',
  });
  res.end(body);
}

/**
 * The request's URL. Origin-form targets (`/path`) take their authority from
 * Host, absolute-form ones from themselves (RFC 9112 §3.2.2); null when either
 * is not a valid http(s) authority, so a hostile Host never reaches `new URL`
 * as a base that could throw or change the origin.
 */
function requestUrl(req: IncomingMessage): URL | null {
  const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  let host = req.headers.host ?? 'localhost';
  let path = req.url ?? '';
  if (!path.startsWith('/')) {
    if (!URL.canParse(path)) return null;
    const absolute = new URL(path);
    if (absolute.protocol !== 'http:' && absolute.protocol !== 'https:') return null;
    host = absolute.host;
    path = absolute.pathname + absolute.search;
  }
  if (!HOST.test(host) || !URL.canParse(`${protocol}://${host}${path}`)) return null;
  return new URL(`${protocol}://${host}${path}`);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    // HTTP/2 pseudo-headers (:path, :method) are not headers of a fetch Request.
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * Reads the body within the size and time limits. A client that goes away
 * mid-body is `aborted`: nobody is left to answer.
 */
function readBody(req: IncomingMessage, limit: number, timeout: number): Promise<BodyOutcome> {
  const tooLarge = { refused: new HttpError(413, 'unsupported', 'The request body is too large.') };
  if (Number(req.headers['content-length']) > limit) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: BodyOutcome) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ refused: new HttpError(408, 'timeout', 'The request body came too slowly.') }),
      timeout,
    );
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(tooLarge);
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ body: Buffer.concat(chunks) });
    const onAbort = () => finish({ aborted: true });
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

function responseHeaders(response: Response): Record<string, string | string[] | number> {
  const headers: Record<string, string | string[] | number> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  return headers;
}

/** An event stream is sent as it is produced; everything else is a few bytes, sent whole. */
function isStream(response: Response, method: string): boolean {
  const type = response.headers.get('content-type') ?? '';
  return method !== 'HEAD' && response.body !== null && type.startsWith('text/event-stream');
}

/**
 * Pipes a streamed body chunk by chunk, honouring backpressure; when the
 * client goes away the body is cancelled, which ends the producer's stream.
 * Callbacks rather than an async loop: an idle stream holds two closures and
 * one pending read, which matters with thousands of them open.
 */
function pipeBody(res: ServerResponse, response: Response): Promise<void> {
  const reader = response.body!.getReader();
  res.writeHead(response.status, responseHeaders(response));
  res.flushHeaders();
  return new Promise((resolve) => {
    let finished = false;
    // The client went away, the producer ended or failed: nothing more is said on this response.
    const finish = () => {
      if (finished) return;
      finished = true;
      res.off('close', finish);
      if (!res.destroyed) res.end();
      reader.cancel().catch(() => undefined);
      resolve();
    };
    const pump = () => {
      reader.read().then(({ done, value }) => {
        if (done || res.destroyed) finish();
        else if (res.write(value)) pump();
        else res.once('drain', pump);
      }, finish);
    };
    res.once('close', finish);
    pump();
  });
}

/** An event stream written straight to the Node response: the response is all it holds. */
class ResponseSink implements StreamSink {
  constructor(private readonly res: ServerResponse) {}

  write(text: string): boolean {
    if (this.res.destroyed || this.res.writableEnded) return false;
    this.res.write(text);
    return this.res.writableLength <= MAX_BUFFERED;
  }

  end(): void {
    if (!this.res.destroyed && !this.res.writableEnded) this.res.end();
  }
}

/** Starts a direct event stream's answer; the response closing (client gone) calls `gone`. */
function openResponseSink(
  res: ServerResponse,
  headers: Record<string, string | string[]>,
  gone: () => void,
): StreamSink {
  res.writeHead(200, headers);
  res.once('close', gone);
  return new ResponseSink(res);
}

async function writeResponse(res: ServerResponse, response: Response, method: string) {
  if (isStream(response, method)) {
    if (res.headersSent || res.writableEnded || res.destroyed) {
      await response.body?.cancel().catch(() => undefined);
      return;
    }
    return pipeBody(res, response);
  }
  const body = method === 'HEAD' ? null : Buffer.from(await response.arrayBuffer());
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  const headers = responseHeaders(response);
  if (body && response.status !== 204 && response.status !== 304) {
    headers['content-length'] = body.length;
  }
  res.writeHead(response.status, headers);
  res.end(body);
}

async function serve(
  handler: FetchHandler,
  limits: Required<NodeHandlerOptions>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method)) {
    const error = new HttpError(405, 'unsupported', `${method} is not supported here.`, {
      Allow: ALLOW,
    });
    return writeError(res, error);
  }
  const url = requestUrl(req);
  if (!url) return writeError(res, badRequest('The request target or Host header is invalid.'));
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const outcome = await readBody(req, limits.maxBodySize, limits.bodyTimeout);
    if ('aborted' in outcome) return;
    if ('refused' in outcome) {
      // Discard the rest rather than leave it unread: closing on unread data resets the
      // connection, and the client would lose the answer.
      req.resume();
      return writeError(res, outcome.refused);
    }
    body = outcome.body;
  }
  const direct = (handler as FetchHandler & Partial<DirectStreams>)[DIRECT_STREAMS];
  if (direct) {
    // No disconnect signal: an accepted event stream learns of it from the response itself.
    const request = toRequest(url, method, req, body);
    if (!request) return writeError(res, badRequest('The request cannot be read.'));
    const response = await direct.call(handler, request, (headers, gone) =>
      openResponseSink(res, headers, gone),
    );
    if (response) await writeResponse(res, response, method);
    return;
  }
  // The client hanging up aborts the Request's signal, so a stream the handler holds ends.
  const disconnected = new AbortController();
  const onClose = () => {
    if (!res.writableFinished) disconnected.abort();
  };
  res.once('close', onClose);
  const request = toRequest(url, method, req, body, disconnected.signal);
  if (!request) {
    res.off('close', onClose);
    return writeError(res, badRequest('The request cannot be read.'));
  }
  await writeResponse(res, await handler(request), method);
}

/** The fetch `Request` for a Node request, or null when its headers cannot make one. */
function toRequest(
  url: URL,
  method: string,
  req: IncomingMessage,
  body: Buffer | undefined,
  signal?: AbortSignal,
): Request | null {
  try {
    return new Request(url, {
      method,
      headers: toHeaders(req),
      body: body?.length ? new Uint8Array(body) : undefined,
      signal,
    });
  } catch {
    return null;
  }
}

/**
 * Serves a fetch-style handler (such as `createSessionHandler()`) from Node's
 * `http` server, Express or Connect. Whatever a client sends, the returned
 * listener never throws or rejects: a malformed request gets a 4xx in the
 * contract's JSON error shape (400 bad target or Host, 405 TRACE/CONNECT with
 * `Allow`, 408 body too slow, 413 body too large), a client that disconnects
 * mid-body gets nothing, and a failing handler becomes a 500. A
 * `text/event-stream` response is piped as it is produced (not buffered), and
 * a client that disconnects aborts the Request's `signal`. The kit's own
 * handler's `GET /events` streams skip the fetch objects: they are written
 * straight to the Node response, so an idle stream costs little more than its
 * connection.
 */
export function toNodeHandler(handler: FetchHandler, options: NodeHandlerOptions = {}) {
  const limits = {
    maxBodySize: options.maxBodySize ?? MAX_BODY,
    bodyTimeout: options.bodyTimeout ?? BODY_TIMEOUT,
  };
  return async function nodeHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await serve(handler, limits, req, res);
    } catch (error) {
      console.error('session-elements: the request handler failed', error);
      if (res.headersSent) res.destroy();
      else writeError(res, new HttpError(500, 'server', 'Something went wrong on the server.'));
    }
  };
}
