import { expect } from '@open-wc/testing';
import type { RequestOptions } from '../../src/core/backend.js';
import { MemoryBackend } from '../../src/backends/memory.js';
import { CrossTab } from '../../src/core/cross-tab.js';
import { SessionError } from '../../src/core/errors.js';
import {
  SessionController,
  type SessionControllerOptions,
} from '../../src/core/session-controller.js';
import type { SessionState } from '../../src/core/session-state.js';
import type { TokenResult } from '../../src/core/types.js';
import { FakeEnvironment } from '../helpers/fake-environment.js';
import { GatedBackend } from '../helpers/gated-backend.js';
import { ManualClock, flush } from '../helpers/manual-clock.js';
import { ScriptedBackend } from '../helpers/scripted-backend.js';
import { waitUntil } from '../helpers/wait-until.js';

function setup(
  options: Partial<SessionControllerOptions> & {
    backend?: MemoryBackend;
    start?: number;
    clock?: ManualClock;
  } = {},
) {
  const backend = options.backend ?? new MemoryBackend();
  const clock = options.clock ?? new ManualClock(options.start);
  const environment = new FakeEnvironment();
  const controller = new SessionController({
    clock,
    environment,
    crossTab: false,
    random: () => 0.5,
    ...options,
    backend,
  });
  const states: SessionState[] = [];
  const unsubscribe = controller.subscribe((state) => states.push(state));
  return { backend, clock, environment, controller, states, unsubscribe };
}

function signedIn(state: SessionState) {
  if (state.status !== 'signed-in') throw new Error(`expected signed-in, got ${state.status}`);
  return state;
}

function revision(controller: SessionController): number {
  const state = controller.getSnapshot();
  return state.status === 'loading' ? -1 : state.revision;
}

describe('SessionController: loading and subscribing', () => {
  it('starts loading and settles signed in with a frozen copy of the session', async () => {
    const { controller, states } = setup();
    expect(states[0].status).to.equal('loading');
    await flush();
    const state = signedIn(controller.getSnapshot());
    expect(state.session.active_signin?.id).to.equal('si_ada_mac');
    expect(state.stale).to.equal(false);
    expect(Object.isFrozen(state)).to.equal(true);
    expect(Object.isFrozen(state.session.active_signin)).to.equal(true);
  });

  it('gives every subscriber the current state at once and a new object per change', async () => {
    const { controller, states } = setup();
    await flush();
    const seen: SessionState[] = [];
    controller.subscribe((state) => seen.push(state));
    expect(seen).to.deep.equal([controller.getSnapshot()]);
    await controller.switchSignIn('si_alan_mac');
    expect(seen.length).to.equal(2);
    expect(seen[1]).to.not.equal(seen[0]);
    expect(states.at(-1)).to.equal(seen[1]);
  });

  it('costs one session request however many subscribers and refetches overlap', async () => {
    const { controller, backend } = setup();
    for (let i = 0; i < 20; i++) controller.subscribe(() => {});
    await Promise.all([controller.refetch(), controller.refetch(), controller.refetch()]);
    expect(backend.calls.getSession).to.equal(1);
  });

  it('stops polling and listening when the last subscriber leaves', async () => {
    const { controller, backend, clock, environment, unsubscribe } = setup();
    await flush();
    expect(environment.listenerCount).to.equal(1);
    unsubscribe();
    expect(environment.listenerCount).to.equal(0);
    await clock.advance(120_000);
    expect(backend.calls.getSession).to.equal(1);
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });
});

