import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import { SessionController } from '../../src/core/session-controller.js';
import { staticEnvironment } from '../../src/core/environment.js';
import { GatedBackend } from '../helpers/gated-backend.js';
import { waitUntil } from '../helpers/wait-until.js';

/**
 * The mutations' code (src/core/mutations.ts) arrives with `import()` on the
 * first switch, sign-out or revoke. This file never loads it itself: each
 * test's calls are made before it can have arrived.
 */
function setup(backend: MemoryBackend) {
  const controller = new SessionController({
    backend,
    crossTab: false,
    environment: staticEnvironment,
    refreshInterval: 0,
  });
  controller.subscribe(() => undefined);
  return controller;
}

describe('SessionController: mutations called before their code has loaded', () => {
  // One test, two controllers: every call below is made before the one load can have finished.
  it('runs the calls made meanwhile in call order, and none of a controller disposed meanwhile', async () => {
    const backend = new GatedBackend();
    const controller = setup(backend);
    const disposedBackend = new GatedBackend();
    const disposed = setup(disposedBackend);
    await waitUntil(() => controller.getSnapshot().status === 'signed-in');
    await waitUntil(() => disposed.getSnapshot().status === 'signed-in');

    const first = controller.switchSignIn('si_alan_mac');
    const second = controller.signOut('si_alan_mac');
    const dropped = disposed.switchSignIn('si_alan_mac');
    disposed.dispose();

    const error = await dropped.then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as { code?: string } | null)?.code).to.equal('aborted');
    await waitUntil(() => backend.waiting === 1, 'the first mutation never reached the backend');
    expect(backend.log).to.deep.equal(['switchSignIn si_alan_mac: sent']);
    backend.release();
    await first;
    await waitUntil(() => backend.waiting === 1, 'the second mutation never reached the backend');
    backend.release();
    await second;
    expect(backend.log.filter((entry) => entry.endsWith('sent'))).to.deep.equal([
      'switchSignIn si_alan_mac: sent',
      'signOut si_alan_mac: sent',
    ]);
    expect(disposedBackend.log).to.deep.equal([]);
  });
});
