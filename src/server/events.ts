import { toDate } from './auth-types.js';
import type { SessionChange, SessionEventBus } from './bus.js';
import { HttpError } from './errors.js';
import {
  browserSessions,
  signedIn,
  type OperationInput,
  type OperationResult,
} from './operations.js';

/** Limits and timings of `GET /events` (the handler's `liveUpdates` option). */
export interface LiveUpdatesOptions {
  /** Open streams one user may hold across all their browsers; default 10. */
  maxStreamsPerUser?: number;
  /** Open streams this process holds in all; default 5 000. */
  maxStreams?: number;
  /** Milliseconds between heartbeat comments that keep proxies from closing a quiet stream; default 15 000. */
  heartbeat?: number;
  /**
   * Milliseconds after which a stream ends so the browser reconnects and is
   * authenticated again (new accounts on the browser included); default 10 minutes.
   */
  maxAge?: number;
  /** Changes kept for `Last-Event-ID` replay after a reconnect; default 256. */
  replay?: number;
}

/** Who a stream is for: the browser's accounts (multi-session) and their sign-ins on it. */
export interface StreamIdentity {
  userIds: readonly string[];
  /** This browser's sign-in ids with their expiry (ms epoch). */
  signIns: ReadonlyMap<string, number>;
}

/** What one SSE event tells the browser: ids and kinds, nothing else. */
interface Outgoing {
  event: 'signin' | 'active' | 'signed-out' | 'resync';
  data: Record<string, string>;
}

interface Buffered {
  seq: number;
  change: SessionChange;
}

/**
 * Where one stream's frames go: a fetch `Response` body, or a Node
 * `ServerResponse` written directly (see `toNodeHandler`).
 */
export interface StreamSink {
  /** Sends text; false when the client fell too far behind (or left): its stream then ends. */
  write(text: string): boolean;
  /** Ends the response: the stream is over. */
  end(): void;
}

/**
 * Opens the transport of a stream once it is accepted (limits passed). The
 * transport calls `gone` when its client disconnects, which frees the stream.
 */
export type OpenSink = (gone: () => void) => StreamSink;

/** Opens a transport that writes its own head: status 200 with these headers. */
export type OpenResponseSink = (
  headers: Record<string, string | string[]>,
  gone: () => void,
) => StreamSink;

/**
 * The handler's entry point for a caller that writes event streams itself (as
 * `toNodeHandler` does, so an idle stream holds no Request, Response or
 * ReadableStream): the same handling as calling the handler, except that an
 * accepted `GET /events` opens its transport through `open` and resolves null.
 */
export const DIRECT_STREAMS = Symbol.for('session-elements.direct-streams');

/** A handler that offers `DIRECT_STREAMS`. */
export interface DirectStreams {
  [DIRECT_STREAMS](request: Request, open: OpenResponseSink): Promise<Response | null>;
}

/** Headers of an event stream, on every transport. */
export const EVENT_STREAM_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  // nginx and similar proxies buffer responses unless told not to.
  'X-Accel-Buffering': 'no',
});

/** A client that stopped reading this many chunks ago is gone or hostile: its stream ends. */
const MAX_QUEUED_CHUNKS = 64;
/** What a browser waits before reconnecting after the stream ended (SSE `retry:`). */
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

function frame(id: string | null, out: Outgoing): string {
  const head = id ? `id: ${id}\n` : '';
  return `${head}event: ${out.event}\ndata: ${JSON.stringify(out.data)}\n\n`;
}

/** The sink of a fetch-style answer: a `ReadableStream` body the server pulls from. */
class BodySink implements StreamSink {
  readonly body: ReadableStream<Uint8Array>;
  #controller!: ReadableStreamDefaultController<Uint8Array>;

