import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import type { AccountSwitcher } from '../../src/elements/account-switcher/account-switcher.js';
import type { ReauthRequiredEvent, SessionErrorEvent, SignedOutEvent } from '../../src/events.js';
import {
  HOSTILE_NAME,
  nextFrame,
  type MountOptions,
  type PageAttributes,
  activeSignIn,
  controllerFor,
  expectAccessible,
  expectAccessibleMenu,
  focused,
  item,
  items,
  mount,
  mountInProvider,
  open,
  part,
  parts,
  signedOutBackend,
  switchTwice,
  text,
  trigger,
} from './switchers.helpers.js';
import { loadLocale } from '../../src/internal/localize.js';
import { lastAnnouncement } from '../../src/internal/announcer.js';
import { waitUntil } from '../helpers/wait-until.js';

const DAY = 86_400_000;

function mountSwitcher(options: MountOptions = {}, attrs: PageAttributes = {}) {
  return mountInProvider<AccountSwitcher>(
    'account-switcher',
    html`<account-switcher
      add-account-url="/sign-in?add=1"
      manage-account-url="/account"
      sign-in-url="/sign-in"
    ></account-switcher>`,
    options,
    attrs,
  );
}

/** The demo world with changes applied to its seed. */
function backendWith(change: (seed: ReturnType<typeof demoSeed>) => void, latency = 0) {
  const seed = demoSeed();
  change(seed);
  return new MemoryBackend({ seed, latency });
}

function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)) as Record<string, unknown>;
}