describe('SessionController: ordering', () => {
  it('discards a session response that a mutation overtook', async () => {
    const backend = new ScriptedBackend();
    const { controller } = setup({ backend });
    await flush();
    const stale = await backend.real();
    backend.sessionCalls[0].resolve(stale);
    await flush();
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_ada_mac');

    const poll = controller.refetch();
    await flush();
    await controller.switchSignIn('si_alan_mac');
    // The poll started before the switch and answers with the old account afterwards.
    backend.sessionCalls[1].resolve(stale);
    await poll;
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_alan_mac');
  });

  it('discards a response that a newer request replaced, and aborts the old one', async () => {
    const backend = new ScriptedBackend();
    const name = `ordering-${Date.now()}`;
    const { controller } = setup({ backend, crossTab: CrossTab.open(name) });
    await flush();
    const first = backend.sessionCalls[0];
    // Another tab reports a change while the first request is in flight: a newer one starts.
    const other = CrossTab.open(name);
    other.post('revoked');
    await waitUntil(() => backend.sessionCalls.length === 2, 'no newer request started');
    other.close();
    expect(first.signal.aborted).to.equal(true);
    expect(backend.sessionCalls).to.have.length(2);
    backend.sessionCalls[1].resolve(await backend.real());
    first.resolve(null);
    await flush();
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });
});

describe('SessionController: poll interval', () => {
  it('can never become a request loop, whatever the attribute said', () => {
    const interval = (refreshInterval: number) =>
      new SessionController({ backend: new MemoryBackend(), crossTab: false, refreshInterval })
        .refreshInterval;
    expect(interval(Number('abc'))).to.equal(30_000);
    expect(interval(Infinity)).to.equal(30_000);
    expect(interval(3e9), 'past what timers can wait').to.equal(2 ** 31 - 1);
    expect(interval(5)).to.equal(1_000);
    expect(interval(0), 'off').to.equal(0);
    expect(interval(-1), 'off').to.equal(0);
    expect(interval(45_000)).to.equal(45_000);
  });
});

describe('SessionController: revision', () => {
  it('bumps exactly once per mutation and never for an unchanged poll', async () => {
    const { controller, clock } = setup();
    await flush();
    const start = revision(controller);
    await clock.advance(30_000);
    expect(revision(controller)).to.equal(start);

    const removed = await controller.removeSignIn('si_ada_iphone');
    expect(removed.ok).to.equal(true);
    expect(revision(controller)).to.equal(start + 1);

    const revoked = await controller.revokeOtherSignIns();
    expect(revoked).to.deep.equal({ ok: true, data: { revoked: 6 } });
    expect(revision(controller)).to.equal(start + 2);

    await controller.switchSignIn('si_alan_mac');
    expect(revision(controller)).to.equal(start + 3);
    await controller.switchOrganization(null);
    expect(revision(controller)).to.equal(start + 4);
  });

  it('bumps when a poll observes a change made elsewhere', async () => {
    const { controller, clock, backend } = setup();
    await flush();
    const start = revision(controller);
    await backend.switchSignIn('si_alan_mac', { signal: new AbortController().signal });
    await clock.advance(30_000);
    expect(revision(controller)).to.equal(start + 1);
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_alan_mac');
  });

  it('reports a failed mutation without bumping or losing the session', async () => {
    const { controller, backend } = setup();
    await flush();
    const start = revision(controller);
    backend.failNext('not-found', { method: 'removeSignIn' });
    const result = await controller.removeSignIn('si_ada_iphone');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.error.code).to.equal('not-found');
    expect(revision(controller)).to.equal(start);
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });
});

