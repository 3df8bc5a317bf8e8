import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import { SessionController } from '../../src/core/session-controller.js';
import type { SessionState } from '../../src/core/session-state.js';
import { FakeEnvironment } from '../helpers/fake-environment.js';
import { ManualClock, flush } from '../helpers/manual-clock.js';

function setup(options: { backend?: MemoryBackend; refreshInterval?: number } = {}) {
  const backend = options.backend ?? new MemoryBackend();
  const clock = new ManualClock();
  const environment = new FakeEnvironment();
  const controller = new SessionController({
    backend,
    clock,
    environment,
    crossTab: false,
    refreshInterval: options.refreshInterval ?? 30_000,
    random: () => 0.5,
  });
  const states: SessionState[] = [];
  const unsubscribe = controller.subscribe((state) => states.push(state));
  return { backend, clock, environment, controller, states, unsubscribe };
}

describe('SessionController: loading', () => {
  it('starts loading and settles signed in with the backend session', async () => {
    const { controller, states } = setup();
    expect(states[0].status).to.equal('loading');
    await flush();
    const state = controller.getSnapshot();
    expect(state.status).to.equal('signed-in');
    if (state.status !== 'signed-in') return;
    expect(state.session.active_signin?.id).to.equal('si_ada_mac');
    expect(state.stale).to.equal(false);
    expect(Object.isFrozen(state.session.active_signin)).to.equal(true);
  });
});
