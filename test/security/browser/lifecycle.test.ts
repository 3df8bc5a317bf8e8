import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend } from '../../../src/backends/memory.js';
import { CrossTab, type CrossTabMessage } from '../../../src/core/cross-tab.js';
import { SessionController } from '../../../src/core/session-controller.js';
import '../../../src/define.js';
import type { SessionProvider } from '../../../src/elements/session-provider/session-provider.js';
import type { SignedIn } from '../../../src/elements/signed-in/signed-in.js';
import type { SignedOut } from '../../../src/elements/signed-out/signed-out.js';
import { flush } from '../../helpers/manual-clock.js';
import { waitUntil } from '../../helpers/wait-until.js';

/**
 * A page that mounts and removes providers (route changes, list items) must
 * not keep what they created alive: each removed provider once kept its
 * controller, a BroadcastChannel and its listener, and another tab's account
 * switch then made every one of them reload the session.
 */

const MOUNTS = 1000;
const OriginalChannel = window.BroadcastChannel;

/** What another tab of the kit posts after an account switch. */
const SWITCHED_ELSEWHERE: CrossTabMessage = {
  source: 'session-elements',
  kind: 'switched',
  sender: 'another-tab',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts BroadcastChannels the page opens and closes until `restore()`. */
function countChannels() {
  const counts = { opened: 0, closed: 0 };
  const closed = new WeakSet<BroadcastChannel>();
  class CountedChannel extends OriginalChannel {
    constructor(name: string) {
      super(name);
      counts.opened++;
    }
    override close(): void {
      if (!closed.has(this)) counts.closed++;
      closed.add(this);
      super.close();
    }
  }
  window.BroadcastChannel = CountedChannel;
  return {
    live: () => counts.opened - counts.closed,
    opened: () => counts.opened,
    restore: () => (window.BroadcastChannel = OriginalChannel),
  };
}

/** Counts SessionController.dispose calls until `restore()`. */
function countDisposals() {
  const original = Object.getOwnPropertyDescriptor(SessionController.prototype, 'dispose')!;
  const counts = { disposed: 0 };
  Object.defineProperty(SessionController.prototype, 'dispose', {
    ...original,
    value(this: SessionController) {
      counts.disposed++;
      (original.value as () => void).call(this);
    },
  });
  return {
    count: () => counts.disposed,
    restore: () => Object.defineProperty(SessionController.prototype, 'dispose', original),
  };
}

/** Every backend call, of any method. */
const requests = (backend: MemoryBackend) =>
  Object.values(backend.calls).reduce((sum, n) => sum + n, 0);

/** Chromium's rough heap figure in MB, when it exposes one. */
function heapMb(): string {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? (memory.usedJSHeapSize / 2 ** 20).toFixed(1) : 'n/a';
}

function broadcastFromAnotherTab(): void {
  const otherTab = new OriginalChannel('session-elements');
  otherTab.postMessage(SWITCHED_ELSEWHERE);
  otherTab.close();
}

const showsSlot = (element: Element) => !!element.shadowRoot?.querySelector('slot');

function providerWith(backend: MemoryBackend): SessionProvider {
  const provider = document.createElement('session-provider');
  provider.backend = backend;
  provider.append(document.createElement('signed-in'));
  return provider;
}

describe('security: provider and controller lifecycle', () => {
  let channels: ReturnType<typeof countChannels>;
  let disposals: ReturnType<typeof countDisposals>;

  beforeEach(async () => {
    // Providers the previous test's fixture removed let go of their controllers after a task.
    await sleep(20);
    channels = countChannels();
    disposals = countDisposals();
  });

  afterEach(() => {
    channels.restore();
    disposals.restore();
  });

  it(`leaves nothing behind after ${MOUNTS} providers were mounted and removed`, async function () {
    this.timeout(120_000);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    // A provider that stays: proof that the broadcast below does reach live controllers.
    const witnessBackend = new MemoryBackend();
    const witness = providerWith(witnessBackend);
    host.append(witness);
    await waitUntil(() => witness.sessionController?.getSnapshot().status === 'signed-in');
    const baseline = channels.live();
    const heapBefore = heapMb();

    const backend = new MemoryBackend();
    for (let i = 0; i < MOUNTS; i++) {
      const provider = providerWith(backend);
      host.append(provider);
      await provider.updateComplete;
      provider.remove();
    }
    // Removed providers let go after a task (a move would have reconnected by then).
    await sleep(20);
    await flush();
    const live = channels.live() - baseline;
    const opened = channels.opened();

    const before = requests(backend);
    const witnessBefore = witnessBackend.calls.getSession ?? 0;
    broadcastFromAnotherTab();
    await sleep(500);
    await flush();
    const after = requests(backend) - before;

    console.warn(
      `security lifecycle: mounts ${MOUNTS}, live channels ${live}, requests after broadcast ${after}`,
    );
    console.warn(
      `security lifecycle: heap ${heapBefore} MB before, ${heapMb()} MB after (no GC forced), ` +
        `${opened} channels opened in all, ${disposals.count()} controllers disposed`,
    );
    expect(live).to.equal(0);
    expect(after).to.equal(0);
    expect(disposals.count()).to.equal(MOUNTS);
    expect(witnessBackend.calls.getSession).to.equal(witnessBefore + 1);
    expect(channels.live()).to.equal(1);
  });

  it('keeps a moved provider’s controller, state and elements working', async () => {
    const backend = new MemoryBackend();
    const root = await fixture<HTMLDivElement>(html`
      <div>
        <div id="from">
          <session-provider .backend=${backend}>
            <signed-in>in</signed-in><signed-out>out</signed-out>
          </session-provider>
        </div>
        <div id="to"></div>
      </div>
    `);
    const provider = root.querySelector('session-provider')!;
    await waitUntil(() => provider.sessionController?.getSnapshot().status === 'signed-in');
    const controller = provider.sessionController!;
    const state = controller.getSnapshot();

    root.querySelector('#to')!.appendChild(provider);
    // Also survives a removal and re-insertion a few microtasks apart.
    provider.remove();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(provider.isConnected).to.equal(false);
    root.querySelector('#from')!.appendChild(provider);
    await sleep(20);
    await flush();

    expect(provider.sessionController === controller).to.equal(true);
    expect(controller.getSnapshot()).to.equal(state);
    expect(disposals.count()).to.equal(0);
    expect(channels.live()).to.equal(1);

    const signedIn = provider.querySelector<SignedIn>('signed-in')!;
    const signedOut = provider.querySelector<SignedOut>('signed-out')!;
    await Promise.all([signedIn.updateComplete, signedOut.updateComplete]);
    expect([showsSlot(signedIn), showsSlot(signedOut)]).to.deep.equal([true, false]);

    // Still listening to other tabs, and the elements still follow the controller.
    const calls = backend.calls.getSession ?? 0;
    broadcastFromAnotherTab();
    await waitUntil(() => backend.calls.getSession === calls + 1, 'the moved provider went deaf');
    await controller.signOut({ all: true });
    await Promise.all([signedIn.updateComplete, signedOut.updateComplete]);
    expect([showsSlot(signedIn), showsSlot(signedOut)]).to.deep.equal([false, true]);
  });

  it('only unsubscribes from a controller the app handed it, and builds afresh when re-added', async () => {
    const crossTab = CrossTab.open();
    const given = new SessionController({ backend: new MemoryBackend(), crossTab });
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = document.createElement('session-provider');
    provider.controller = given;
    host.append(provider);
    await waitUntil(() => given.getSnapshot().status === 'signed-in');
    expect(crossTab.holdsChannel).to.equal(true);

    provider.remove();
    await sleep(20);
    expect(disposals.count()).to.equal(0);
    expect(crossTab.holdsChannel).to.equal(false);
    expect((await given.refetch()).status).to.equal('signed-in');
    given.dispose();

    const backend = new MemoryBackend();
    const owner = providerWith(backend);
    host.append(owner);
    await waitUntil(() => owner.sessionController?.getSnapshot().status === 'signed-in');
    const first = owner.sessionController;
    owner.remove();
    await sleep(20);
    // Identity checks only: chai would walk the controller's references.
    expect(owner.sessionController === undefined).to.equal(true);
    host.append(owner);
    await waitUntil(() => owner.sessionController?.getSnapshot().status === 'signed-in');
    expect(owner.sessionController === first).to.equal(false);
    const signedIn = owner.querySelector<SignedIn>('signed-in')!;
    await signedIn.updateComplete;
    expect(showsSlot(signedIn)).to.equal(true);
  });
});