describe('SessionController: mutation queue', () => {
  const current = (controller: SessionController) =>
    signedIn(controller.getSnapshot()).session.active_signin?.id;

  it('sends a mutation only after the previous one settled, the last result winning', async () => {
    const backend = new GatedBackend();
    const { controller } = setup({ backend });
    await flush();
    const start = revision(controller);
    // Two elements in one tick: switch to Alan, sign Alan out.
    const switched = controller.switchSignIn('si_alan_mac');
    const signedOut = controller.signOut('si_alan_mac');
    await flush();
    expect(backend.log).to.deep.equal(['switchSignIn si_alan_mac: sent']);

    backend.release();
    await switched;
    expect(current(controller)).to.equal('si_alan_mac');
    await flush();
    expect(backend.log).to.deep.equal([
      'switchSignIn si_alan_mac: sent',
      'switchSignIn si_alan_mac: answered',
      'signOut si_alan_mac: sent',
    ]);

    backend.release();
    await signedOut;
    const truth = await backend.getSession({ signal: new AbortController().signal });
    expect(truth?.active_signin?.id).to.equal('si_ada_mac');
    expect(signedIn(controller.getSnapshot()).session).to.deep.equal(truth);
    expect(revision(controller)).to.equal(start + 2);
  });

  it('runs the next mutation after one failed, and does not queue reads', async () => {
    const backend = new GatedBackend();
    const { controller } = setup({ backend });
    await flush();
    const start = revision(controller);
    backend.failNext('server', { method: 'removeSignIn', status: 500 });
    const removed = controller.removeSignIn('si_ada_iphone');
    const switched = controller.switchSignIn('si_alan_mac');
    await flush();
    expect(backend.waiting).to.equal(1);
    // A read while a mutation is under way answers at once.
    expect((await controller.listSignIns()).total).to.equal(8);

    backend.release();
    const result = await removed;
    expect(result.ok).to.equal(false);
    await flush();
    expect(backend.waiting).to.equal(1);
    backend.release();
    await switched;
    expect(current(controller)).to.equal('si_alan_mac');
    expect(revision(controller)).to.equal(start + 1);
  });

  it('rejects queued mutations as aborted on dispose and lets the sent one finish', async () => {
    const backend = new GatedBackend();
    const { controller } = setup({ backend });
    await flush();
    const calls = backend.calls.getSession;
    const first = controller.signOut('si_alan_mac');
    const second = controller.switchSignIn('si_alan_mac');
    const third = controller.removeSignIn('si_ada_iphone');
    await flush();
    controller.dispose();
    const codes = await Promise.all([
      second.then(
        () => 'resolved',
        (error: SessionError) => error.code,
      ),
      third.then((result) => (result.ok ? 'ok' : result.error.code)),
    ]);
    expect(codes).to.deep.equal(['aborted', 'aborted']);

    backend.release();
    await first;
    await flush();
    expect(backend.waiting).to.equal(0);
    expect(backend.log).to.deep.equal([
      'signOut si_alan_mac: sent',
      'signOut si_alan_mac: answered',
    ]);
    // Disposed: the result is not applied and nothing is reloaded.
    expect(backend.calls.getSession).to.equal(calls);
    let late: unknown;
    await controller.switchSignIn('si_alan_mac').catch((error: unknown) => (late = error));
    expect((late as SessionError).code).to.equal('aborted');
  });
});

describe('SessionController: polling and revalidation', () => {
  it('polls while visible and online, and pauses while hidden or offline', async () => {
    const { backend, clock, environment } = setup({ refreshInterval: 30_000 });
    await flush();
    await clock.advance(30_000);
    expect(backend.calls.getSession).to.equal(2);
    environment.emit('hidden');
    await clock.advance(90_000);
    expect(backend.calls.getSession).to.equal(2);
    environment.emit('visible');
    await flush();
    expect(backend.calls.getSession).to.equal(3);
    environment.emit('offline');
    await clock.advance(90_000);
    expect(backend.calls.getSession).to.equal(3);
  });

  it('revalidates on focus and online at most once per 5 s', async () => {
    const { backend, clock, environment } = setup({ refreshInterval: 0 });
    await flush();
    await clock.advance(1_000);
    environment.emit('focus');
    await flush();
    expect(backend.calls.getSession).to.equal(1);
    await clock.advance(4_000);
    environment.emit('focus');
    await flush();
    expect(backend.calls.getSession).to.equal(2);
    environment.emit('online');
    environment.emit('focus');
    await flush();
    expect(backend.calls.getSession).to.equal(2);
    await clock.advance(5_000);
    environment.emit('online');
    await flush();
    expect(backend.calls.getSession).to.equal(3);
  });

  it('does not revalidate on focus when revalidateOnFocus is off', async () => {
    const { backend, clock, environment } = setup({ refreshInterval: 0, revalidateOnFocus: false });
    await flush();
    await clock.advance(10_000);
    environment.emit('focus');
    await flush();
    expect(backend.calls.getSession).to.equal(1);
  });
});