describe('<account-switcher>', () => {
  describe('states', () => {
    it('signed out: a sign-in link and nothing about any user', async () => {
      const { element } = await mountSwitcher({ backend: await signedOutBackend() });
      expect(trigger(element)).to.equal(null);
      const link = part(element, 'sign-in-link') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('/sign-in');
      expect(text(link)).to.equal('Sign in');
      expect(element.shadowRoot!.textContent).not.to.match(/Ada|Alan|@/);
    });

    it('signed out: the signed-out slot replaces the default link', async () => {
      const backend = await signedOutBackend();
      const { element } = await mount<AccountSwitcher>(
        'account-switcher',
        (c) =>
          html`<account-switcher .controller=${c}
            ><a slot="signed-out" href="/login">Log in here</a></account-switcher
          >`,
        { backend },
      );
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Log in here']);
    });

    it('loading: a busy placeholder, no menu button', async () => {
      const backend = new MemoryBackend({ latency: 300 });
      const el = document.createElement('account-switcher');
      el.controller = controllerFor(backend);
      document.body.append(el);
      try {
        await el.updateComplete;
        expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
        expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      } finally {
        el.remove();
      }
    });

    it('a session that fails to load shows the error and retries', async () => {
      const backend = new MemoryBackend();
      backend.failNext('server', { method: 'getSession' });
      const { element } = await mountSwitcher({ backend });
      expect(text(part(element, 'error'))).to.equal(
        'Something went wrong on the server. Try again later.',
      );
      part(element, 'retry-button')!.click();
      await waitUntil(() => trigger(element), 'never recovered');
      expect(text(trigger(element))).to.contain('Ada Lovelace');
    });

    it('several accounts: trigger shows the active one, the menu lists every account here', async () => {
      const { element } = await mountSwitcher();
      const t = trigger(element);
      expect(text(t.querySelector('[part~="label"]'))).to.equal('Ada Lovelace');
      expect(text(t.querySelector('[part~="detail"]'))).to.equal('ada@example.com');
      expect(text(t.querySelector('[part~="avatar"]'))).to.equal('AL');
      expect(text(t.querySelector('.visually-hidden'))).to.equal('Signed in as');
      expect(trigger(element).getAttribute('aria-haspopup')).to.equal('menu');
      await open(element);
      const radios = items(element).filter((i) => i.getAttribute('role') === 'menuitemradio');
      expect(radios.map((r) => text(r.querySelector('[part~="label"]')))).to.deep.equal([
        'Ada Lovelace',
        'Alan Turing',
      ]);
      expect(radios.map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['true', 'false']);
      expect(radios[0].getAttribute('part')).to.contain('menu-item-current');
      expect(text(radios[1].querySelector('[part~="detail"]'))).to.equal('alan@example.org');
      expect(part(element, 'add-account')!.getAttribute('href')).to.equal('/sign-in?add=1');
      expect(part(element, 'manage-account')!.getAttribute('href')).to.equal('/account');
      expect(text(part(element, 'sign-out-item'))).to.equal('Sign out of Ada Lovelace');
      expect(text(part(element, 'sign-out-all-item'))).to.equal('Sign out of all accounts');
    });

    it('initials sit on a colour derived from the user id', async () => {
      const { element } = await mountSwitcher();
      await open(element);
      const [ada, alan] = parts(element, 'avatar').slice(1);
      const hue = (a: HTMLElement) => a.style.getPropertyValue('--_avatar-hue');
      expect(text(alan)).to.equal('AT');
      expect(hue(ada)).to.equal(hue(parts(element, 'avatar')[0]));
      expect(hue(ada)).not.to.equal(hue(alan));
    });

    it('a single account: no "Sign out of all accounts"', async () => {
      const backend = backendWith((seed) => (seed.browser = ['si_ada_mac']));
      const { element } = await mountSwitcher({ backend });
      await open(element);
      expect(
        items(element).filter((i) => i.getAttribute('role') === 'menuitemradio'),
      ).to.have.length(1);
      expect(part(element, 'sign-out-all-item')).to.equal(null);
    });

    it('shows the profile picture when there is one', async () => {
      const backend = backendWith((seed) => {
        for (const s of seed.signins) {
          if (s.user?.id === 'user_ada')
            s.user.profile_picture_url = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        }
      });
      const { element } = await mountSwitcher({ backend });
      const img = trigger(element).querySelector('[part~="avatar"] img')!;
      expect(img.getAttribute('src')).to.match(/^data:image\/gif/);
      expect(img.getAttribute('alt')).to.equal('');
    });

    it('never loads a javascript: profile picture; the initials stay', async () => {
      const backend = backendWith((seed) => {
        for (const s of seed.signins) {
          if (s.user?.id === 'user_ada') {
            s.user.profile_picture_url = 'javascript:window.__pictureRan=1';
          }
        }
      });
      const { element } = await mountSwitcher({ backend });
      const avatarPart = trigger(element).querySelector('[part~="avatar"]')!;
      expect(avatarPart.querySelector('img')).to.equal(null);
      expect(text(avatarPart)).to.equal('AL');
      await nextFrame();
      expect((window as unknown as { __pictureRan?: number }).__pictureRan).to.equal(undefined);
    });

    it('an expired account offers "Sign in again" instead of switching', async () => {
      const backend = backendWith((seed) => {
        seed.signins.find((s) => s.id === 'si_alan_mac')!.expiresAt = new Date(
          Date.now() - DAY,
        ).toISOString();
      });
      const { element } = await mountSwitcher({ backend });
      await open(element);
      const expired = part(element, 'menu-item-expired') as HTMLAnchorElement;
      expect(expired.getAttribute('role')).to.equal('menuitem');
      expect(expired.getAttribute('href')).to.equal('/sign-in');
      expect(text(expired.querySelector('[part~="badge"]'))).to.equal('Sign in again');
      expect(text(expired.querySelector('[part~="label"]'))).to.equal('Alan Turing');
      expect(
        items(element).filter((i) => i.getAttribute('role') === 'menuitemradio'),
      ).to.have.length(1);
    });
  });

  describe('switching', () => {
    it('switches: events, pending item, new session and a token for the new account', async () => {
      const { element, backend, controller, before, after } = await switchTwice(
        mountSwitcher({ backendOptions: { latency: 60 } }),
        'account',
        'Alan Turing',
      );
      expect((await before).detail.signin.id).to.equal('si_alan_mac');
      await element.updateComplete;
      const pending = item(element, 'Alan Turing');
      expect(pending.getAttribute('aria-busy')).to.equal('true');
      expect(pending.querySelector('[part~="spinner"]')).to.not.equal(null);
      expect((await after).detail.signin.id).to.equal('si_alan_mac');
      await element.updateComplete;
      expect(backend.calls.switchSignIn).to.equal(1);
      expect(activeSignIn(controller).id).to.equal('si_alan_mac');
      expect(claims(await controller.getToken()).sid).to.equal('si_alan_mac');
      expect(text(trigger(element))).to.contain('Alan Turing');
      expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(element)).to.equal(trigger(element));
      expect(lastAnnouncement()).to.equal('Switched to Alan Turing');
    });

    it('a cancelled account-switch sends nothing', async () => {
      const { element, backend, controller } = await mountSwitcher();
      element.addEventListener('account-switch', (e) => e.preventDefault());
      await open(element);
      item(element, 'Alan Turing').click();
      await element.updateComplete;
      expect(backend.calls.switchSignIn ?? 0).to.equal(0);
      expect(activeSignIn(controller).id).to.equal('si_ada_mac');
    });

    it('choosing the active account just closes the menu', async () => {
      const { element, backend } = await mountSwitcher();
      let fired = false;
      element.addEventListener('account-switch', () => (fired = true));
      await open(element);
      item(element, 'Ada Lovelace').click();
      await element.updateComplete;
      expect(fired).to.equal(false);
      expect(backend.calls.switchSignIn ?? 0).to.equal(0);
      expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
    });

    it('a failure shows a message and fires session-error; nothing changes', async () => {
      const { element, backend, controller } = await mountSwitcher();
      backend.failNext('network', { method: 'switchSignIn' });
      await open(element);
      const error = oneEvent(element, 'session-error') as Promise<SessionErrorEvent>;
      item(element, 'Alan Turing').click();
      const event = await error;
      expect(event.detail.action).to.equal('switch-account');
      expect(event.detail.error.code).to.equal('network');
      await element.updateComplete;
      expect(text(part(element, 'error'))).to.equal(
        'You appear to be offline. Check your connection and try again.',
      );
      expect(activeSignIn(controller).id).to.equal('si_ada_mac');
      expect(item(element, 'Alan Turing').getAttribute('aria-busy')).to.equal(null);
    });

    it('reauth-required fires its event', async () => {
      const { element, backend } = await mountSwitcher();
      backend.failNext('reauth-required', { method: 'switchSignIn', status: 403 });
      await open(element);
      const reauth = oneEvent(element, 'reauth-required') as Promise<ReauthRequiredEvent>;
      item(element, 'Alan Turing').click();
      expect((await reauth).detail.action).to.equal('switch-account');
    });

    it('works from the keyboard alone', async () => {
      const { element, backend } = await mountSwitcher();
      trigger(element).focus();
      await sendKeys({ press: 'ArrowDown' });
      await element.updateComplete;
      expect(text(focused(element)!.querySelector('[part~="label"]'))).to.equal('Ada Lovelace');
      await sendKeys({ press: 'ArrowDown' });
      expect(text(focused(element)!.querySelector('[part~="label"]'))).to.equal('Alan Turing');
      const switched = oneEvent(element, 'account-switched');
      await sendKeys({ press: 'Enter' });
      await switched;
      expect(backend.data.active).to.equal('si_alan_mac');
      await element.updateComplete;
      expect(focused(element)).to.equal(trigger(element));
    });

    it('Escape closes back to the trigger; a click outside closes', async () => {
      const { element } = await mountSwitcher();
      trigger(element).focus();
      await sendKeys({ press: 'ArrowUp' });
      await element.updateComplete;
      expect(focused(element)).to.equal(part(element, 'sign-out-all-item'));
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
      expect(focused(element)).to.equal(trigger(element));
      await open(element);
      document.body.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      await element.updateComplete;
      expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
    });
  });

  describe('signing out', () => {
    it('"Sign out of <name>" signs out the active account; the next one takes over', async () => {
      const { element, backend } = await mountSwitcher();
      await open(element);
      const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
      part(element, 'sign-out-item')!.click();
      expect((await after).detail).to.deep.equal({ scope: 'signin', signInId: 'si_ada_mac' });
      expect(backend.data.browser).to.deep.equal(['si_alan_mac']);
      await waitUntil(() => text(trigger(element)).includes('Alan Turing'));
    });

    it('"Sign out of all accounts" leaves the signed-out state', async () => {
      const { element, backend } = await mountSwitcher();
      await open(element);
      const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
      part(element, 'sign-out-all-item')!.click();
      expect((await after).detail).to.deep.equal({ scope: 'session' });
      expect(backend.data.browser).to.deep.equal([]);
      await waitUntil(() => part(element, 'sign-in-link'));
      expect(trigger(element)).to.equal(null);
    });

    it('keyboard users land on the sign-in link, not at the top of the page', async () => {
      const { element } = await mountSwitcher();
      await open(element);
      part(element, 'sign-out-all-item')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => part(element, 'sign-in-link'));
      await waitUntil(() => focused(element) === part(element, 'sign-in-link'));
    });
  });

  describe('hostile data', () => {
    it('renders markup in names and 10 KB strings as inert, truncated text', async () => {
      const backend = backendWith((seed) => {
        for (const s of seed.signins) {
          if (s.user?.id !== 'user_ada') continue;
          s.user.first_name = HOSTILE_NAME;
          s.user.last_name = undefined;
          s.user.primary_email_address = { email: `${HOSTILE_NAME}@evil.test`, verified: false };
        }
      });
      const { element } = await mountSwitcher({ backend });
      await open(element);
      const label = trigger(element).querySelector<HTMLElement>('[part~="label"]')!;
      expect(label.textContent).to.equal(HOSTILE_NAME);
      expect(element.shadowRoot!.querySelector('script, img[src="x"]')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(getComputedStyle(label).textOverflow).to.equal('ellipsis');
      expect(label.scrollWidth).to.be.greaterThan(label.clientWidth);
      expect(trigger(element).getBoundingClientRect().width).to.be.at.most(18 * 16 + 1);
      const menu = part(element, 'menu')!;
      expect(menu.getBoundingClientRect().width).to.be.at.most(24 * 16 + 1);
      expect(text(part(element, 'sign-out-item'))).to.equal(`Sign out of ${HOSTILE_NAME}`);
    });
  });

  describe('accessibility and language', () => {
    for (const scheme of ['light', 'dark']) {
      it(`has no axe violations, closed and open (${scheme})`, async () => {
        const { element } = await mountSwitcher({}, { style: `--session-color-scheme: ${scheme}` });
        await expectAccessibleMenu(element);
      });
    }

    it('has no axe violations signed out', async () => {
      const { element } = await mountSwitcher({ backend: await signedOutBackend() });
      await expectAccessible(element);
    });

    it('speaks German with lang="de"', async () => {
      // German is a lazy module; loaded first so the text is there on the first render.
      await loadLocale('de');
      const { element } = await mountSwitcher({}, { lang: 'de' });
      expect(text(trigger(element))).to.contain('Angemeldet als Ada Lovelace');
      await open(element);
      expect(text(part(element, 'add-account'))).to.equal('Konto hinzufügen');
      expect(text(part(element, 'manage-account'))).to.equal('Konto verwalten');
      expect(text(part(element, 'sign-out-item'))).to.equal('Von Ada Lovelace abmelden');
      expect(text(part(element, 'sign-out-all-item'))).to.equal('Von allen Konten abmelden');
      expect(part(element, 'menu')!.getAttribute('aria-label')).to.equal('Konto');
    });
  });
});
