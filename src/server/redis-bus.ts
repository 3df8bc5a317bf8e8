import type { SessionEventBus } from './bus.js';
import { createSharedBus, outageLogger, type Transport } from './shared-bus.js';

/**
 * The methods of a Redis client the bus calls: ioredis's `Redis` fits as it is;
 * another client needs a thin wrapper. `on` must emit `message` (channel, text),
 * `error` and `ready` (after every reconnect) as ioredis does.
 */
export interface RedisBusClient {
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown;
  quit(): Promise<unknown>;
  disconnect?(): void;
}

/**
 * The clients of a Redis bus: a factory the bus calls twice (it then owns both
 * and `close()` quits them), or two clients of the app's own that `close()`
 * leaves open. The subscriber is in subscriber mode for good: it cannot be the
 * client the app (or better-auth's secondary storage) sends commands on.
 */
export type RedisBusClients =
  (() => RedisBusClient) | { publisher: RedisBusClient; subscriber: RedisBusClient };

/** Options of {@link createRedisBus}. */
export interface RedisBusOptions {
  /** The pub/sub channel; apps sharing one Redis need different ones. Default `session-elements`. */
  channel?: string;
}

/** How long `close()` waits for a created client to quit before it drops the connection. */
const QUIT_WAIT = 1_000;

async function release(client: RedisBusClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((done) => {
    timer = setTimeout(done, QUIT_WAIT);
    timer.unref();
  });
  await Promise.race([client.quit().catch(() => undefined), waited]);
  clearTimeout(timer);
  client.disconnect?.();
}

/**
 * A live-update bus over Redis pub/sub, for several instances serving the same
 * users: give the same instance to `sessionElements({ bus })` and
 * `createSessionHandler({ bus })` in every instance.
 *
 * Delivery is at most once, as Redis pub/sub is: a change published while this
 * instance's subscriber is disconnected never reaches it (ioredis reconnects and
 * subscribes again; the bus also subscribes again on every `ready`). Pages learn
 * of such a change at their next poll or stream reconnect. Changes of this
 * instance reach its own streams directly, even while Redis is down.
 *
 * @example
 * const bus = createRedisBus(() => new Redis(process.env.REDIS_URL), { channel: 'app:sessions' });
 */
export function createRedisBus(
  clients: RedisBusClients,
  options: RedisBusOptions = {},
): SessionEventBus {
  const channel = options.channel ?? 'session-elements';
  if (channel === '') throw new TypeError('createRedisBus: the channel must not be empty');
  const owned = typeof clients === 'function';
  const publisher = owned ? clients() : clients.publisher;
  const subscriber = owned ? clients() : clients.subscriber;
  if (publisher === subscriber) {
    throw new TypeError('createRedisBus: the publisher and the subscriber must be two clients');
  }
  return createSharedBus((bus): Transport => {
    const outage = outageLogger('Redis');
    let subscribed = false;
    const onMessage = (...[from, text]: unknown[]) => {
      if (from === channel) bus.receive(text);
    };
    const onError = (...[error]: unknown[]) => outage.down(error);
    const onReady = () => {
      outage.up();
      // A client that does not resubscribe by itself after a reconnect (ioredis does): idempotent.
      if (subscribed) subscriber.subscribe(channel).catch(onError);
    };
    subscriber.on('message', onMessage);
    subscriber.on('error', onError);
    subscriber.on('ready', onReady);
    // Clients the bus made are its own to watch; the app's clients keep the app's handlers.
    if (owned) publisher.on('error', onError);
    const listening = subscriber.subscribe(channel).then(
      () => void (subscribed = true),
      (error: unknown) => outage.down(error),
    );
    return {
      async send(message) {
        await publisher.publish(channel, message);
      },
      async close() {
        await listening;
        subscriber.removeListener('message', onMessage);
        subscriber.removeListener('ready', onReady);
        if (owned) {
          await Promise.all([release(subscriber), release(publisher)]);
        } else {
          await subscriber.unsubscribe(channel).catch(() => undefined);
        }
        subscriber.removeListener('error', onError);
        if (owned) publisher.removeListener('error', onError);
      },
    };
  });
}