describe('SessionController: failures', () => {
  it('retries network, 5xx and 429 failures with exponential backoff', async () => {
    const backend = new MemoryBackend().failNext('server', { method: 'getSession', times: 2 });
    const { controller, clock } = setup({ backend, refreshInterval: 0 });
    await flush();
    expect(backend.calls.getSession).to.equal(1);
    await clock.advance(999);
    expect(backend.calls.getSession).to.equal(1);
    await clock.advance(1);
    expect(backend.calls.getSession).to.equal(2);
    await clock.advance(1_999);
    expect(backend.calls.getSession).to.equal(2);
    await clock.advance(1);
    expect(backend.calls.getSession).to.equal(3);
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });

  it('gives up after three retries with an error state', async () => {
    const backend = new MemoryBackend().failNext('network', { method: 'getSession', times: 10 });
    const { controller, clock } = setup({ backend, refreshInterval: 0 });
    await clock.advance(60_000);
    expect(backend.calls.getSession).to.equal(4);
    const state = controller.getSnapshot();
    expect(state.status).to.equal('error');
    if (state.status === 'error') expect(state.error.code).to.equal('network');
  });

  it('never retries what cannot succeed (403, invalid payloads)', async () => {
    const backend = new MemoryBackend().failNext('forbidden', { method: 'getSession', times: 5 });
    const { controller, clock } = setup({ backend, refreshInterval: 0 });
    await clock.advance(60_000);
    expect(backend.calls.getSession).to.equal(1);
    expect(controller.getSnapshot().status).to.equal('error');
  });

  it('honours Retry-After on a 429', async () => {
    const backend = new MemoryBackend().rateLimitNext(7, 'getSession');
    const { clock, controller } = setup({ backend, refreshInterval: 0 });
    await clock.advance(6_999);
    expect(backend.calls.getSession).to.equal(1);
    await clock.advance(1);
    expect(backend.calls.getSession).to.equal(2);
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });

  it('keeps the user signed in but stale when revalidation is rate limited', async () => {
    const { controller, backend } = setup({ refreshInterval: 0, maxRetries: 0 });
    await flush();
    const before = signedIn(controller.getSnapshot());
    backend.rateLimitNext(30, 'getSession');
    await controller.refetch();
    const after = signedIn(controller.getSnapshot());
    expect(after.stale).to.equal(true);
    expect(after.error?.code).to.equal('rate-limited');
    expect(after.session).to.equal(before.session);
    await controller.refetch();
    expect(signedIn(controller.getSnapshot()).stale).to.equal(false);
  });

  it('signs out and drops all user data on a 401', async () => {
    const { controller, backend } = setup({ refreshInterval: 0 });
    await flush();
    backend.failNext('unauthorized', { method: 'getSession' });
    await controller.refetch();
    const state = controller.getSnapshot();
    expect(state.status).to.equal('signed-out');
    expect(JSON.stringify(state)).to.not.contain('ada');
  });

  it('turns a malformed payload into an invalid-response error, never a crash', async () => {
    const backend = new MemoryBackend().malformNext('getSession');
    const { controller } = setup({ backend, refreshInterval: 0 });
    await flush();
    const state = controller.getSnapshot();
    expect(state.status).to.equal('error');
    if (state.status === 'error') expect(state.error.code).to.equal('invalid-response');
  });

  it('bounds every request by requestTimeout, even if the backend hangs', async () => {
    const backend = new MemoryBackend();
    backend.getSession = () => new Promise(() => {});
    const { controller, clock } = setup({ backend, refreshInterval: 0, requestTimeout: 15_000 });
    await clock.advance(14_999);
    expect(controller.getSnapshot().status).to.equal('loading');
    await clock.advance(1);
    const state = controller.getSnapshot();
    expect(state.status).to.equal('error');
    if (state.status === 'error') expect(state.error.code).to.equal('timeout');
  });

  it('rejects mutations that time out, leaving the session as it was', async () => {
    const { controller, backend, clock } = setup({ refreshInterval: 0, requestTimeout: 1_000 });
    await flush();
    backend.switchSignIn = () => new Promise(() => {});
    const switching = controller.switchSignIn('si_alan_mac').catch((e: unknown) => e);
    await clock.advance(1_000);
    expect(((await switching) as SessionError).code).to.equal('timeout');
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_ada_mac');
  });

  it('refuses what the backend cannot do with an unsupported error', async () => {
    const backend = new MemoryBackend({ capabilities: { organizations: false } });
    const { controller } = setup({ backend });
    let error: unknown;
    await controller.switchOrganization('org_acme').catch((e: unknown) => (error = e));
    expect((error as SessionError).code).to.equal('unsupported');
    expect(backend.calls.switchOrganization).to.equal(undefined);
  });
});

