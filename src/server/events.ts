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

/** A client that stopped reading this many chunks ago is gone or hostile: its stream ends. */
const MAX_QUEUED_CHUNKS = 64;
/** What a browser waits before reconnecting after the stream ended (SSE `retry:`). */
const RETRY_MS = 3_000;

const encoder = new TextEncoder();

function frame(id: string | null, out: Outgoing): string {
  const head = id ? `id: ${id}\n` : '';
  return `${head}event: ${out.event}\ndata: ${JSON.stringify(out.data)}\n\n`;
}

class Stream {
  readonly userIds: ReadonlySet<string>;
  readonly signIns: Map<string, number>;
  readonly body: ReadableStream<Uint8Array>;
  readonly closesAt: number;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #closed = false;

  constructor(
    identity: StreamIdentity,
    closesAt: number,
    private readonly onClose: (stream: Stream) => void,
  ) {
    this.userIds = new Set(identity.userIds);
    this.signIns = new Map(identity.signIns);
    this.closesAt = closesAt;
    this.body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      // The client went away (a fetch-style server cancels the body when the socket closes).
      cancel: () => this.close(),
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Queues text for the client; a client that stopped reading is dropped instead. */
  write(text: string): void {
    if (this.#closed) return;
    if ((this.#controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) return this.close();
    try {
      this.#controller.enqueue(encoder.encode(text));
    } catch {
      this.close();
    }
  }

  /** What this stream's browser should hear of a change, if anything. */
  relevant(change: SessionChange): Outgoing | null {
    if (!this.userIds.has(change.userId)) return null;
    const own = this.signIns.has(change.signInId);
    if (change.kind === 'changed') {
      return own ? { event: 'active', data: { kind: 'changed', signInId: change.signInId } } : null;
    }
    return { event: 'signin', data: { kind: change.kind, signInId: change.signInId } };
  }

  /** Sends one change; when it ended the browser's last sign-in, says so and ends the stream. */
  deliver(id: string, change: SessionChange): void {
    const out = this.relevant(change);
    if (!out) return;
    this.write(frame(id, out));
    if (change.kind === 'revoked' || change.kind === 'expired') {
      this.signIns.delete(change.signInId);
      if (this.signIns.size === 0) this.end({ event: 'signed-out', data: {} }, id);
    }
  }

  /** Writes a last event (if any) and ends the stream. */
  end(last?: Outgoing, id: string | null = null): void {
    if (last) this.write(frame(id, last));
    this.close();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#controller.close();
    } catch {
      // Already cancelled by the client.
    }
    this.onClose(this);
  }
}

/**
 * The open `GET /events` streams of one handler: it listens to the bus while
 * any stream is open, numbers each change for `Last-Event-ID`, keeps a bounded
 * replay buffer, sends heartbeats, and enforces the per-user and per-process
 * limits. Event ids carry a per-process epoch, so an id from another instance
 * or before a restart asks for a resync instead of a wrong replay.
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
    if (this.#closed) {
      throw new HttpError(503, 'server', 'The server is shutting down.', { 'Retry-After': '1' });
    }
    this.#checkLimits(identity);
    const stream = new Stream(identity, Date.now() + this.#lifetime(), (s) => this.#forget(s));
    this.#streams.add(stream);
    for (const userId of stream.userIds) {
      let set = this.#byUser.get(userId);
      if (!set) this.#byUser.set(userId, (set = new Set()));
      set.add(stream);
    }
    this.#listen();
    stream.write(`retry: ${RETRY_MS}\n\n`);
    this.#replay(stream, lastEventId);
    if (signal?.aborted) stream.close();
    else signal?.addEventListener('abort', () => stream.close(), { once: true });
    return new Response(stream.body, {
      status: 200,
      headers: {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        // nginx and similar proxies buffer responses unless told not to.
        'X-Accel-Buffering': 'no',
      },
    });
  }

  /** Ends every stream and stops listening (shutdown); later opens answer 503. */
  close(): void {
    this.#closed = true;
    for (const stream of [...this.#streams]) stream.close();
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

  #forget(stream: Stream): void {
    this.#streams.delete(stream);
    for (const userId of stream.userIds) {
      const set = this.#byUser.get(userId);
      set?.delete(stream);
      if (set?.size === 0) this.#byUser.delete(userId);
    }
    if (this.#streams.size) return;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #onChange(change: SessionChange): void {
    const seq = ++this.#seq;
    this.#buffer.push({ seq, change });
    if (this.#buffer.length > this.#limits.replay) this.#buffer.shift();
    const id = `${this.#epoch}.${seq}`;
    for (const stream of [...(this.#byUser.get(change.userId) ?? [])]) stream.deliver(id, change);
  }

  /** Changes after `lastEventId` that concern this stream, or a resync when they are gone. */
  #replay(stream: Stream, lastEventId: string | null): void {
    if (!lastEventId) return;
    const [epoch, raw] = lastEventId.split('.');
    const seq = Number(raw);
    const oldest = this.#buffer[0]?.seq ?? this.#seq + 1;
    if (epoch !== this.#epoch || !Number.isInteger(seq) || seq > this.#seq || seq < oldest - 1) {
      // Another instance's id, or older than the buffer: the browser refetches everything.
      stream.write(frame(null, { event: 'resync', data: {} }));
      return;
    }
    for (const { seq: s, change } of this.#buffer) {
      if (s > seq && !stream.closed) stream.deliver(`${this.#epoch}.${s}`, change);
    }
  }

  /** Keeps quiet streams open through proxies and ends expired and over-age ones. */
  #beat(): void {
    const now = Date.now();
    for (const stream of [...this.#streams]) {
      const live = [...stream.signIns.values()].some((expiresAt) => expiresAt > now);
      // Ended without a word: the browser reconnects and learns its state from the session.
      if (!live || now >= stream.closesAt) stream.close();
      else stream.write(': heartbeat\n\n');
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
  return {
    status: 200,
    response: input.events.open(identity, lastEventId, input.request.signal),
  };
}
