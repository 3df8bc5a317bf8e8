import { expect } from '@open-wc/testing';
import { SessionController } from '../../src/core/session-controller.js';
import type { SessionState } from '../../src/core/session-state.js';
import { RoundTripBackend } from '../helpers/round-trip-backend.js';
import { waitUntil } from '../helpers/wait-until.js';

const never = new AbortController().signal;

function setup(backend: RoundTripBackend) {
  const controller = new SessionController({
    backend,
    crossTab: false,
    refreshInterval: 0,
    revalidateOnFocus: false,
    maxRetries: 0,
  });
  const states: SessionState[] = [];
  controller.subscribe((state) => states.push(state));
  return { controller, states };
}

const revision = (state: SessionState) => (state.status === 'loading' ? -1 : state.revision);

describe('SessionController: a revocation reconciles in one parallel round trip', () => {
  it('resolves on the confirmation, bumps once then, and the reload keeps that revision', async () => {
    const backend = new RoundTripBackend({ gated: false });
    const { controller, states } = setup(backend);
    await waitUntil(() => controller.getSnapshot().status === 'signed-in');
    const start = revision(controller.getSnapshot());
    backend.gated = true;

    const removed = controller.removeSignIn('si_ada_iphone');
    const queued = controller.switchOrganization(null);
    await waitUntil(() => backend.waiting('removeSignIn') === 1);
    backend.release('removeSignIn');
    expect((await removed).ok).to.equal(true);
    expect(revision(controller.getSnapshot())).to.equal(start + 1);
    expect(backend.waiting('getSession')).to.equal(1);

    // The session changed meanwhile (another tab switched accounts): still one bump.
    await backend.switchSignIn('si_alan_mac', { signal: never });
    let switched = false;
    void queued.then(() => (switched = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(switched, 'the next mutation waited for the reload').to.equal(false);
    backend.release('getSession');
    await queued;
    const alan = states.filter(
      (state) => state.status === 'signed-in' && state.session.active_signin?.id === 'si_alan_mac',
    );
    expect(alan.map(revision)).to.deep.equal([start + 1, start + 2]);
    expect(revision(controller.getSnapshot())).to.equal(start + 2);
  });
});

describe('SessionController: reads started while the session loads', () => {
  it('hands a list read during loading to the first revision, once', async () => {
    const backend = new RoundTripBackend();
    const { controller } = setup(backend);
    const early = controller.listSignIns({ pageSize: 5 });
    await waitUntil(() => backend.waiting('listSignIns') === 1);
    backend.release('listSignIns');
    await early;
    backend.release('getSession');
    await waitUntil(() => controller.getSnapshot().status === 'signed-in');
    expect((await controller.listSignIns({ pageSize: 5 })).items).to.have.length(5);
    expect(backend.sent('listSignIns')).to.equal(1);
    backend.gated = false;
    await controller.listSignIns({ pageSize: 5 });
    expect(backend.sent('listSignIns'), 'used once only').to.equal(2);
  });

  it('drops it when a change comes before the first session', async () => {
    const backend = new RoundTripBackend({ only: ['getSession'] });
    const { controller } = setup(backend);
    await controller.listSignIns();
    await controller.switchSignIn('si_alan_mac');
    backend.release('getSession');
    await controller.listSignIns();
    expect(backend.sent('listSignIns')).to.equal(2);
  });
});