describe('SessionController: sign-out', () => {
  it('signs out one account and promotes the next one on this browser', async () => {
    const { controller } = setup({ refreshInterval: 0 });
    await flush();
    await controller.signOut('si_ada_mac');
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_alan_mac');
  });

  it('signs out every account on this browser with { all }', async () => {
    const { controller, backend } = setup({ refreshInterval: 0 });
    await flush();
    await controller.signOut({ all: true });
    expect(controller.getSnapshot().status).to.equal('signed-out');
    expect(backend.data.signins.some((s) => s.id === 'si_ada_iphone')).to.equal(true);
  });

  it('signs out every device with { everywhere }', async () => {
    const { controller, backend } = setup({ refreshInterval: 0 });
    await flush();
    await controller.signOut({ everywhere: true });
    expect(backend.data.signins.filter((s) => s.user_id === 'user_ada')).to.have.length(0);
    // Alan's account on this browser takes over.
    expect(signedIn(controller.getSnapshot()).session.active_signin?.user_id).to.equal('user_alan');
  });
});

class DeferredTokens extends MemoryBackend {
  pending: { resolve(v: TokenResult): void; reject(e: unknown): void }[] = [];
  override getToken(_template: string | undefined, _o: RequestOptions): Promise<TokenResult> {
    this.calls.getToken = (this.calls.getToken ?? 0) + 1;
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }
}

describe('SessionController: tokens', () => {
  it('shares one request between concurrent calls for the same template', async () => {
    const { controller, backend } = setup({ start: Date.now(), refreshInterval: 0 });
    await flush();
    const tokens = await Promise.all(Array.from({ length: 100 }, () => controller.getToken('x')));
    expect(new Set(tokens).size).to.equal(1);
    expect(backend.calls.getToken).to.equal(1);
    await controller.getToken('x');
    expect(backend.calls.getToken).to.equal(1);
  });

  it('keys the cache by template, sign-in, organization and workspace', async () => {
    const { controller, backend } = setup({ start: Date.now(), refreshInterval: 0 });
    await flush();
    const a = await controller.getToken('a');
    const b = await controller.getToken('b');
    expect(a).to.not.equal(b);
    expect(backend.calls.getToken).to.equal(2);
    await controller.switchOrganization('org_globex');
    const c = await controller.getToken('a');
    expect(c).to.not.equal(a);
    expect(JSON.parse(atob(c.split('.')[1])).org).to.equal('org_globex');
    await controller.switchSignIn('si_alan_mac');
    const d = await controller.getToken('a');
    expect(JSON.parse(atob(d.split('.')[1])).sub).to.equal('user_alan');
    expect(backend.calls.getToken).to.equal(4);
  });

  it('never hands out a token with 5 s or less to live', async () => {
    const clock = new ManualClock(Date.now());
    const backend = new MemoryBackend({ tokenLifetime: 60_000, now: () => clock.now() });
    const { controller } = setup({ backend, clock, refreshInterval: 0 });
    await flush();
    const first = await controller.getToken();
    await clock.advance(54_000);
    expect(await controller.getToken()).to.equal(first);
    await clock.advance(1_000);
    expect(await controller.getToken()).to.not.equal(first);
    expect(backend.calls.getToken).to.equal(2);
  });

  it('does not cache a failed token request', async () => {
    const { controller, backend } = setup({ start: Date.now(), refreshInterval: 0 });
    await flush();
    backend.failNext('forbidden', { method: 'getToken' });
    let error: unknown;
    await controller.getToken().catch((e: unknown) => (error = e));
    expect((error as SessionError).code).to.equal('forbidden');
    expect(await controller.getToken()).to.be.a('string');
    expect(backend.calls.getToken).to.equal(2);
  });

  it('rejects in-flight token calls with session-changed when the session changes', async () => {
    const backend = new DeferredTokens();
    const { controller } = setup({ backend, start: Date.now(), refreshInterval: 0 });
    await flush();
    const pending = controller.getToken('x');
    // The first getToken() loads the token cache before it asks the backend.
    await waitUntil(() => backend.pending.length === 1, 'the token request never started');
    await controller.switchSignIn('si_alan_mac');
    backend.pending[0].resolve({ token: 'old-account-token', expiresAt: Date.now() + 60_000 });
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as SessionError).code).to.equal('session-changed');
  });

  it('throws when nobody is signed in', async () => {
    const backend = new MemoryBackend();
    await backend.signOut({ all: true }, { signal: new AbortController().signal });
    const { controller } = setup({ backend, refreshInterval: 0 });
    let error: unknown;
    await controller.getToken().catch((e: unknown) => (error = e));
    expect((error as SessionError).code).to.equal('unauthorized');
    expect(backend.calls.getToken).to.equal(undefined);
  });
});

