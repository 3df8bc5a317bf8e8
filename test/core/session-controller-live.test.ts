import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import { SessionError } from '../../src/core/errors.js';
import { LIVE_ECHO_WINDOW } from '../../src/core/mutations.js';
import {
  LIVE_POLL_FACTOR,
  SessionController,
  type SessionControllerOptions,
  loadLiveLink,
} from '../../src/core/session-controller.js';
import type { SessionState } from '../../src/core/session-state.js';
import { FakeEnvironment } from '../helpers/fake-environment.js';
import { ManualClock, flush } from '../helpers/manual-clock.js';

/** A memory backend that pushes (live updates are opt-in there). */
const live = () => new MemoryBackend({ capabilities: { liveUpdates: true } });

function setup(options: Partial<SessionControllerOptions> & { backend?: MemoryBackend } = {}) {
  const backend = options.backend ?? live();
  const clock = new ManualClock();
  const controller = new SessionController({
    clock,
    environment: new FakeEnvironment(),
    crossTab: false,
    random: () => 0.5,
    refreshInterval: 0,
    ...options,
    backend,
  });
  const states: SessionState[] = [];
  const unsubscribe = controller.subscribe((state) => states.push(state));
  return { backend, clock, controller, states, unsubscribe };
}

function revision(controller: SessionController): number {
  const state = controller.getSnapshot();
  return state.status === 'loading' ? -1 : state.revision;
}

