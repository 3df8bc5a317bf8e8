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

/** Sync between tabs of one origin; a no-op where BroadcastChannel does not exist. */
export class CrossTab {
  readonly #id = Math.random().toString(36).slice(2) + Date.now().toString(36);
  #channel: ChannelLike | null;
  #listener: ((event: MessageEvent) => void) | null = null;

  constructor(channel: ChannelLike | null) {
    this.#channel = channel;
  }

  static open(name = DEFAULT_CHANNEL_NAME): CrossTab {
    const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    return new CrossTab(channel);
  }

  post(kind: CrossTabKind): void {
    const message: CrossTabMessage = { source: 'session-elements', kind, sender: this.#id };
    this.#channel?.postMessage(message);
  }

  listen(fn: (kind: CrossTabKind) => void): void {
    if (!this.#channel || this.#listener) return;
    this.#listener = (event) => {
      if (isCrossTabMessage(event.data) && event.data.sender !== this.#id) fn(event.data.kind);
    };
    this.#channel.addEventListener('message', this.#listener);
  }

  close(): void {
    if (this.#listener) this.#channel?.removeEventListener('message', this.#listener);
    this.#listener = null;
    this.#channel?.close();
    this.#channel = null;
  }
}
