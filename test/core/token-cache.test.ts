import { expect } from '@open-wc/testing';
import { SessionError } from '../../src/core/errors.js';
import { TOKEN_EXPIRY_MARGIN, TokenCache } from '../../src/core/token-cache.js';
import type { TokenResult } from '../../src/core/types.js';
import { ManualClock } from '../helpers/manual-clock.js';

async function rejection(promise: Promise<unknown>): Promise<SessionError> {
  try {
    await promise;
  } catch (error) {
    return error as SessionError;
  }
  throw new Error('expected a rejection');
}

/** A JWT-shaped string whose payload carries `exp` (seconds). */
function jwt(exp: number): string {
  const payload = btoa(JSON.stringify({ exp })).replace(/=+$/, '');
  return `e30.${payload}.sig`;
}

describe('TokenCache', () => {
  it('shares one fetch among concurrent calls and serves the token until near its expiry', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    let fetches = 0;
    const fetch = () => {
      fetches++;
      return Promise.resolve({ token: `t${fetches}`, expiresAt: clock.now() + 60_000 });
    };
    expect(await Promise.all([cache.get('k', fetch), cache.get('k', fetch)])).to.deep.equal([
      't1',
      't1',
    ]);
    await clock.advance(60_000 - TOKEN_EXPIRY_MARGIN - 1);
    expect(await cache.get('k', fetch)).to.equal('t1');
    await clock.advance(1);
    expect(await cache.get('k', fetch)).to.equal('t2');
    expect(fetches).to.equal(2);
  });

  it('keeps keys apart', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    const fetch = (token: string) => () =>
      Promise.resolve({ token, expiresAt: clock.now() + 60_000 });
    expect(await cache.get('a', fetch('A'))).to.equal('A');
    expect(await cache.get('b', fetch('B'))).to.equal('B');
    expect(cache.size).to.equal(2);
  });

  it('does not remember a failed fetch', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    const failing = () => Promise.reject(new SessionError('server'));
    expect((await rejection(cache.get('k', failing))).code).to.equal('server');
    const ok = () => Promise.resolve({ token: 'fresh', expiresAt: clock.now() + 60_000 });
    expect(await cache.get('k', ok)).to.equal('fresh');
  });

  it('reads the expiry from the JWT when the backend gives none, and caches nothing without one', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    const signed = jwt(Math.floor(clock.now() / 1000) + 60);
    let fetches = 0;
    const fromJwt = () => (fetches++, Promise.resolve({ token: signed }));
    await cache.get('jwt', fromJwt);
    await cache.get('jwt', fromJwt);
    expect(fetches).to.equal(1);
    const opaque = () => (fetches++, Promise.resolve({ token: 'opaque' }));
    await cache.get('opaque', opaque);
    await cache.get('opaque', opaque);
    expect(fetches).to.equal(3);
  });

  it('refuses a token that is already about to expire', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    const stale = () =>
      Promise.resolve({ token: 't', expiresAt: clock.now() + TOKEN_EXPIRY_MARGIN });
    expect((await rejection(cache.get('k', stale))).code).to.equal('invalid-response');
    expect(cache.size).to.equal(0);
  });

  it('clear() drops every token and rejects waiting calls with session-changed', async () => {
    const clock = new ManualClock();
    const cache = new TokenCache(clock);
    await cache.get('k', () => Promise.resolve({ token: 'old', expiresAt: clock.now() + 60_000 }));
    let finish!: (result: TokenResult) => void;
    const waiting = cache.get('w', () => new Promise((resolve) => (finish = resolve)));
    cache.clear();
    expect(cache.size).to.equal(0);
    expect((await rejection(waiting)).code).to.equal('session-changed');
    finish({ token: 'late', expiresAt: clock.now() + 60_000 });
    const next = await cache.get('w', () =>
      Promise.resolve({ token: 'new', expiresAt: clock.now() + 60_000 }),
    );
    expect(next).to.equal('new');
  });
});