describe('SessionController: live updates', () => {
  // The live link's code loads on first use; loaded once here, every test's stream opens at once.
  before(() => loadLiveLink());

  it('subscribes only while it has subscribers and someone is signed in, and lets go on dispose', async () => {
    const backend = live();
    const controller = new SessionController({
      backend,
      clock: new ManualClock(),
      environment: new FakeEnvironment(),
      crossTab: false,
    });
    await controller.refetch();
    expect(backend.liveSubscribers, 'no subscribers, no stream').to.equal(0);
    const unsubscribe = controller.subscribe(() => {});
    await flush();
    expect(backend.liveSubscribers).to.equal(1);
    unsubscribe();
    expect(backend.liveSubscribers, 'the last subscriber left').to.equal(0);
    controller.subscribe(() => {});
    await flush();
    expect(backend.liveSubscribers).to.equal(1);
    controller.dispose();
    expect(backend.liveSubscribers, 'disposed').to.equal(0);
  });

  it('holds no stream while signed out, nor when the backend cannot push or the option is off', async () => {
    const signedOut = setup();
    await flush();
    await signedOut.controller.signOut({ all: true });
    expect(signedOut.controller.getSnapshot().status).to.equal('signed-out');
    expect(signedOut.backend.liveSubscribers).to.equal(0);

    const incapable = setup({
      backend: new MemoryBackend({ capabilities: { liveUpdates: false } }),
    });
    await flush();
    expect(incapable.backend.liveSubscribers).to.equal(0);

    const off = setup({ liveUpdates: false });
    await flush();
    expect(off.backend.liveSubscribers).to.equal(0);
  });

  it('on another device’s sign-in moves the revision so lists refetch, without reloading the session; bursts coalesce', async () => {
    const { backend, clock, controller } = setup();
    await flush();
    const before = revision(controller);
    const calls = backend.calls.getSession;
    backend.addSignIn({ id: 'si_new', user_id: 'user_ada', createdAt: new Date().toISOString() });
    await flush();
    expect(revision(controller)).to.equal(before + 1);
    expect(backend.calls.getSession, 'this browser’s session did not change').to.equal(calls);
    for (const id of ['a', 'b', 'c'])
      backend.emit({ type: 'change', kind: 'revoked', signInId: id });
    await flush();
    expect(revision(controller), 'a burst waits for the throttle').to.equal(before + 1);
    await clock.advance(1_000);
    expect(revision(controller), 'and costs one more').to.equal(before + 2);
  });

  it('reloads the session when the change concerns this browser (its sign-in, organization or workspace)', async () => {
    const { backend, controller } = setup();
    await flush();
    const before = revision(controller);
    const calls = backend.calls.getSession;
    backend.emit({ type: 'change', kind: 'changed', signInId: 'si_ada_mac' });
    await flush();
    expect(backend.calls.getSession).to.equal(calls + 1);
    expect(revision(controller)).to.equal(before + 1);
  });

  it('goes signed out when the stream says this browser was signed out', async () => {
    const { backend, controller } = setup();
    await flush();
    await backend.signOut({ all: true }, { signal: new AbortController().signal });
    backend.emit({ type: 'signed-out' });
    await flush();
    expect(controller.getSnapshot().status).to.equal('signed-out');
    expect(backend.liveSubscribers).to.equal(0);
  });

  it('takes revokes and switches during and just after its own mutation for their echo, never a new sign-in', async () => {
    const { backend, clock, controller } = setup();
    await flush();
    expect((await controller.removeSignIn('si_ada_iphone')).ok).to.equal(true);
    await flush();
    const calls = backend.calls.getSession;
    backend.emit({ type: 'change', kind: 'revoked', signInId: 'si_ada_iphone' });
    await flush();
    expect(backend.calls.getSession, 'the echo costs nothing').to.equal(calls);
    const before = revision(controller);
    backend.emit({ type: 'change', kind: 'created', signInId: 'si_x' });
    await flush();
    expect(revision(controller), 'a new sign-in is never an echo').to.equal(before + 1);
    await clock.advance(LIVE_ECHO_WINDOW);
    backend.emit({ type: 'change', kind: 'changed', signInId: 'si_ada_mac' });
    await flush();
    expect(backend.calls.getSession, 'a switch after the window is news').to.equal(calls + 1);
  });

  it('reconnects with backoff after the stream closes, honours Retry-After, and refetches once reconnected', async () => {
    const { backend, clock, controller } = setup();
    await flush();
    expect(backend.calls.subscribe).to.equal(1);
    const calls = backend.calls.getSession;
    backend.emit({ type: 'closed', error: new SessionError('network', 'gone') });
    expect(backend.liveSubscribers).to.equal(0);
    await clock.advance(749);
    expect(backend.calls.subscribe, 'waits 1000·2^0 ms with jitter').to.equal(1);
    await clock.advance(1);
    expect(backend.calls.subscribe).to.equal(2);
    await flush();
    expect(backend.calls.getSession, 'a reconnect refetches what it may have missed').to.equal(
      calls + 1,
    );
    backend.emit({
      type: 'closed',
      error: new SessionError('rate-limited', 'too many', { status: 429, retryAfter: 30 }),
    });
    await clock.advance(29_999);
    expect(backend.calls.subscribe).to.equal(2);
    await clock.advance(1);
    expect(backend.calls.subscribe).to.equal(3);
    expect(controller.getSnapshot().status).to.equal('signed-in');
  });

  it('asks for the session when the stream is refused with 401, instead of only retrying it', async () => {
    const { backend, controller } = setup();
    await flush();
    await backend.signOut({ all: true }, { signal: new AbortController().signal });
    backend.emit({
      type: 'closed',
      error: new SessionError('unauthorized', 'no session', { status: 401 }),
    });
    await flush();
    expect(controller.getSnapshot().status).to.equal('signed-out');
    expect(backend.liveSubscribers, 'no reconnect is left waiting').to.equal(0);
  });

  it('polls less often while the stream is healthy and as configured when it is down', async () => {
    const { backend, clock } = setup({ refreshInterval: 10_000 });
    await flush();
    const calls = backend.calls.getSession;
    await clock.advance(10_000 * (LIVE_POLL_FACTOR - 1));
    expect(backend.calls.getSession, 'healthy stream: no poll yet').to.equal(calls);
    await clock.advance(10_000);
    expect(backend.calls.getSession).to.equal(calls + 1);
    // Without a stream the poll keeps its interval.
    const down = new MemoryBackend({ capabilities: { liveUpdates: false } });
    const plain = setup({ backend: down, refreshInterval: 10_000 });
    await flush();
    const plainCalls = down.calls.getSession;
    await plain.clock.advance(10_000);
    expect(down.calls.getSession).to.equal(plainCalls + 1);
  });
});
