import { expect, html } from '@open-wc/testing';
import { demoSeed } from '../../src/backends/memory.js';
import type { SessionErrorEvent } from '../../src/events.js';
import { RoundTripBackend } from '../helpers/round-trip-backend.js';
import {
  confirmWith,
  mount,
  part,
  rowTitled,
  rows,
  settled,
  shadow,
} from './active-sessions.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

const WINDOWS = 'Firefox 144 on Windows';

/** The log since `start`, as sent/answered steps. */
const since = (backend: RoundTripBackend, start: number) => backend.log.slice(start);

describe('<active-sessions>: revoking takes one round trip', () => {
  it('drops the row on the server’s confirmation, then reloads session and list side by side', async () => {
    const backend = new RoundTripBackend({ gated: false });
    const { element } = await mount({ backend });
    backend.gated = true;
    const start = backend.log.length;

    await confirmWith(element, rowTitled(element, WINDOWS)!.querySelector('button')!, true);
    await backend.arrived('removeSignIn');
    backend.release('removeSignIn');

    // One round trip: the row leaves while the reloads it set off are still out.
    await waitUntil(
      () => !rowTitled(element, WINDOWS),
      'the row stayed after the server confirmed',
    );
    await backend.arrived('getSession');
    await backend.arrived('listSignIns');
    expect(since(backend, start)).to.deep.equal([
      'removeSignIn: sent',
      'removeSignIn: answered',
      'getSession: sent',
      'listSignIns: sent',
    ]);
    expect(rows(element)).to.have.length(7);

    // Then both reconcile, in either order, with no further request.
    backend.release('listSignIns');
    backend.release('getSession');
    await settled(element);
    await waitUntil(() => since(backend, start).length === 6, 'a reload never answered');
    expect(rows(element)).to.have.length(7);
    expect(since(backend, start).filter((entry) => entry.endsWith('sent'))).to.have.length(3);
  });

  it('signs out of all other devices the same way', async () => {
    const backend = new RoundTripBackend({ gated: false });
    const { element } = await mount({ backend });
    backend.gated = true;
    const start = backend.log.length;

    await confirmWith(element, part(element, 'revoke-others-button')!, true);
    await backend.arrived('revokeOtherSignIns');
    backend.release('revokeOtherSignIns');
    await waitUntil(() => rows(element).length === 1, 'the other rows stayed');
    await backend.arrived('getSession');
    await backend.arrived('listSignIns');
    expect(since(backend, start)).to.deep.equal([
      'revokeOtherSignIns: sent',
      'revokeOtherSignIns: answered',
      'getSession: sent',
      'listSignIns: sent',
    ]);
    backend.release('getSession');
    backend.release('listSignIns');
    await waitUntil(
      () => backend.log.at(-1)?.endsWith('answered') && backend.log.length === start + 6,
    );
    await settled(element);
    expect(rows(element)).to.have.length(1);
  });
});

describe('<active-sessions>: a cold page shows rows after one round trip', () => {
  for (const first of ['listSignIns', 'getSession'] as const) {
    it(`asks for the list beside the session and asks once (${first} answers first)`, async () => {
      const backend = new RoundTripBackend();
      const { element } = await mount({ backend, settle: false });
      await backend.arrived('getSession');
      await backend.arrived('listSignIns');
      expect(backend.log).to.deep.equal(['getSession: sent', 'listSignIns: sent']);

      backend.release(first);
      backend.release(first === 'getSession' ? 'listSignIns' : 'getSession');
      await settled(element);
      expect(rows(element)).to.have.length(8);
      expect(backend.sent('listSignIns')).to.equal(1);
      expect(backend.sent('getSession')).to.equal(1);
    });
  }

  it('drops the early list when nobody is signed in: no rows, no error', async () => {
    const seed = demoSeed();
    seed.active = null;
    seed.browser = [];
    const backend = new RoundTripBackend({ seed });
    const errors: SessionErrorEvent[] = [];
    const { element, controller } = await mount({
      backend,
      settle: false,
      template: (c) =>
        html`<session-provider .controller=${c}
          ><active-sessions
            @session-error=${(event: SessionErrorEvent) => errors.push(event)}
          ></active-sessions
        ></session-provider>`,
    });
    await backend.arrived('getSession');
    await backend.arrived('listSignIns');
    backend.release('listSignIns');
    backend.release('getSession');
    await waitUntil(() => controller.getSnapshot().status === 'signed-out', 'never signed out');
    await waitUntil(() => backend.log.length === 4, 'a request never answered');
    await element.updateComplete;
    expect(shadow(element).childElementCount).to.equal(0);
    expect(errors).to.have.length(0);
    expect(backend.sent('listSignIns')).to.equal(1);
  });
});
