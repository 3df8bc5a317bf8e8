import { expect } from '@open-wc/testing';
import { SessionError } from '../../src/core/errors.js';
import {
  attempt,
  retryDelay,
  sleep,
  withRetry,
  type RequestPolicy,
} from '../../src/core/request.js';
import { ManualClock, flush } from '../helpers/manual-clock.js';

function policy(clock: ManualClock, overrides: Partial<RequestPolicy> = {}): RequestPolicy {
  return { clock, timeout: 10_000, retries: 2, random: () => 0.5, ...overrides };
}

/** Records when each attempt started (clock time) and answers from a script. */
function scripted(clock: ManualClock, answers: (() => Promise<string>)[]) {
  const at: number[] = [];
  const signals: AbortSignal[] = [];
  const run = (signal: AbortSignal) => {
    at.push(clock.now());
    signals.push(signal);
    const answer = answers[Math.min(at.length - 1, answers.length - 1)]!;
    return answer();
  };
  return { at, signals, run };
}

const fail = (code: ConstructorParameters<typeof SessionError>[0], retryAfter?: number) => () =>
  Promise.reject(new SessionError(code, code, { retryAfter }));
const never = () => new Promise<string>(() => undefined);

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: SessionError }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as SessionError }),
  );
}

describe('request: retryDelay', () => {
  it('doubles from one second with ±20 % jitter, capped at 30 s', () => {
    const server = new SessionError('server');
    expect([0, 1, 2, 3].map((n) => retryDelay(n, server, () => 0.5))).to.deep.equal([
      1000, 2000, 4000, 8000,
    ]);
    expect(retryDelay(0, server, () => 0)).to.equal(800);
    expect(retryDelay(0, server, () => 1)).to.equal(1200);
    expect(retryDelay(10, server, () => 0.5)).to.equal(30_000);
  });

  it('takes a 429’s Retry-After instead, capped at 30 s', () => {
    const limited = (s: number) => new SessionError('rate-limited', '', { retryAfter: s });
    expect(retryDelay(3, limited(2), () => 0.5)).to.equal(2000);
    expect(retryDelay(0, limited(600), () => 0.5)).to.equal(30_000);
  });
});

describe('request: attempt', () => {
  it('times out on the clock, aborting the signal it handed out', async () => {
    const clock = new ManualClock();
    const { signals, run } = scripted(clock, [never]);
    const result = settle(attempt(run, policy(clock, { timeout: 5000 })));
    await clock.advance(4999);
    expect(signals[0]!.aborted).to.equal(false);
    await clock.advance(1);
    expect((await result).error?.code).to.equal('timeout');
    expect(signals[0]!.aborted).to.equal(true);
    expect(clock.pending).to.equal(0);
  });

  it('settles as aborted when the caller aborts, even if the backend ignores its signal', async () => {
    const clock = new ManualClock();
    const caller = new AbortController();
    const result = settle(attempt(never, policy(clock), caller.signal));
    caller.abort();
    expect((await result).error?.code).to.equal('aborted');
    expect(clock.pending).to.equal(0);
  });

  it('wraps whatever the backend throws into a SessionError', async () => {
    const clock = new ManualClock();
    const run = () => Promise.reject(new TypeError('Failed to fetch'));
    expect((await settle(attempt(run, policy(clock)))).error?.code).to.equal('network');
  });
});

describe('request: withRetry', () => {
  it('retries network and server failures with backoff, then succeeds', async () => {
    const clock = new ManualClock(0);
    const { at, run } = scripted(clock, [
      fail('network'),
      fail('server'),
      () => Promise.resolve('ok'),
    ]);
    const result = settle(withRetry(run, policy(clock)));
    await clock.advance(999);
    expect(at).to.deep.equal([0]);
    await clock.advance(1 + 2000);
    expect((await result).value).to.equal('ok');
    expect(at).to.deep.equal([0, 1000, 3000]);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const clock = new ManualClock(0);
    const { at, run } = scripted(clock, [fail('rate-limited', 7), () => Promise.resolve('ok')]);
    const result = settle(withRetry(run, policy(clock)));
    await clock.advance(6999);
    expect(at).to.deep.equal([0]);
    await clock.advance(1);
    expect((await result).value).to.equal('ok');
    expect(at).to.deep.equal([0, 7000]);
  });

  it('gives up after the allowed retries with the last failure', async () => {
    const clock = new ManualClock(0);
    const { at, run } = scripted(clock, [fail('server')]);
    const result = settle(withRetry(run, policy(clock, { retries: 2 })));
    await clock.advance(60_000);
    expect((await result).error?.code).to.equal('server');
    expect(at.length).to.equal(3);
  });

  for (const code of ['unauthorized', 'not-found', 'bad-request', 'invalid-response'] as const) {
    it(`does not retry ${code}`, async () => {
      const clock = new ManualClock(0);
      const { at, run } = scripted(clock, [fail(code)]);
      const result = settle(withRetry(run, policy(clock)));
      await clock.advance(60_000);
      expect((await result).error?.code).to.equal(code);
      expect(at.length).to.equal(1);
    });
  }

  it('does not retry a timeout, so one call waits no longer than one timeout', async () => {
    const clock = new ManualClock(0);
    const { at, run } = scripted(clock, [never]);
    const result = settle(withRetry(run, policy(clock, { timeout: 5000 })));
    await clock.advance(60_000);
    expect((await result).error?.code).to.equal('timeout');
    expect(at).to.deep.equal([0]);
  });

  it('stops waiting between attempts when the caller aborts', async () => {
    const clock = new ManualClock(0);
    const caller = new AbortController();
    const { at, run } = scripted(clock, [fail('server')]);
    const result = settle(withRetry(run, policy(clock), caller.signal));
    await flush();
    caller.abort();
    expect((await result).error?.code).to.equal('aborted');
    await clock.advance(60_000);
    expect(at.length).to.equal(1);
  });
});

describe('request: sleep', () => {
  it('resolves after the given time on the clock, or rejects at once when aborted', async () => {
    const clock = new ManualClock(0);
    let done = false;
    void sleep(clock, 500).then(() => (done = true));
    await clock.advance(499);
    expect(done).to.equal(false);
    await clock.advance(1);
    expect(done).to.equal(true);
    expect((await settle(sleep(clock, 500, AbortSignal.abort()))).error?.code).to.equal('aborted');
  });
});
