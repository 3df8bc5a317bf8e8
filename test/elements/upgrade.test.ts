import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import { SessionController } from '../../src/core/session-controller.js';
import '../../src/define.js';
import { SessionProvider } from '../../src/elements/session-provider/session-provider.js';
import { SignOutButton } from '../../src/elements/sign-out-button/sign-out-button.js';
import { flush } from '../helpers/manual-clock.js';
import { waitUntil } from '../helpers/wait-until.js';

const TAGS = [
  'session-provider',
  'signed-in',
  'signed-out',
  'active-sessions',
  'account-switcher',
  'organization-switcher',
  'workspace-switcher',
  'sign-out-button',
] as const;

const controllerFor = (backend = new MemoryBackend()) =>
  new SessionController({ backend, crossTab: false, refreshInterval: 0 });

const label = (element: Element) =>
  element.shadowRoot?.querySelector('[part~="button"]')?.textContent?.trim();

/** Records console.warn calls while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

let n = 0;
/** Defines a fresh tag for a subclass, so a test decides when the tag is defined. */
function lateTag<C extends CustomElementConstructor>(base: C, name: string): [string, () => void] {
  const tag = `late-${name}-${++n}`;
  return [tag, () => customElements.define(tag, class extends base {})];
}

describe('upgrade', () => {
  it('adds no attribute to any host: what the author wrote is what stays', async () => {
    const controller = controllerFor();
    const provider = await fixture<SessionProvider>(
      html`<session-provider>
        <signed-in></signed-in><signed-out></signed-out> <active-sessions></active-sessions
        ><account-switcher></account-switcher> <organization-switcher></organization-switcher
        ><workspace-switcher></workspace-switcher>
        <sign-out-button></sign-out-button>
        <active-sessions page-size="5" id="authored"></active-sessions>
      </session-provider>`,
    );
    provider.controller = controller;
    await flush();
    await waitUntil(() => controller.getSnapshot().status === 'signed-in', 'never signed in');
    const elements = [provider, ...provider.querySelectorAll('*')];
    await Promise.all(elements.map((el) => (el as SessionProvider).updateComplete));
    for (const element of elements) {
      const expected = element.id === 'authored' ? ['page-size', 'id'] : [];
      expect(element.getAttributeNames(), element.localName).to.deep.equal(expected);
    }
    expect(new Set(elements.map((el) => el.localName))).to.deep.equal(new Set(TAGS));
  });

  it('reflects the status filter once the user picks one', async () => {
    const element = await fixture(
      html`<active-sessions .controller=${controllerFor()}></active-sessions>`,
    );
    await waitUntil(() => element.shadowRoot?.querySelector('[part~="filter"]'), 'no filter');
    const select = element.shadowRoot!.querySelector<HTMLSelectElement>('[part~="filter"]')!;
    select.value = 'online';
    select.dispatchEvent(new Event('change'));
    await (element as SessionProvider).updateComplete;
    expect(element.getAttribute('status')).to.equal('online');
  });

  it('takes `strings` as a JSON attribute', async () => {
    const element = await fixture<SignOutButton>(
      html`<sign-out-button
        .controller=${controllerFor()}
        strings='{"signOut":"Log off","signedOut":3}'
      ></sign-out-button>`,
    );
    await waitUntil(() => label(element), 'no button');
    expect(label(element)).to.equal('Log off');
  });

  it('ignores a `strings` attribute that is not a JSON object, with a warning', async () => {
    for (const value of ['[object Object]', '{"signOut":', '"text"', '[1]']) {
      let element!: SignOutButton;
      const seen = await warnings(async () => {
        element = await fixture<SignOutButton>(
          html`<sign-out-button .controller=${controllerFor()} strings=${value}></sign-out-button>`,
        );
        await waitUntil(() => label(element), 'no button');
      });
      expect(label(element), value).to.equal('Sign out');
      expect(
        seen.some((line) => line.includes('strings')),
        value,
      ).to.equal(true);
    }
  });

  it('keeps every property set before the tag was defined', async () => {
    const [providerTag, defineProvider] = lateTag(SessionProvider, 'provider');
    const [buttonTag, defineButton] = lateTag(SignOutButton, 'button');
    const backend = new MemoryBackend();
    const provider = document.createElement(providerTag) as SessionProvider;
    const button = document.createElement(buttonTag) as SignOutButton;
    Object.assign(provider, { backend, refreshInterval: 0 });
    Object.assign(button, { strings: { signOutSession: 'Leave all' }, extent: 'session' });
    provider.append(button);
    document.body.append(provider);
    try {
      defineButton();
      defineProvider();
      await waitUntil(() => label(button), 'the late button never rendered');
      expect(label(button)).to.equal('Leave all');
      expect(provider.backend).to.equal(backend);
      expect(provider.sessionController?.backend).to.equal(backend);
      expect(backend.calls.getSession).to.equal(1);
    } finally {
      provider.remove();
    }
  });

  it('survives a framework writing `strings="[object Object]"` before the tag was defined', async () => {
    const [tag, define] = lateTag(SignOutButton, 'preact');
    const button = document.createElement(tag) as SignOutButton;
    button.setAttribute('strings', String({ signOut: 'lost' }));
    button.controller = controllerFor();
    document.body.append(button);
    try {
      const seen = await warnings(async () => {
        define();
        await waitUntil(() => label(button), 'the late button never rendered');
      });
      expect(label(button)).to.equal('Sign out');
      expect(seen.length).to.equal(1);
    } finally {
      button.remove();
    }
  });

  it('starts from the session the server passed in, then revalidates it', async () => {
    const backend = new MemoryBackend();
    const session = await backend.getSession({ signal: new AbortController().signal });
    const calls = backend.calls.getSession;
    const provider = document.createElement('session-provider');
    provider.setAttribute('initial-session', JSON.stringify(session));
    provider.backend = backend;
    provider.innerHTML = '<signed-in>in</signed-in><signed-out>out</signed-out>';
    document.body.append(provider);
    try {
      const [signedIn, signedOut] = [...provider.children] as SessionProvider[];
      await Promise.all([signedIn.updateComplete, signedOut.updateComplete]);
      // The very first render already shows the right branch: no loading, no flash.
      expect(!!signedIn.shadowRoot!.querySelector('slot')).to.equal(true);
      expect(!!signedOut.shadowRoot!.querySelector('slot')).to.equal(false);
      await waitUntil(() => backend.calls.getSession === calls + 1, 'never revalidated');
    } finally {
      provider.remove();
    }
  });

  it('shows the signed-out branch for initial-session="null" and ignores a malformed one', async () => {
    const signedOut = await fixture<SessionProvider>(
      html`<session-provider initial-session="null" .backend=${new MemoryBackend({ latency: 1000 })}
        ><signed-out>out</signed-out></session-provider
      >`,
    );
    const child = signedOut.firstElementChild as SessionProvider;
    await child.updateComplete;
    expect(!!child.shadowRoot!.querySelector('slot')).to.equal(true);
    const seen = await warnings(async () => {
      const bad = await fixture<SessionProvider>(
        html`<session-provider
          initial-session='{"signins":"x"}'
          .backend=${new MemoryBackend()}
        ></session-provider>`,
      );
      expect(bad.initialSession).to.equal(undefined);
    });
    expect(seen.length).to.equal(1);
  });
});
