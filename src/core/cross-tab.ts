/** What one tab tells the others; they revalidate on any of these. */
export type CrossTabKind = 'signed-out' | 'switched' | 'revoked' | 'changed';

export interface CrossTabMessage {
  source: 'session-elements';
  kind: CrossTabKind;
  sender: string;
}

const KINDS: readonly string[] = ['signed-out', 'switched', 'revoked', 'changed'];

/** Anything can be posted on a channel; only well-formed messages from other tabs count. */
export function isCrossTabMessage(value: unknown): value is CrossTabMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return (
    message.source === 'session-elements' &&
    typeof message.kind === 'string' &&
    KINDS.includes(message.kind) &&
    typeof message.sender === 'string'
  );
}

/** The part of BroadcastChannel we use, so tests and old browsers can supply their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export const DEFAULT_CHANNEL_NAME = 'session-elements';

/**
 * Sync between tabs of one origin; a no-op where BroadcastChannel does not exist.
 *
 * Given a channel, it uses that one until `close()`. Given a factory (what
 * `CrossTab.open()` does), it holds a channel only while someone listens: an
 * open BroadcastChannel keeps its listener, and whatever that listener holds,
 * alive, so an idle CrossTab must not have one.
 */
export class CrossTab {
  readonly #id = Math.random().toString(36).slice(2) + Date.now().toString(36);
  #channel: ChannelLike | null;
  #open: (() => ChannelLike | null) | null;
  #listener: ((event: MessageEvent) => void) | null = null;

  constructor(channel: ChannelLike | null | (() => ChannelLike | null)) {
    this.#open = typeof channel === 'function' ? channel : null;
    this.#channel = typeof channel === 'function' ? null : channel;
  }

  /** A CrossTab that opens the named BroadcastChannel only while listening or posting. */
  static open(name = DEFAULT_CHANNEL_NAME): CrossTab {
    return new CrossTab(() =>
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name),
    );
  }

  /** Whether a channel is held right now (always false for an idle lazy CrossTab). */
  get holdsChannel(): boolean {
    return this.#channel !== null;
  }

  /**
   * Tells the other tabs. Without a listening channel, a lazy CrossTab opens
   * one just for this message: the message is queued for every receiver when
   * posted, so closing the sender right after does not lose it.
   */
  post(kind: CrossTabKind): void {
    const message: CrossTabMessage = { source: 'session-elements', kind, sender: this.#id };
    if (this.#channel) return this.#channel.postMessage(message);
    const channel = this.#open?.() ?? null;
    channel?.postMessage(message);
    channel?.close();
  }

  /** Calls `fn` for each valid message from another CrossTab until `unlisten()` or `close()`. */
  listen(fn: (kind: CrossTabKind) => void): void {
    if (this.#listener) return;
    this.#channel ??= this.#open?.() ?? null;
    if (!this.#channel) return;
    this.#listener = (event) => {
      if (isCrossTabMessage(event.data) && event.data.sender !== this.#id) fn(event.data.kind);
    };
    this.#channel.addEventListener('message', this.#listener);
  }

  /** Stops listening; a lazy CrossTab also closes its channel. */
  unlisten(): void {
    if (this.#open) return this.close();
    if (this.#listener) this.#channel?.removeEventListener('message', this.#listener);
    this.#listener = null;
  }

  /**
   * Stops listening and closes the channel. A given channel is gone for good;
   * a lazy CrossTab holds nothing now but can still post, so a mutation that
   * finishes after its controller was disposed still reaches the other tabs.
   */
  close(): void {
    if (this.#listener) this.#channel?.removeEventListener('message', this.#listener);
    this.#listener = null;
    this.#channel?.close();
    this.#channel = null;
  }
}
