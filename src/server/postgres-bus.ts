import type { SessionEventBus } from './bus.js';
import { createSharedBus, MAX_MESSAGE_BYTES, outageLogger, type Transport } from './shared-bus.js';

/** The methods of a checked-out `pg` client the bus calls (`pg.PoolClient` fits). */
export interface PostgresBusClient {
  query(text: string, values?: unknown[]): Promise<unknown>;
  /** Must emit `notification` ({ channel, payload }), `error` and `end` as `pg` does. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  /** Gives the client back; `true` or an error closes its connection instead. */
  release(destroy?: boolean | Error): void;
}

/** The methods of a `pg.Pool` the bus calls. */
export interface PostgresBusPool {
  query(text: string, values?: unknown[]): Promise<unknown>;
  connect(): Promise<PostgresBusClient>;
}

/** Options of {@link createPostgresBus}. */
export interface PostgresBusOptions {
  /**
   * The LISTEN/NOTIFY channel: letters, digits and underscores, at most 63. Apps sharing
   * one database need different ones. Default `session_elements`.
   */
  channel?: string;
}

/** A notification as `pg` hands it over. */
interface Notification {
  channel: string;
  payload?: string;
}

/** Waits before listening again: 250 ms, doubling up to 10 s. */
const RETRY_FIRST = 250;
const RETRY_MAX = 10_000;

/**
 * A live-update bus over PostgreSQL `LISTEN/NOTIFY`, for several instances on
 * one database and no Redis: give the same instance to
 * `sessionElements({ bus })` and `createSessionHandler({ bus })` in every instance.
 *
 * It keeps one client of `pool` checked out for LISTEN (count it in the pool's
 * `max`) and publishes with `pg_notify` on any other. When the listening
 * connection drops, it connects and listens again with backoff; notifications
 * sent meanwhile are lost (NOTIFY is not queued for a listener that is gone), so
 * pages learn of those changes at their next poll or stream reconnect. Changes
 * of this instance reach its own streams directly, even while the database is
 * unreachable. `close()` ends the listening connection; the pool stays the app's.
 *
 * @example
 * const bus = createPostgresBus(pool, { channel: 'app_sessions' });
 */
export function createPostgresBus(
  pool: PostgresBusPool,
  options: PostgresBusOptions = {},
): SessionEventBus {
  const channel = options.channel ?? 'session_elements';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(channel)) {
    throw new TypeError(`createPostgresBus: not a plain identifier: ${JSON.stringify(channel)}`);
  }
  return createSharedBus((bus): Transport => {
    const outage = outageLogger('PostgreSQL');
    let closed = false;
    let retryIn = RETRY_FIRST;
    let retry: NodeJS.Timeout | undefined;
    /** The listening client and how to let it go. */
    let current: { client: PostgresBusClient; detach(): void } | null = null;
    let connecting: Promise<void> | null = null;

    const schedule = () => {
      if (closed || retry) return;
      retry = setTimeout(() => {
        retry = undefined;
        connecting = listen();
      }, retryIn);
      // A bus waiting to reconnect must not keep the process alive by itself.
      retry.unref();
      retryIn = Math.min(retryIn * 2, RETRY_MAX);
    };

    const listen = async (): Promise<void> => {
      let client: PostgresBusClient;
      try {
        client = await pool.connect();
      } catch (error) {
        outage.down(error);
        schedule();
        return;
      }
      if (closed) return client.release(true);
      const onNotification = (...[notice]: unknown[]) => {
        const { channel: from, payload } = (notice ?? {}) as Partial<Notification>;
        if (from === channel) bus.receive(payload);
      };
      let lost = false;
      const onLost = (...[error]: unknown[]) => {
        // close() released the client already; an error its ending raises comes here too.
        if (lost || closed) return;
        lost = true;
        detach();
        current = null;
        const reason = error instanceof Error ? error : new Error('connection ended');
        client.release(reason);
        outage.down(reason);
        schedule();
      };
      const detach = () => {
        client.removeListener('notification', onNotification);
        client.removeListener('end', onLost);
        // The error listener stays: a late error on a dead client must not crash the process.
      };
      client.on('notification', onNotification);
      client.on('error', onLost);
      client.on('end', onLost);
      current = { client, detach };
      try {
        await client.query(`LISTEN "${channel}"`);
        retryIn = RETRY_FIRST;
        outage.up();
      } catch (error) {
        onLost(error);
      }
    };

    connecting = listen();
    return {
      async send(message) {
        if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) {
          throw new RangeError('createPostgresBus: message over the NOTIFY payload limit');
        }
        await pool.query('select pg_notify($1, $2)', [channel, message]);
      },
      async close() {
        closed = true;
        clearTimeout(retry);
        await connecting;
        if (!current) return;
        const { client, detach } = current;
        current = null;
        detach();
        // Closing the connection ends the LISTEN with it; the pool does not get it back.
        client.release(true);
      },
    };
  });
}