describe('SessionController: lists', () => {
  it('shares identical concurrent list requests and pages the current user’s sign-ins', async () => {
    const { controller, backend } = setup({ refreshInterval: 0 });
    await flush();
    const [a, b] = await Promise.all([
      controller.listSignIns({ page: 1, pageSize: 3 }),
      controller.listSignIns({ page: 1, pageSize: 3 }),
    ]);
    expect(backend.calls.listSignIns).to.equal(1);
    expect(a).to.deep.equal(b);
    expect(a.items.map((s) => s.id)[0]).to.equal('si_ada_mac');
    expect(a.items[0].current).to.equal(true);
    expect(a.total).to.equal(8);
  });

  it('asks for no more than the backend’s maxPageSize: a larger page size is clamped', async () => {
    const backend = new MemoryBackend({ capabilities: { maxPageSize: 3 } });
    const asked: (number | undefined)[] = [];
    const list = backend.listSignIns.bind(backend);
    backend.listSignIns = (q, o) => {
      asked.push(q.pageSize);
      return list(q, o);
    };
    const { controller } = setup({ backend, refreshInterval: 0 });
    await flush();
    const page = await controller.listSignIns({ pageSize: 1000 });
    expect(asked).to.deep.equal([3]);
    expect([page.pageSize, page.items.length, page.total]).to.deep.equal([3, 3, 8]);
    expect((await controller.listSignIns({ pageSize: 2 })).pageSize).to.equal(2);
  });

  it('aborts the shared request only when every caller gave up', async () => {
    const backend = new MemoryBackend({ latency: 50 });
    const { controller } = setup({ backend, refreshInterval: 0 });
    const one = new AbortController();
    const two = new AbortController();
    const first = controller.listSignIns({}, { signal: one.signal });
    const second = controller.listSignIns({}, { signal: two.signal });
    one.abort();
    let error: unknown;
    await first.catch((e: unknown) => (error = e));
    expect((error as SessionError).code).to.equal('aborted');
    expect((await second).total).to.equal(8);
  });
});

