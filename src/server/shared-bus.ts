import { randomUUID } from 'node:crypto';
import {
  createMemoryBus,
  isSessionChange,
  type SessionChange,
  type SessionEventBus,
} from './bus.js';

/**
 * The largest message a shared bus reads. A change is about 150 bytes; PostgreSQL's
 * NOTIFY takes at most 8000, and anything larger on the channel is not ours.
 */
export const MAX_MESSAGE_BYTES = 8000;

/** The wire format: the change plus the instance that sent it, so it skips its own echo. */
interface Message extends SessionChange {
  source: string;
}

/** How a shared bus reaches the other instances. */
export interface Transport {
  /** Sends one encoded message to every instance (this one included). */
  send(message: string): Promise<void>;
  /** Releases whatever the transport opened. */
  close(): Promise<void>;
}

/** A shared bus under construction: its transport hands received messages to `receive`. */
export interface SharedBus extends SessionEventBus {
  /** Feeds one raw message from the channel; anything that is not a change is dropped. */
  receive(raw: unknown): void;
  close(): Promise<void>;
}

/** The change in `raw`, or null when it is not a well-formed message of another instance. */
function decode(raw: unknown, self: string): SessionChange | null {
  if (typeof raw !== 'string' || raw.length > MAX_MESSAGE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isSessionChange(value)) return null;
  const { source } = value as Partial<Message>;
  if (typeof source !== 'string' || source === self) return null;
  // Only the known fields travel on: nothing else a sender added reaches a stream.
  return { kind: value.kind, userId: value.userId, signInId: value.signInId };
}

/**
 * The part every shared bus has in common: subscribers of this instance hear
 * its own changes at once (through an in-process bus, even while the channel is
 * down), other instances hear them through `connect`'s transport.
 */
export function createSharedBus(connect: (bus: SharedBus) => Transport): SessionEventBus {
  const local = createMemoryBus();
  const self = randomUUID();
  let closed = false;
  const bus: SharedBus = {
    async publish(change) {
      if (closed) return;
      local.publish(change);
      const { kind, userId, signInId } = change;
      const message: Message = { kind, userId, signInId, source: self };
      await transport.send(JSON.stringify(message));
    },
    subscribe: (listener) => local.subscribe(listener),
    receive(raw) {
      if (closed) return;
      const change = decode(raw, self);
      if (change) local.publish(change);
    },
    async close() {
      if (closed) return;
      closed = true;
      local.close?.();
      await transport.close();
    },
  };
  const transport = connect(bus);
  return {
    publish: (change) => bus.publish(change),
    subscribe: (listener) => bus.subscribe(listener),
    close: () => bus.close(),
  };
}

/** Logs a lost connection once per outage rather than on every retry. */
export function outageLogger(name: string): { down(error: unknown): void; up(): void } {
  let down = false;
  return {
    down(error) {
      if (down) return;
      down = true;
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(
        `session-elements: the ${name} live-update bus lost its connection (${reason}); changes published meanwhile by other instances are missed`,
      );
    },
    up() {
      if (!down) return;
      down = false;
      console.warn(`session-elements: the ${name} live-update bus is listening again`);
    },
  };
}