  constructor(gone: () => void) {
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      // The client went away (a fetch-style server cancels the body when the socket closes).
      cancel: gone,
    });
  }

  write(text: string): boolean {
    if ((this.#controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return false;
    try {
      this.#controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      return false;
    }
  }

  end(): void {
    try {
      this.#controller.close();
    } catch {
      // Already cancelled by the client.
    }
  }
}

/**
 * One open stream: who it is for and where it writes. Kept small (thousands
 * are open at once); the behaviour lives in `EventStreams`.
 */
class Stream {
  /** Null until the transport opened (and while `gone` may already have fired). */
  sink: StreamSink | null = null;
  closed = false;

  constructor(
    readonly userIds: readonly string[],
    /** This browser's sign-in ids with their expiry (ms epoch); revoked ones are removed. */
    readonly signIns: Map<string, number>,
    readonly closesAt: number,
  ) {}
}

/** What a stream's browser should hear of a change, if anything. */
function relevant(stream: Stream, change: SessionChange): Outgoing | null {
  if (!stream.userIds.includes(change.userId)) return null;
  const own = stream.signIns.has(change.signInId);
  if (change.kind === 'changed') {
    return own ? { event: 'active', data: { kind: 'changed', signInId: change.signInId } } : null;
  }
  return { event: 'signin', data: { kind: change.kind, signInId: change.signInId } };
}

/** True while one of the stream's sign-ins has not expired. */
function live(stream: Stream, now: number): boolean {
  for (const expiresAt of stream.signIns.values()) if (expiresAt > now) return true;
  return false;
}

/**
 * The open `GET /events` streams of one handler: it listens to the bus while
 * any stream is open, numbers each change for `Last-Event-ID`, keeps a bounded
 * replay buffer, sends heartbeats (one timer for all streams), and enforces the
 * per-user and per-process limits. Event ids carry a per-process epoch, so an
 * id from another instance or before a restart asks for a resync instead of a
 * wrong replay. Streams write to a `StreamSink`, so the same semantics serve a
 * fetch `Response` body (`open`) and a Node response written directly (`attach`).
 */
export class EventStreams {
  readonly #bus: SessionEventBus;
  readonly #limits: Required<LiveUpdatesOptions>;
  readonly #epoch = Math.random().toString(36).slice(2, 10);
  readonly #streams = new Set<Stream>();
  readonly #byUser = new Map<string, Set<Stream>>();
  readonly #buffer: Buffered[] = [];
  #seq = 0;
  #unsubscribe: (() => void) | null = null;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #closed = false;

  constructor(bus: SessionEventBus, options: LiveUpdatesOptions = {}) {
    this.#bus = bus;
    this.#limits = {
      maxStreamsPerUser: options.maxStreamsPerUser ?? 10,
      maxStreams: options.maxStreams ?? 5_000,
      heartbeat: options.heartbeat ?? 15_000,
      maxAge: options.maxAge ?? 10 * 60_000,
      replay: options.replay ?? 256,
    };
  }

  /** Open streams, in all and of one user (for tests and metrics). */
  count(userId?: string): number {
    return userId === undefined ? this.#streams.size : (this.#byUser.get(userId)?.size ?? 0);
  }

  /**
   * A `text/event-stream` response for this browser, replaying what it missed
   * since `lastEventId`; a 429 `HttpError` beyond the limits. The stream ends
   * when `signal` aborts (the client disconnected), the browser's sign-ins end,
   * `maxAge` passes or `close()` is called.
   */
  open(identity: StreamIdentity, lastEventId: string | null, signal?: AbortSignal): Response {
    let sink!: BodySink;
    this.attach(identity, lastEventId, (gone) => {
      sink = new BodySink(gone);
      if (signal?.aborted) gone();
      else signal?.addEventListener('abort', gone, { once: true });
      return sink;
    });
    return new Response(sink.body, { status: 200, headers: EVENT_STREAM_HEADERS });
  }

  /**
   * Accepts a stream for this browser and opens its transport through `openSink`
   * (only once the limits passed: a refusal throws a 429 or 503 `HttpError`
   * before anything is written), then says `retry:` and replays what it missed
   * since `lastEventId`. It ends as `open()`'s does, or when the transport calls `gone`.
   */
  attach(identity: StreamIdentity, lastEventId: string | null, openSink: OpenSink): void {
    if (this.#closed) {
      throw new HttpError(503, 'server', 'The server is shutting down.', { 'Retry-After': '1' });
    }
    this.#checkLimits(identity);
    const stream = new Stream(
      [...new Set(identity.userIds)],
      new Map(identity.signIns),
      Date.now() + this.#lifetime(),
    );
    this.#streams.add(stream);
    for (const userId of stream.userIds) {
      let set = this.#byUser.get(userId);
      if (!set) this.#byUser.set(userId, (set = new Set()));
      set.add(stream);
    }
    this.#listen();
    let sink: StreamSink;
    try {
      sink = openSink(() => this.#close(stream));
    } catch (error) {
      this.#close(stream);
      throw error;
    }
    if (stream.closed) return sink.end();
    stream.sink = sink;
    this.#write(stream, `retry: ${RETRY_MS}\n\n`);
    this.#replay(stream, lastEventId);
  }

  /** Ends every stream and stops listening (shutdown); later opens answer 503. */
  close(): void {
    this.#closed = true;
    for (const stream of this.#streams) this.#close(stream);
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #lifetime(): number {
    // Up to a fifth earlier, so streams opened together do not all reconnect together.
    return Math.round(this.#limits.maxAge * (1 - Math.random() * 0.2));
  }

  #checkLimits(identity: StreamIdentity): void {
    const tooMany = (message: string) =>
      new HttpError(429, 'rate-limited', message, { 'Retry-After': '30' });
    if (this.#streams.size >= this.#limits.maxStreams) {
      throw tooMany('This server holds as many live-update streams as it can.');
    }
    for (const userId of identity.userIds) {
      if (this.count(userId) >= this.#limits.maxStreamsPerUser) {
        throw tooMany('Too many live-update streams are open for this account.');
      }
    }
  }

  /**
   * The bus is listened to from the first stream on (so the replay buffer covers a
   * browser's reconnect gap), the heartbeat only while a stream is open.
   */
  #listen(): void {
    if (!this.#unsubscribe) this.#unsubscribe = this.#bus.subscribe((c) => this.#onChange(c));
    if (!this.#heartbeat) {
      this.#heartbeat = setInterval(() => this.#beat(), this.#limits.heartbeat);
      // A heartbeat alone must not keep the process alive.
      (this.#heartbeat as { unref?: () => void }).unref?.();
    }
  }

  /** Queues text for the client; a client that stopped reading is dropped instead. */
  #write(stream: Stream, text: string): void {
    if (stream.closed || !stream.sink) return;
    if (!stream.sink.write(text)) this.#close(stream);
  }

  /** Sends one change; when it ended the browser's last sign-in, says so and ends the stream. */
  #deliver(stream: Stream, id: string, change: SessionChange): void {
    const out = relevant(stream, change);
    if (!out) return;
    this.#write(stream, frame(id, out));
    if (change.kind === 'revoked' || change.kind === 'expired') {
      stream.signIns.delete(change.signInId);
      if (stream.signIns.size === 0) {
        this.#write(stream, frame(id, { event: 'signed-out', data: {} }));
        this.#close(stream);
      }
    }
  }

  /** Ends the stream's response (once) and forgets it. */
  #close(stream: Stream): void {
    if (stream.closed) return;
    stream.closed = true;
    stream.sink?.end();
    this.#streams.delete(stream);
    for (const userId of stream.userIds) {
      const set = this.#byUser.get(userId);
      set?.delete(stream);
      if (set?.size === 0) this.#byUser.delete(userId);
    }
    if (this.#streams.size || !this.#heartbeat) return;
    clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #onChange(change: SessionChange): void {
    const seq = ++this.#seq;
    this.#buffer.push({ seq, change });
    if (this.#buffer.length > this.#limits.replay) this.#buffer.shift();
    const id = `${this.#epoch}.${seq}`;
    // Deleting from a Set while iterating it is safe: closed streams are simply not visited.
    for (const stream of this.#byUser.get(change.userId) ?? []) this.#deliver(stream, id, change);
  }

  /** Changes after `lastEventId` that concern this stream, or a resync when they are gone. */
  #replay(stream: Stream, lastEventId: string | null): void {
    if (!lastEventId) return;
    const [epoch, raw] = lastEventId.split('.');
    const seq = Number(raw);
    const oldest = this.#buffer[0]?.seq ?? this.#seq + 1;
    if (epoch !== this.#epoch || !Number.isInteger(seq) || seq > this.#seq || seq < oldest - 1) {
      // Another instance's id, or older than the buffer: the browser refetches everything.
      this.#write(stream, frame(null, { event: 'resync', data: {} }));
      return;
    }
    for (const { seq: s, change } of this.#buffer) {
      if (s > seq && !stream.closed) this.#deliver(stream, `${this.#epoch}.${s}`, change);
    }
  }

  /** Keeps quiet streams open through proxies and ends expired and over-age ones. */
  #beat(): void {
    const now = Date.now();
    for (const stream of this.#streams) {
      // Ended without a word: the browser reconnects and learns its state from the session.
      if (!live(stream, now) || now >= stream.closesAt) this.#close(stream);
      else this.#write(stream, ': heartbeat\n\n');
    }
  }
}

/**
 * `GET /events`: a stream for the signed-in browser, covering every account
 * signed in on it (multi-session) and those accounts' sign-ins elsewhere.
 */
export async function streamEvents(input: OperationInput): Promise<OperationResult> {
  const active = signedIn(input);
  if (!input.events) {
    throw new HttpError(
      501,
      'unsupported',
      'Live updates are not set up here: the sessionElements() plugin is missing.',
    );
  }
  const sessions = await browserSessions(input.calls, active);
  const identity: StreamIdentity = {
    userIds: [...new Set(sessions.map(({ user }) => user.id))],
    signIns: new Map(
      sessions.map(({ session }) => [session.id, toDate(session.expiresAt)?.getTime() ?? 0]),
    ),
  };
  const lastEventId = input.request.headers.get('last-event-id');
  if (input.openSink) {
    // The caller writes the stream itself (toNodeHandler): nothing fetch-style is kept per stream.
    input.events.attach(identity, lastEventId, input.openSink);
    return { status: 200 };
  }
  return {
    status: 200,
    response: input.events.open(identity, lastEventId, input.request.signal),
  };
}