describe('SessionController: cross-tab', () => {
  let n = 0;
  function pair() {
    const name = `session-elements-test-${Date.now()}-${n++}`;
    const backend = new MemoryBackend();
    const a = setup({ backend, crossTab: CrossTab.open(name), refreshInterval: 0 });
    const b = setup({ backend, crossTab: CrossTab.open(name), refreshInterval: 0 });
    return { name, backend, a, b };
  }

  async function settle() {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await flush();
  }

  it('makes other tabs revalidate after a revoke, with one revision bump and no echo', async () => {
    const { backend, a, b } = pair();
    await flush();
    const before = revision(b.controller);
    const calls = backend.calls.getSession;
    await a.controller.removeSignIn('si_ada_iphone');
    await settle();
    expect(revision(b.controller)).to.equal(before + 1);
    // One reload by A after its mutation, one by B on the message, none echoed back to A.
    expect(backend.calls.getSession).to.equal(calls + 2);
  });

  it('follows a sign-out in another tab', async () => {
    const { a, b } = pair();
    await flush();
    await a.controller.signOut({ all: true });
    await settle();
    expect(b.controller.getSnapshot().status).to.equal('signed-out');
  });

  it('ignores malformed messages on the channel', async () => {
    const { name, backend } = pair();
    await flush();
    const calls = backend.calls.getSession;
    const intruder = new BroadcastChannel(name);
    intruder.postMessage({ kind: 'signed-out' });
    intruder.postMessage('signed-out');
    intruder.postMessage({ source: 'session-elements', kind: 'explode', sender: 'x' });
    intruder.postMessage(null);
    await settle();
    intruder.close();
    expect(backend.calls.getSession).to.equal(calls);
  });

  it('a burst of messages costs one reload now and one when it is over, not one each', async () => {
    const { name, backend, a, b } = pair();
    await flush();
    a.unsubscribe();
    const calls = backend.calls.getSession;
    const sender = new BroadcastChannel(name);
    for (let i = 0; i < 50; i++) {
      sender.postMessage({ source: 'session-elements', kind: 'changed', sender: `tab-${i}` });
    }
    await settle();
    expect(backend.calls.getSession - calls, 'during the burst').to.equal(1);
    await b.clock.advance(1_000);
    await settle();
    sender.close();
    expect(backend.calls.getSession - calls, 'after it').to.equal(2);
  });

  it('holds a channel only while subscribed, and still tells other tabs without one', async () => {
    const name = `session-elements-test-${Date.now()}-${n++}`;
    const crossTab = CrossTab.open(name);
    const { controller, backend, unsubscribe } = setup({ crossTab, refreshInterval: 0 });
    await flush();
    expect(crossTab.holdsChannel).to.equal(true);
    unsubscribe();
    expect(crossTab.holdsChannel).to.equal(false);

    const heard: unknown[] = [];
    const other = new BroadcastChannel(name);
    other.onmessage = (event) => heard.push(event.data);
    const calls = backend.calls.getSession;
    other.postMessage({ source: 'session-elements', kind: 'switched', sender: 'another-tab' });
    await controller.removeSignIn('si_ada_iphone');
    expect(crossTab.holdsChannel).to.equal(false);
    await settle();
    other.close();
    // The message from the other tab reached nobody; the revoke reached the other tab.
    expect(backend.calls.getSession).to.equal(calls + 1);
    expect(heard).to.have.length(1);
    expect(heard[0]).to.include({ source: 'session-elements', kind: 'revoked' });
  });
});

describe('SessionController: without subscribers', () => {
  it('aborts the session request in flight when the last subscriber leaves', async () => {
    const backend = new ScriptedBackend();
    const { controller, clock, unsubscribe } = setup({ backend });
    await flush();
    const [first] = backend.sessionCalls;
    unsubscribe();
    expect(first.signal.aborted).to.equal(true);
    expect(clock.pending).to.equal(0);
    expect(controller.getSnapshot().status).to.equal('loading');

    // The next subscriber starts over.
    controller.subscribe(() => {});
    await flush();
    expect(backend.sessionCalls).to.have.length(2);
    backend.sessionCalls[1].resolve(await backend.real());
    await flush();
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });

  it('catches up on what it missed when subscribed again, throttled like focus', async () => {
    const { controller, backend, clock, unsubscribe } = setup({ refreshInterval: 0 });
    await flush();
    unsubscribe();
    controller.subscribe(() => {})();
    expect(backend.calls.getSession).to.equal(1);
    await clock.advance(5_000);
    await backend.switchSignIn('si_alan_mac', { signal: new AbortController().signal });
    controller.subscribe(() => {});
    await flush();
    expect(backend.calls.getSession).to.equal(2);
    expect(signedIn(controller.getSnapshot()).session.active_signin?.id).to.equal('si_alan_mac');
  });
});
