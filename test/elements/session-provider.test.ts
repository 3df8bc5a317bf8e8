import { ContextEvent } from '@lit/context';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import { SessionController } from '../../src/core/session-controller.js';
import '../../src/define.js';
import { SessionProvider } from '../../src/elements/session-provider/session-provider.js';
import { SignedIn } from '../../src/elements/signed-in/signed-in.js';
import { SignedOut } from '../../src/elements/signed-out/signed-out.js';
import type { SessionChangeEvent } from '../../src/events.js';
import { flush } from '../helpers/manual-clock.js';
import { waitUntil } from '../helpers/wait-until.js';

const controllerFor = (backend = new MemoryBackend()) =>
  new SessionController({ backend, crossTab: false, refreshInterval: 0 });

/** Whether the element renders its slot (its content is visible). */
const showsSlot = (element: Element) => !!element.shadowRoot?.querySelector('slot');

async function signedOutBackend() {
  const backend = new MemoryBackend();
  await backend.signOut({ all: true }, { signal: new AbortController().signal });
  return backend;
}

let n = 0;
/** Fresh tag names, so a test can choose when each one gets defined. */
function uniqueTags() {
  n++;
  return { provider: `test-provider-${n}`, signedIn: `test-signed-in-${n}` };
}

describe('<session-provider>', () => {
  it('shares one controller with every element inside and costs one session request', async () => {
    const backend = new MemoryBackend();
    const consumers = Array.from({ length: 20 }, () => html`<signed-in>in</signed-in>`);
    const provider = await fixture<SessionProvider>(
      html`<session-provider .backend=${backend}>${consumers}</session-provider>`,
    );
    await flush();
    const elements = [...provider.querySelectorAll('signed-in')];
    await Promise.all(elements.map((el) => (el as SignedIn).updateComplete));
    expect(elements.every(showsSlot)).to.equal(true);
    expect(backend.calls.getSession).to.equal(1);
  });

  it('fires session-change with the new state', async () => {
    const backend = new MemoryBackend({ latency: 20 });
    const provider = document.createElement('session-provider');
    provider.backend = backend;
    const changed = oneEvent(provider, 'session-change') as Promise<SessionChangeEvent>;
    document.body.append(provider);
    try {
      const first = await changed;
      expect(first.detail.state.status).to.equal('loading');
      const next = (await oneEvent(provider, 'session-change')) as SessionChangeEvent;
      expect(next.detail.state.status).to.equal('signed-in');
      expect(next.bubbles && next.composed).to.equal(true);
    } finally {
      provider.remove();
    }
  });

  it('uses a controller handed to it', async () => {
    const controller = controllerFor();
    const provider = await fixture<SessionProvider>(
      html`<session-provider .controller=${controller}><signed-in>x</signed-in></session-provider>`,
    );
    // Identity, not deep equality: chai would walk the controller's DOM references.
    expect(provider.sessionController === controller).to.equal(true);
  });

  it('serves elements whose tags were defined and upgraded before the provider was', async () => {
    const tags = uniqueTags();
    const backend = new MemoryBackend();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = document.createElement(tags.provider) as SessionProvider;
    provider.backend = backend;
    provider.append(document.createElement(tags.signedIn));
    host.append(provider);
    customElements.define(tags.signedIn, class extends SignedIn {});
    const consumer = provider.firstElementChild as SignedIn;
    await consumer.updateComplete;
    expect(showsSlot(consumer)).to.equal(false);

    customElements.define(tags.provider, class extends SessionProvider {});
    await flush();
    await consumer.updateComplete;
    expect(showsSlot(consumer)).to.equal(true);
  });

  it('serves elements defined after the provider', async () => {
    const tags = uniqueTags();
    customElements.define(tags.provider, class extends SessionProvider {});
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = document.createElement(tags.provider) as SessionProvider;
    provider.controller = controllerFor();
    provider.append(document.createElement(tags.signedIn));
    host.append(provider);
    await flush();
    customElements.define(tags.signedIn, class extends SignedIn {});
    const consumer = provider.firstElementChild as SignedIn;
    await flush();
    await consumer.updateComplete;
    expect(showsSlot(consumer)).to.equal(true);
  });

  it('lets the nearest provider win', async () => {
    const outer = controllerFor();
    const inner = controllerFor(await signedOutBackend());
    const root = await fixture(html`
      <session-provider .controller=${outer}>
        <signed-in id="a">outer</signed-in>
        <session-provider .controller=${inner}>
          <signed-in id="b">inner</signed-in>
          <signed-out id="c">inner</signed-out>
        </session-provider>
      </session-provider>
    `);
    await flush();
    const [a, b, c] = ['#a', '#b', '#c'].map((s) => root.querySelector(s) as SignedIn);
    await Promise.all([a, b, c].map((el) => el.updateComplete));
    expect([showsSlot(a), showsSlot(b), showsSlot(c)]).to.deep.equal([true, false, true]);
  });

  it('answers context requests keyed by the shared string, as a second copy of the kit sends', async () => {
    const controller = controllerFor();
    const provider = await fixture<SessionProvider>(
      html`<session-provider .controller=${controller}><span></span></session-provider>`,
    );
    let received: unknown;
    const span = provider.querySelector('span')!;
    span.dispatchEvent(
      new ContextEvent('session-elements:controller' as never, span, (value) => {
        received = value;
      }),
    );
    expect(received === controller).to.equal(true);
  });

  it('builds a RestBackend on api-base when given nothing else', async () => {
    const requests: string[] = [];
    const original = window.fetch;
    window.fetch = (input: RequestInfo | URL) => {
      requests.push(String(input));
      return Promise.resolve(new Response('{}', { status: 401 }));
    };
    try {
      const provider = await fixture<SessionProvider>(
        html`<session-provider api-base="/custom/session"></session-provider>`,
      );
      await flush();
      expect(requests).to.deep.equal(['/custom/session/']);
      expect(provider.sessionController?.getSnapshot().status).to.equal('signed-out');
    } finally {
      window.fetch = original;
    }
  });
});

describe('<signed-in> and <signed-out>', () => {
  it('show nothing while loading, then only the matching one', async () => {
    const root = await fixture(html`
      <session-provider .backend=${new MemoryBackend({ latency: 30 })}>
        <signed-in>in</signed-in><signed-out>out</signed-out>
      </session-provider>
    `);
    const signedIn = root.querySelector('signed-in') as SignedIn;
    const signedOut = root.querySelector('signed-out') as SignedOut;
    await signedIn.updateComplete;
    expect([showsSlot(signedIn), showsSlot(signedOut)]).to.deep.equal([false, false]);
    await waitUntil(() => showsSlot(signedIn), '<signed-in> never showed');
    expect([showsSlot(signedIn), showsSlot(signedOut)]).to.deep.equal([true, false]);
  });

  it('swap when the user signs out', async () => {
    const controller = controllerFor();
    const root = await fixture(html`
      <div>
        <signed-in .controller=${controller}>in</signed-in
        ><signed-out .controller=${controller}>out</signed-out>
      </div>
    `);
    await flush();
    await controller.signOut({ all: true });
    const signedIn = root.querySelector('signed-in') as SignedIn;
    const signedOut = root.querySelector('signed-out') as SignedOut;
    await Promise.all([signedIn.updateComplete, signedOut.updateComplete]);
    expect([showsSlot(signedIn), showsSlot(signedOut)]).to.deep.equal([false, true]);
  });
});
