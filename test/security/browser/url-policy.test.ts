import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { RequestOptions } from '../../../src/core/backend.js';
import { MemoryBackend, demoSeed } from '../../../src/backends/memory.js';
import type { SessionController } from '../../../src/core/session-controller.js';
import type { SignOutResult, SignOutTarget } from '../../../src/core/types.js';
import { AccountSwitcher } from '../../../src/elements/account-switcher/account-switcher.js';
import { SignOutButton } from '../../../src/elements/sign-out-button/sign-out-button.js';
import type { SignedOutEvent } from '../../../src/events.js';
import '../../../src/define.js';
import { open, controllerFor as quietController } from '../../elements/switchers.helpers.js';
import { FOREIGN_URLS, SCRIPT_URLS } from './hostile-urls.js';
import { waitUntil } from '../../helpers/wait-until.js';

/**
 * Every link the kit renders and every navigation it starts goes through one
 * URL policy: http(s) or relative only, and a server's sign-out redirect only
 * to this origin or an allow-listed one. A hostile backend answers sign-out
 * with each hostile URL; the page must not leave, and no script may run.
 */

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** Records navigation instead of leaving the test page. */
class PolicySignOutButton extends SignOutButton {
  navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
customElements.define('policy-sign-out-button', PolicySignOutButton);

class PolicyAccountSwitcher extends AccountSwitcher {
  navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
customElements.define('policy-account-switcher', PolicyAccountSwitcher);

/** A backend that answers every sign-out with `redirectUrl`. */
class RedirectingBackend extends MemoryBackend {
  constructor(readonly redirectUrl: string) {
    super();
  }
  override async signOut(target: SignOutTarget, o: RequestOptions): Promise<SignOutResult> {
    await super.signOut(target, o);
    return { redirectUrl: this.redirectUrl };
  }
}

const controllerFor = (backend: MemoryBackend, redirectOrigins: string[] = []) =>
  quietController(backend, { redirectOrigins });

async function mountIn<E extends HTMLElement>(tag: string, template: TemplateResult): Promise<E> {
  const wrapper = await fixture<HTMLElement>(template);
  const element = wrapper.querySelector<E>(tag)!;
  await waitUntil(() => element.shadowRoot?.querySelector('[part~="button"], [part~="trigger"]'));
  return element;
}

function signOutButton(controller: SessionController, redirectUrl?: string) {
  return mountIn<PolicySignOutButton>(
    'policy-sign-out-button',
    html`<session-provider .controller=${controller}
      ><policy-sign-out-button
        scope="session"
        redirect-url=${redirectUrl ?? ''}
      ></policy-sign-out-button
    ></session-provider>`,
  );
}

/** Clicks the button and resolves with the `signed-out` detail once the element settled. */
async function signOutWith(element: SignOutButton) {
  const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!.click();
  const { detail } = await after;
  await element.updateComplete;
  return detail;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every `href` in the element's shadow root, resolved. */
function hrefs(element: Element): string[] {
  return [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href);
}

const tried: string[] = [];
const refused: string[] = [];
let executed = 0;

describe('security: one URL policy for every link and navigation', () => {
  afterEach(() => {
    if (window.__pwned !== undefined) executed++;
    delete window.__pwned;
  });

  after(() => {
    console.warn(
      `security url-policy: tried ${tried.length}, refused ${refused.length}, executed ${executed}`,
    );
  });

  describe('a server redirect after sign-out', () => {
    for (const url of [...SCRIPT_URLS, ...FOREIGN_URLS]) {
      it(`is not followed: ${JSON.stringify(url)}`, async () => {
        const backend = new RedirectingBackend(url);
        const element = await signOutButton(controllerFor(backend, ['https://app.example']));
        const detail = await signOutWith(element);
        tried.push(url);
        expect(backend.calls.signOut).to.equal(1);
        expect(detail).to.deep.equal({ scope: 'session' });
        expect(element.navigations).to.deep.equal([]);
        refused.push(url);
      });
    }

    it('is not followed from the account switcher menu either', async () => {
      const url = 'javascript:window.__pwned=1';
      const controller = controllerFor(new RedirectingBackend(url));
      const element = await mountIn<PolicyAccountSwitcher>(
        'policy-account-switcher',
        html`<session-provider .controller=${controller}
          ><policy-account-switcher></policy-account-switcher
        ></session-provider>`,
      );
      await open(element);
      const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
      element.shadowRoot!.querySelector<HTMLElement>('[part~="sign-out-item"]')!.click();
      expect((await after).detail.redirectUrl).to.equal(undefined);
      await nextFrame();
      tried.push(url);
      expect(element.navigations).to.deep.equal([]);
      refused.push(url);
    });

    it("is not passed on from <active-sessions>' own row either", async () => {
      const url = 'javascript:window.__pwned=1';
      const controller = controllerFor(new RedirectingBackend(url));
      const wrapper = await fixture<HTMLElement>(
        html`<session-provider .controller=${controller}
          ><active-sessions></active-sessions
        ></session-provider>`,
      );
      const element = wrapper.querySelector('active-sessions')!;
      await waitUntil(() => element.shadowRoot?.querySelector('[part~="sign-out-button"]'));
      const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
      element.shadowRoot!.querySelector<HTMLElement>('[part~="sign-out-button"]')!.click();
      tried.push(url);
      expect((await after).detail.redirectUrl).to.equal(undefined);
      refused.push(url);
    });

    for (const url of ['javascript:window.__pwned=1', '\tjava\nscript:window.__pwned=1']) {
      it(`runs no script when nothing stubs navigation: ${JSON.stringify(url)}`, async () => {
        const element = await mountIn<SignOutButton>(
          'sign-out-button',
          html`<session-provider .controller=${controllerFor(new RedirectingBackend(url))}
            ><sign-out-button scope="session"></sign-out-button
          ></session-provider>`,
        );
        await signOutWith(element);
        await nextFrame();
        await new Promise((resolve) => setTimeout(resolve, 50));
        tried.push(url);
        expect(window.__pwned).to.equal(undefined);
        refused.push(url);
      });
    }

    it('is followed when relative or same-origin', async () => {
      for (const url of ['/bye', `${location.origin}/bye`]) {
        const element = await signOutButton(controllerFor(new RedirectingBackend(url)));
        expect((await signOutWith(element)).redirectUrl).to.equal(url);
        expect(element.navigations).to.deep.equal([url]);
      }
    });

    it('is followed to an origin the controller allow-lists, and only then', async () => {
      const url = 'https://app.example/x';
      const allowed = await signOutButton(
        controllerFor(new RedirectingBackend(url), ['https://app.example']),
      );
      await signOutWith(allowed);
      expect(allowed.navigations).to.deep.equal([url]);
      const other = await signOutButton(
        controllerFor(new RedirectingBackend(url), ['https://other.example']),
      );
      await signOutWith(other);
      expect(other.navigations).to.deep.equal([]);
    });

    it('takes the allow-list from <session-provider redirect-origins>', async () => {
      const url = 'https://id.example/logged-out';
      const mountWith = (origins: string) =>
        mountIn<PolicySignOutButton>(
          'policy-sign-out-button',
          html`<session-provider
            .backend=${new RedirectingBackend(url)}
            refresh-interval="0"
            redirect-origins=${origins}
            ><policy-sign-out-button scope="session"></policy-sign-out-button
          ></session-provider>`,
        );
      const allowed = await mountWith('https://app.example  https://ID.example/');
      await signOutWith(allowed);
      expect(allowed.navigations).to.deep.equal([url]);
      const refusedHere = await mountWith('https://app.example');
      expect((await signOutWith(refusedHere)).redirectUrl).to.equal(undefined);
      expect(refusedHere.navigations).to.deep.equal([]);
    });
  });

  describe('a page attribute', () => {
    for (const url of SCRIPT_URLS) {
      it(`redirect-url is ignored: ${JSON.stringify(url)}`, async () => {
        const element = await signOutButton(controllerFor(new MemoryBackend()), url);
        const detail = await signOutWith(element);
        tried.push(url);
        expect(detail.redirectUrl).to.equal(undefined);
        expect(element.navigations).to.deep.equal([]);
        refused.push(url);
      });
    }

    it('redirect-url to another origin is the page’s choice and is followed', async () => {
      const element = await signOutButton(
        controllerFor(new MemoryBackend()),
        'https://id.example/logout',
      );
      await signOutWith(element);
      expect(element.navigations).to.deep.equal(['https://id.example/logout']);
    });

    for (const url of SCRIPT_URLS) {
      it(`account-switcher renders no link and a disabled item for ${JSON.stringify(url)}`, async () => {
        const seed = demoSeed();
        seed.signins.find((s) => s.id === 'si_alan_mac')!.expiresAt = new Date(
          Date.now() - 86_400_000,
        ).toISOString();
        const element = await mountIn<AccountSwitcher>(
          'account-switcher',
          html`<session-provider .controller=${controllerFor(new MemoryBackend({ seed }))}
            ><account-switcher
              add-account-url=${url}
              manage-account-url=${url}
              sign-in-url=${url}
            ></account-switcher
          ></session-provider>`,
        );
        await open(element);
        const root = element.shadowRoot!;
        tried.push(url);
        expect(hrefs(element)).to.deep.equal([]);
        expect(root.querySelector('[part~="add-account"]')?.outerHTML).to.equal(undefined);
        expect(root.querySelector('[part~="manage-account"]')?.outerHTML).to.equal(undefined);
        const expired = root.querySelector<HTMLElement>('[part~="menu-item-expired"]')!;
        expect(expired.localName).to.equal('button');
        expect(expired.getAttribute('aria-disabled')).to.equal('true');
        refused.push(url);
      });
    }

    it('sign-in-url renders no link while signed out', async () => {
      const backend = new MemoryBackend();
      await backend.signOut({ all: true }, { signal: new AbortController().signal });
      const controller = controllerFor(backend);
      const wrapper = await fixture<HTMLElement>(
        html`<session-provider .controller=${controller}
          ><account-switcher sign-in-url="JaVaScRiPt:window.__pwned=1"></account-switcher
        ></session-provider>`,
      );
      const element = wrapper.querySelector<AccountSwitcher>('account-switcher')!;
      await waitUntil(() => controller.getSnapshot().status === 'signed-out');
      await element.updateComplete;
      expect(element.shadowRoot!.querySelector('[part~="sign-in-link"]')?.outerHTML).to.equal(
        undefined,
      );
      expect(hrefs(element)).to.deep.equal([]);
    });

    it('keeps http(s) and relative links', async () => {
      const element = await mountIn<AccountSwitcher>(
        'account-switcher',
        html`<session-provider .controller=${controllerFor(new MemoryBackend())}
          ><account-switcher
            add-account-url="/sign-in?add=1"
            manage-account-url="https://id.example/account"
          ></account-switcher
        ></session-provider>`,
      );
      await open(element);
      expect(hrefs(element)).to.deep.equal([
        `${location.origin}/sign-in?add=1`,
        'https://id.example/account',
      ]);
    });
  });
});
