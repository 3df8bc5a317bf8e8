import { expect, html, oneEvent } from '@open-wc/testing';
import { nothing } from 'lit';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import type { RequestOptions } from '../../src/core/backend.js';
import type { SignOutResult, SignOutTarget } from '../../src/core/types.js';
import { SignOutButton } from '../../src/elements/sign-out-button/sign-out-button.js';
import type {
  ReauthRequiredEvent,
  SessionErrorEvent,
  SignedOutEvent,
  SignOutEvent,
} from '../../src/events.js';
import {
  HOSTILE_NAME,
  expectAccessible,
  mount,
  part,
  signedOutBackend,
  text,
} from './switchers.helpers.js';
import { loadLocale } from '../../src/internal/localize.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Records navigation instead of leaving the test page. */
class RecordingSignOutButton extends SignOutButton {
  navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
customElements.define('recording-sign-out-button', RecordingSignOutButton);

class RedirectingBackend extends MemoryBackend {
  override async signOut(target: SignOutTarget, o: RequestOptions): Promise<SignOutResult> {
    await super.signOut(target, o);
    return { redirectUrl: '/goodbye-from-backend' };
  }
}

type Attrs = {
  extent?: string;
  scope?: string;
  signInId?: string;
  redirectUrl?: string;
  confirm?: string;
};

function mountButton(attrs: Attrs = {}, options: Parameters<typeof mount>[2] = {}, slot = '') {
  return mount<RecordingSignOutButton>(
    'recording-sign-out-button',
    (c) =>
      html`<session-provider .controller=${c}
        ><recording-sign-out-button
          extent=${attrs.extent ?? nothing}
          scope=${attrs.scope ?? nothing}
          signin-id=${attrs.signInId ?? nothing}
          redirect-url=${attrs.redirectUrl ?? nothing}
          confirm=${attrs.confirm ?? nothing}
          >${slot}</recording-sign-out-button
        ></session-provider
      >`,
    options,
  );
}

const button = (el: Element) => part(el, 'button') as HTMLButtonElement;

async function settle(el: SignOutButton) {
  await waitUntil(
    () => !button(el) || !button(el).hasAttribute('aria-disabled'),
    'sign-out never settled',
  );
  await el.updateComplete;
}

async function answerDialog(el: SignOutButton, answer: boolean) {
  await waitUntil(() => part(el, 'dialog')?.hasAttribute('open'), 'no dialog opened');
  const message = text(part(el, 'dialog-message'));
  part(el, answer ? 'dialog-confirm' : 'dialog-cancel')!.click();
  return message;
}

describe('<sign-out-button>', () => {
  it('labels itself after the extent', async () => {
    for (const [extent, label] of [
      ['signin', 'Sign out'],
      ['session', 'Sign out of all accounts'],
      ['everywhere', 'Sign out everywhere'],
      ['bogus', 'Sign out'],
    ]) {
      const { element } = await mountButton({ extent });
      expect(text(button(element)), extent).to.equal(label);
    }
  });

  it('still honours the deprecated `scope`, and `extent` wins over it', async () => {
    const { element: old } = await mountButton({ scope: 'everywhere' });
    expect(text(button(old))).to.equal('Sign out everywhere');
    const { element: both } = await mountButton({ extent: 'session', scope: 'everywhere' });
    expect(text(button(both))).to.equal('Sign out of all accounts');
  });

  it('lets the default slot override the label', async () => {
    const { element } = await mountButton({}, {}, 'Log off');
    const slot = button(element).querySelector('slot')!;
    expect(
      slot
        .assignedNodes()
        .map((n) => n.textContent)
        .join(''),
    ).to.equal('Log off');
  });

  it('renders nothing while signed out', async () => {
    const { element } = await mountButton({}, { backend: await signedOutBackend() });
    expect(button(element)).to.equal(null);
  });

  it('scope signin signs out the active account only; the next one becomes active', async () => {
    const { element, backend, controller } = await mountButton();
    const before = oneEvent(element, 'sign-out') as Promise<SignOutEvent>;
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    expect((await before).detail).to.deep.equal({ scope: 'signin', signInId: 'si_ada_mac' });
    expect((await after).detail).to.deep.equal({ scope: 'signin', signInId: 'si_ada_mac' });
    await settle(element);
    expect(backend.data.browser).to.deep.equal(['si_alan_mac']);
    expect(backend.data.signins.some((s) => s.id === 'si_ada_iphone')).to.equal(true);
    const state = controller.getSnapshot();
    expect(state.status === 'signed-in' && state.session.active_signin?.id).to.equal('si_alan_mac');
    expect(button(element), 'still signed in as Alan').to.not.equal(null);
    expect(element.navigations).to.deep.equal([]);
  });

  it('signin-id targets one account and leaves the active one alone', async () => {
    const { element, backend } = await mountButton({ signInId: 'si_alan_mac' });
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    expect((await after).detail.signInId).to.equal('si_alan_mac');
    expect(backend.data.browser).to.deep.equal(['si_ada_mac']);
    expect(backend.data.active).to.equal('si_ada_mac');
  });

  it('scope session signs out every account on this browser and stays on the page', async () => {
    const { element, backend, controller } = await mountButton({ extent: 'session' });
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    expect((await after).detail).to.deep.equal({ scope: 'session' });
    await waitUntil(() => controller.getSnapshot().status === 'signed-out');
    await element.updateComplete;
    expect(backend.data.browser).to.deep.equal([]);
    // Ada's other devices are untouched.
    expect(backend.data.signins.filter((s) => s.user_id === 'user_ada')).to.have.length(7);
    expect(button(element), 'renders nothing signed out').to.equal(null);
    expect(element.navigations).to.deep.equal([]);
  });

  it('scope everywhere asks first, counting the devices still signed in (not the expired one), and cancel sends nothing', async () => {
    const { element, backend } = await mountButton({ extent: 'everywhere' });
    let fired = false;
    element.addEventListener('sign-out', () => (fired = true));
    button(element).click();
    // Ada has 8 sign-ins; one of them expired days ago and signs nobody out.
    expect(await answerDialog(element, false)).to.equal('You will be signed out on 7 devices.');
    await settle(element);
    expect(part(element, 'dialog')).to.equal(null);
    expect(fired).to.equal(false);
    expect(backend.calls.signOut ?? 0).to.equal(0);
    expect(backend.data.signins.filter((s) => s.user_id === 'user_ada')).to.have.length(8);
  });

  it('scope everywhere signs out every device of the user after confirmation', async () => {
    const { element, backend } = await mountButton({ extent: 'everywhere' });
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    await answerDialog(element, true);
    expect((await after).detail).to.deep.equal({ scope: 'everywhere' });
    expect(backend.data.signins.filter((s) => s.user_id === 'user_ada')).to.have.length(0);
    expect(backend.data.signins.filter((s) => s.user_id === 'user_alan')).to.have.length(2);
  });

  it('states an unknown count when the device list cannot be read', async () => {
    const { element, backend } = await mountButton({ extent: 'everywhere' });
    backend.failNext('server', { method: 'listSignIns' });
    button(element).click();
    expect(await answerDialog(element, false)).to.equal(
      'You will be signed out on every device, including this one.',
    );
  });

  it('confirm="false" skips the dialog; confirm asks for any scope', async () => {
    const quick = await mountButton({ extent: 'everywhere', confirm: 'false' });
    const done = oneEvent(quick.element, 'signed-out');
    button(quick.element).click();
    await done;
    expect(part(quick.element, 'dialog')).to.equal(null);

    const careful = await mountButton({ confirm: '' });
    button(careful.element).click();
    expect(await answerDialog(careful.element, false)).to.equal(
      'You will be signed out of Ada Lovelace on this browser.',
    );
    expect(careful.backend.calls.signOut ?? 0).to.equal(0);
  });

  it('keeps the dialog buttons on screen when the name is 10 KB of markup', async () => {
    const seed = demoSeed();
    for (const s of seed.signins) {
      if (s.user?.id === 'user_ada')
        Object.assign(s.user, { first_name: HOSTILE_NAME, last_name: '' });
    }
    const { element } = await mountButton(
      { confirm: '' },
      { backend: new MemoryBackend({ seed }) },
    );
    button(element).click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog opened');
    const message = part(element, 'dialog-message')!;
    expect(message.textContent).to.contain(HOSTILE_NAME);
    expect(element.shadowRoot!.querySelector('script, img')).to.equal(null);
    const dialog = part(element, 'dialog')!;
    const overflow = {
      x: dialog.scrollWidth - dialog.clientWidth,
      y: dialog.scrollHeight - dialog.clientHeight,
    };
    const confirm = part(element, 'dialog-confirm')!.getBoundingClientRect();
    part(element, 'dialog-cancel')!.click();
    expect(overflow, 'the dialog scrolls').to.deep.equal({ x: 0, y: 0 });
    expect(confirm.bottom).to.be.within(1, window.innerHeight);
    expect(confirm.right).to.be.within(1, window.innerWidth);
  });

  it('a cancelled sign-out event sends nothing', async () => {
    const { element, backend } = await mountButton();
    element.addEventListener('sign-out', (e) => e.preventDefault());
    let signedOut = false;
    element.addEventListener('signed-out', () => (signedOut = true));
    button(element).click();
    await settle(element);
    expect(backend.calls.signOut ?? 0).to.equal(0);
    expect(signedOut).to.equal(false);
  });

  it('navigates to redirect-url, which wins over the backend redirect', async () => {
    const { element } = await mountButton(
      { scope: 'session', redirectUrl: '/bye' },
      { backend: new RedirectingBackend() },
    );
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    expect((await after).detail.redirectUrl).to.equal('/bye');
    await settle(element);
    expect(element.navigations).to.deep.equal(['/bye']);
  });

  it('follows the backend redirect when the page gives none', async () => {
    const { element } = await mountButton({}, { backend: new RedirectingBackend() });
    const after = oneEvent(element, 'signed-out') as Promise<SignedOutEvent>;
    button(element).click();
    expect((await after).detail.redirectUrl).to.equal('/goodbye-from-backend');
    await settle(element);
    expect(element.navigations).to.deep.equal(['/goodbye-from-backend']);
  });

  it('sends one request on a double click, aria-disabled with a spinner while pending', async () => {
    const { element, backend } = await mountButton({}, { backendOptions: { latency: 80 } });
    button(element).click();
    button(element).click();
    await element.updateComplete;
    expect(button(element).getAttribute('aria-disabled')).to.equal('true');
    expect(part(element, 'spinner')).to.not.equal(null);
    button(element).click();
    await settle(element);
    expect(backend.calls.signOut).to.equal(1);
    expect(part(element, 'spinner')).to.equal(null);
  });

  it('shows a failure and fires session-error', async () => {
    const { element, backend } = await mountButton();
    backend.failNext('server', { method: 'signOut' });
    const error = oneEvent(element, 'session-error') as Promise<SessionErrorEvent>;
    button(element).click();
    const event = await error;
    expect(event.detail.action).to.equal('sign-out');
    expect(event.detail.error.code).to.equal('server');
    await settle(element);
    expect(text(part(element, 'error'))).to.equal(
      'Something went wrong on the server. Try again later.',
    );
    expect(button(element).hasAttribute('aria-disabled')).to.equal(false);
    expect(backend.data.browser).to.have.length(2);
  });

  it('fires reauth-required; a handled one shows no message, retry() signs out', async () => {
    const { element, backend } = await mountButton();
    backend.failNext('reauth-required', { method: 'signOut', status: 403 });
    const reauth = oneEvent(element, 'reauth-required') as Promise<ReauthRequiredEvent>;
    element.addEventListener('reauth-required', (e) => e.preventDefault(), { once: true });
    button(element).click();
    const event = await reauth;
    await settle(element);
    expect(part(element, 'error')).to.equal(null);
    const after = oneEvent(element, 'signed-out');
    event.detail.retry();
    await after;
    expect(backend.data.browser).to.deep.equal(['si_alan_mac']);
  });

  it('shows the confirm-it’s-you message when nobody handles reauth-required', async () => {
    const { element, backend } = await mountButton();
    backend.failNext('reauth-required', { method: 'signOut', status: 403 });
    const reauth = oneEvent(element, 'reauth-required');
    button(element).click();
    await reauth;
    await settle(element);
    expect(text(part(element, 'error'))).to.equal('Please confirm it’s you to continue.');
  });

  it('hides scope everywhere when the backend cannot sign out everywhere', async () => {
    const { element } = await mountButton(
      { scope: 'everywhere' },
      { backendOptions: { capabilities: { signOutEverywhere: false } } },
    );
    expect(button(element)).to.equal(null);
  });

  it('speaks German with lang="de"', async () => {
    // German is a lazy module; loaded first so the text is there on the first render.
    await loadLocale('de');
    const { element } = await mount<SignOutButton>(
      'sign-out-button',
      (c) =>
        html`<div lang="de">
          <sign-out-button .controller=${c} scope="everywhere"></sign-out-button>
        </div>`,
    );
    expect(text(button(element))).to.equal('Überall abmelden');
    button(element).click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'));
    expect(text(part(element, 'dialog-message'))).to.equal('Sie werden auf 7 Geräten abgemeldet.');
    expect(text(part(element, 'dialog-cancel'))).to.equal('Abbrechen');
    part(element, 'dialog-cancel')!.click();
  });

  for (const scheme of ['light', 'dark']) {
    it(`has no axe violations, idle and with the dialog open (${scheme})`, async () => {
      const { element } = await mountButton({ extent: 'everywhere' });
      element.style.setProperty('--session-color-scheme', scheme);
      await expectAccessible(element);
      button(element).click();
      await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'));
      await expectAccessible(element);
      part(element, 'dialog-cancel')!.click();
    });
  }
});
