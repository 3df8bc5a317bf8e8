import { aTimeout, expect, html } from '@open-wc/testing';
import type {
  ReauthRequiredEvent,
  SessionErrorEvent,
  SignOutEvent,
  SignedOutEvent,
  SignInRevokeEvent,
  SignInRevokedEvent,
} from '../../src/events.js';
import {
  confirmWith,
  mount,
  part,
  rowTitled,
  rows,
  settled,
  shadow,
  statusText,
  text,
} from './active-sessions.helpers.js';
import { RoundTripBackend } from '../helpers/round-trip-backend.js';
import { waitUntil } from '../helpers/wait-until.js';

const WINDOWS = 'Firefox 144 on Windows';

/** Records every kit event fired at the element. */
function record(element: EventTarget) {
  const events: Event[] = [];
  for (const type of [
    'signin-revoke',
    'signin-revoked',
    'sign-out',
    'signed-out',
    'session-error',
    'reauth-required',
  ]) {
    element.addEventListener(type, (event) => events.push(event));
  }
  return events;
}

const revokeButton = (row: HTMLElement) =>
  row.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!;

describe('<active-sessions>: signing out of one device', () => {
  it('confirms, fires signin-revoke and signin-revoked, announces and refetches', async () => {
    // The revocation waits for the test, so its pending state can be seen.
    const backend = new RoundTripBackend({ only: ['removeSignIn'] });
    const { element } = await mount({ backend });
    const events = record(element);
    const row = rowTitled(element, WINDOWS)!;
    const button = revokeButton(row);
    expect(button.getAttribute('aria-label')).to.equal(
      'Sign out of Firefox 144 on Windows, Berlin, active yesterday',
    );

    button.click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
    const dialog = part(element, 'dialog')!;
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(text(dialog)).to.contain('Sign out of Firefox 144 on Windows?');
    expect(shadow(element).activeElement === part(element, 'dialog-cancel')).to.equal(true);
    expect(events).to.have.length(0);

    part(element, 'dialog-confirm')!.click();
    await waitUntil(() => row.classList.contains('pending'), 'the row never showed pending');
    expect(text(revokeButton(row))).to.equal('Signing out…');
    expect(revokeButton(row).getAttribute('aria-disabled')).to.equal('true');
    expect(rows(element)).to.have.length(8);

    // The revocation may still wait for its code (loaded on first use): release it once it is sent.
    await backend.arrived('removeSignIn');
    backend.release('removeSignIn');
    await waitUntil(() => rows(element).length === 7, 'the row never went away');
    expect(rowTitled(element, WINDOWS)).to.equal(undefined);
    expect(backend.calls.removeSignIn).to.equal(1);
    expect(backend.data.signins.some((s) => s.id === 'si_ada_windows')).to.equal(false);
    expect(statusText(element)).to.equal('Signed out of Firefox 144 on Windows.');
    expect(text(part(element, 'summary'))).to.equal('1–7 of 7');

    expect(events.map((e) => e.type)).to.deep.equal(['signin-revoke', 'signin-revoked']);
    const [revoke, revoked] = events as [SignInRevokeEvent, SignInRevokedEvent];
    expect(revoke.cancelable).to.equal(true);
    expect(revoke.bubbles && revoke.composed).to.equal(true);
    expect(revoke.detail.scope).to.equal('one');
    expect(revoke.detail.signins.map((s) => s.id)).to.deep.equal(['si_ada_windows']);
    expect(revoked.cancelable).to.equal(false);
    expect(revoked.detail.signins.map((s) => s.id)).to.deep.equal(['si_ada_windows']);
  });

  it('keeps every other row element, each showing its own sign-in, when a row above it leaves', async () => {
    const { element } = await mount();
    const idOf = (row: HTMLElement) =>
      row.querySelector('button[data-id]')?.getAttribute('data-id');
    const before = new Map(rows(element).map((row) => [row, idOf(row)]));
    const windows = rowTitled(element, WINDOWS)!;
    expect(rows(element).indexOf(windows)).to.be.below(rows(element).length - 1);
    await confirmWith(element, revokeButton(windows), true);
    await waitUntil(() => rows(element).length === 7, 'the row never went away');
    // Rows are moved, not rebuilt: focus and state inside them survive a revocation.
    for (const row of rows(element)) {
      expect(before.has(row), 'an old row element').to.equal(true);
      expect(idOf(row)).to.equal(before.get(row));
    }
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { element, backend } = await mount();
    const events = record(element);
    const button = revokeButton(rowTitled(element, WINDOWS)!);
    await confirmWith(element, button, false);
    await element.updateComplete;
    expect(part(element, 'dialog')).to.equal(null);
    expect(shadow(element).activeElement === button, 'focus went back to the button').to.equal(
      true,
    );
    expect(backend.calls.removeSignIn ?? 0).to.equal(0);
    expect(events).to.have.length(0);
    expect(rows(element)).to.have.length(8);
  });

  it('does nothing when a listener cancels signin-revoke', async () => {
    const { element, backend } = await mount();
    element.addEventListener('signin-revoke', (e) => e.preventDefault());
    await confirmWith(element, revokeButton(rowTitled(element, WINDOWS)!), true);
    await aTimeout(30);
    expect(backend.calls.removeSignIn ?? 0).to.equal(0);
    expect(rows(element)).to.have.length(8);
    expect(rowTitled(element, WINDOWS)!.classList.contains('pending')).to.equal(false);
  });

  it('sends one request however often the row is clicked while it is pending', async () => {
    const { element, backend } = await mount({ backendOptions: { latency: 120 } });
    const row = rowTitled(element, WINDOWS)!;
    const button = revokeButton(row);
    button.click();
    button.click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
    const confirm = part(element, 'dialog-confirm')!;
    confirm.click();
    confirm.click();
    await waitUntil(() => row.classList.contains('pending'), 'never pending');
    revokeButton(row).click();
    revokeButton(row).click();
    await element.updateComplete;
    expect(part(element, 'dialog')).to.equal(null);
    await waitUntil(() => rows(element).length === 7, 'the row never went away');
    expect(backend.calls.removeSignIn).to.equal(1);
  });

  it('brings the row back, fires session-error and says what happened on failure', async () => {
    const { element, backend } = await mount();
    const events = record(element);
    backend.failNext('server', { method: 'removeSignIn', status: 500 });
    await confirmWith(element, revokeButton(rowTitled(element, WINDOWS)!), true);
    await waitUntil(() => events.some((e) => e.type === 'session-error'), 'no session-error');
    await element.updateComplete;
    const error = events.find((e) => e.type === 'session-error') as SessionErrorEvent;
    expect(error.detail.action).to.equal('revoke-signin');
    expect(error.detail.error.code).to.equal('server');
    expect(events.map((e) => e.type)).to.deep.equal(['signin-revoke', 'session-error']);

    const row = rowTitled(element, WINDOWS)!;
    expect(row.classList.contains('pending')).to.equal(false);
    expect(text(revokeButton(row))).to.equal('Sign out');
    const message =
      'Couldn’t sign out of Firefox 144 on Windows. Something went wrong on the server. Try again later.';
    expect(text(row.querySelector('[part~="error"]'))).to.equal(message);
    expect(statusText(element)).to.equal(message);
    expect(rows(element)).to.have.length(8);

    // Trying again clears the message and works.
    await confirmWith(element, revokeButton(row), true);
    await waitUntil(() => rows(element).length === 7, 'the retry did not remove the row');
    expect(backend.calls.removeSignIn).to.equal(2);
  });

  it('asks for re-authentication and retries the revocation', async () => {
    const { element, backend } = await mount({
      template: (c) =>
        html`<active-sessions .controller=${c} reauth-url="https://id.example/confirm"
          ><a slot="reauth" href="/custom">Custom confirm</a></active-sessions
        >`,
    });
    const events = record(element);
    backend.failNext('reauth-required', { method: 'removeSignIn', status: 403 });
    await confirmWith(element, revokeButton(rowTitled(element, WINDOWS)!), true);
    await waitUntil(() => part(element, 'reauth'), 'no re-auth state');
    // The prompt shows above the list, maybe far from the row: focus goes to it.
    await waitUntil(
      () => shadow(element).activeElement === part(element, 'reauth'),
      'focus stayed on the row',
    );
    const reauth = events.find((e) => e.type === 'reauth-required') as ReauthRequiredEvent;
    expect(reauth.detail.action).to.equal('revoke-signin');
    expect(reauth.cancelable).to.equal(true);
    expect(events.some((e) => e.type === 'session-error')).to.equal(false);
    const slot = part(element, 'reauth')!.querySelector('slot')!;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Custom confirm']);
    expect(rows(element)).to.have.length(8);

    const retry = part(element, 'reauth')!.querySelector<HTMLElement>('[part~="retry-button"]')!;
    retry.focus();
    retry.click();
    await waitUntil(() => rows(element).length === 7, 'the retry did not revoke');
    expect(part(element, 'reauth')).to.equal(null);
    // The prompt and its button left; focus did not drop to the page.
    expect(shadow(element).activeElement).to.equal(part(element, 'list'));
    expect(backend.calls.removeSignIn).to.equal(2);
  });

  it('shows the last page that still exists after its only row is revoked', async () => {
    const { element } = await mount({
      template: (c) => html`<active-sessions .controller=${c} page-size="7"></active-sessions>`,
    });
    part(element, 'next-button')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '8–8 of 8', 'page 2 never came');
    await confirmWith(element, revokeButton(rows(element)[0]), true);
    await waitUntil(() => text(part(element, 'summary')) === '1–7 of 7', 'stuck on an empty page');
    expect(rows(element)).to.have.length(7);
  });
});

describe('<active-sessions>: signing out of all other devices', () => {
  it('confirms, revokes every other sign-in and announces how many', async () => {
    const backend = new RoundTripBackend({ only: ['revokeOtherSignIns'] });
    const { element } = await mount({ backend });
    const events = record(element);
    const button = part(element, 'revoke-others-button')!;
    expect(text(button)).to.equal('Sign out of all other devices');
    await confirmWith(element, button, true);
    await waitUntil(
      () => text(part(element, 'revoke-others-button')) === 'Signing out…',
      'pending',
    );
    await backend.arrived('revokeOtherSignIns');
    backend.release('revokeOtherSignIns');
    await waitUntil(() => rows(element).length === 1, 'the others never went away');
    expect(rows(element)[0].getAttribute('part')).to.equal('item item-current');
    expect(backend.calls.revokeOtherSignIns).to.equal(1);
    expect(statusText(element)).to.equal('Signed out of 7 other devices.');
    expect(part(element, 'revoke-others-button')).to.equal(null);
    const [revoke, revoked] = events as [SignInRevokeEvent, SignInRevokedEvent];
    expect(events.map((e) => e.type)).to.deep.equal(['signin-revoke', 'signin-revoked']);
    expect(revoke.detail.scope).to.equal('others');
    expect(revoked.detail.scope).to.equal('others');
  });

  it('reports a failure next to the button and keeps every row', async () => {
    const { element, backend } = await mount();
    const events = record(element);
    backend.failNext('forbidden', { method: 'revokeOtherSignIns', status: 403 });
    await confirmWith(element, part(element, 'revoke-others-button')!, true);
    await waitUntil(() => part(element, 'toolbar')?.nextElementSibling?.matches('[part~="error"]'));
    expect(text(part(element, 'toolbar')!.nextElementSibling)).to.equal(
      'Couldn’t sign out of the other devices. You are not allowed to do that.',
    );
    expect((events.at(-1) as SessionErrorEvent).detail.action).to.equal('revoke-others');
    expect(rows(element)).to.have.length(8);
    expect(text(part(element, 'revoke-others-button'))).to.equal('Sign out of all other devices');
  });

  it('is not offered without the capability', async () => {
    const { element } = await mount({ backendOptions: { capabilities: { revokeOthers: false } } });
    expect(rows(element)).to.have.length(8);
    expect(part(element, 'revoke-others-button')).to.equal(null);
  });
});

describe('<active-sessions>: signing out of this device', () => {
  it('goes through sign-out / signed-out and the controller', async () => {
    const { element, backend, controller } = await mount();
    const events = record(element);
    rows(element)[0].querySelector<HTMLElement>('[part~="sign-out-button"]')!.click();
    await waitUntil(() => events.some((e) => e.type === 'signed-out'), 'never signed out');
    const [signOut, signedOut] = events as [SignOutEvent, SignedOutEvent];
    expect(events.map((e) => e.type)).to.deep.equal(['sign-out', 'signed-out']);
    expect(signOut.cancelable).to.equal(true);
    expect(signOut.detail).to.deep.equal({ scope: 'signin', signInId: 'si_ada_mac' });
    expect(signedOut.detail.signInId).to.equal('si_ada_mac');
    expect(backend.calls.signOut).to.equal(1);
    expect(backend.calls.removeSignIn ?? 0).to.equal(0);
    // The next account on this browser takes over; its own devices are listed.
    const state = controller.getSnapshot();
    expect(state.status === 'signed-in' && state.session.active_signin?.id).to.equal('si_alan_mac');
    await waitUntil(() => rows(element).length === 2, 'the list did not follow the new account');
  });

  it('does not sign out when sign-out is cancelled', async () => {
    const { element, backend } = await mount();
    element.addEventListener('sign-out', (e) => e.preventDefault());
    rows(element)[0].querySelector<HTMLElement>('[part~="sign-out-button"]')!.click();
    await aTimeout(30);
    expect(backend.calls.signOut ?? 0).to.equal(0);
    expect(rows(element)).to.have.length(8);
  });
});

describe('<active-sessions>: live relative times', () => {
  it('updates "last active" as time passes without refetching', async () => {
    const realNow = Date.now;
    const { element, backend } = await mount();
    const row = rowTitled(element, 'Safari 18 on iOS 18')!;
    expect(text(row.querySelector('[part~="last-active"]'))).to.equal('Last active 3 minutes ago');
    const calls = backend.calls.listSignIns;
    try {
      Date.now = () => realNow() + 10 * 60_000;
      // The page coming back into view ticks the clock at once.
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(
        () => text(row.querySelector('[part~="last-active"]')) === 'Last active 13 minutes ago',
        'the time never moved',
      );
    } finally {
      Date.now = realNow;
    }
    expect(backend.calls.listSignIns).to.equal(calls);
  });
});

describe('<active-sessions>: messages after an outage', () => {
  const OFFLINE = 'You appear to be offline.';
  const rowError = (element: HTMLElement | undefined) =>
    element?.querySelector('[part~="error"]') ?? null;
  const toolbarError = (element: Parameters<typeof part>[0]) =>
    part(element, 'toolbar')?.nextElementSibling?.matches('[part~="error"]')
      ? part(element, 'toolbar')!.nextElementSibling
      : null;

  /** A revocation of the Windows row that fails because the network is down. */
  async function failOffline(setup: Awaited<ReturnType<typeof mount>>) {
    const { element, backend } = setup;
    backend.failNext('network', { method: 'removeSignIn' });
    await confirmWith(element, revokeButton(rowTitled(element, WINDOWS)!), true);
    await waitUntil(() => rowError(rowTitled(element, WINDOWS)), 'no row error');
    expect(text(rowError(rowTitled(element, WINDOWS)))).to.contain(OFFLINE);
  }

  it('clears a row’s network error once the list reloads', async () => {
    const setup = await mount();
    const { element, backend } = setup;
    await failOffline(setup);
    const loads = backend.calls.listSignIns;

    // The network is back and the list reloads.
    element.refresh();
    await waitUntil(() => backend.calls.listSignIns === loads + 1, 'the list did not reload');
    await settled(element);
    await element.updateComplete;
    expect(rows(element)).to.have.length(8);
    expect(text(rowError(rowTitled(element, WINDOWS)))).to.equal('');
  });

  it('clears it when a change elsewhere reloads the list', async () => {
    const setup = await mount();
    const { element, controller } = setup;
    await failOffline(setup);
    // Another element (or tab) revokes a different device: the revision changes.
    await controller.removeSignIn('si_ada_iphone');
    await waitUntil(() => rows(element).length === 7, 'the list did not follow');
    expect(text(rowError(rowTitled(element, WINDOWS)))).to.equal('');
  });

  it('clears the toolbar message when a later action succeeds', async () => {
    const { element, backend } = await mount();
    backend.failNext('network', { method: 'revokeOtherSignIns' });
    await confirmWith(element, part(element, 'revoke-others-button')!, true);
    await waitUntil(() => toolbarError(element), 'no toolbar error');
    expect(text(toolbarError(element))).to.contain(OFFLINE);

    await confirmWith(element, revokeButton(rowTitled(element, WINDOWS)!), true);
    await waitUntil(() => rows(element).length === 7, 'the revocation did not go through');
    expect(text(toolbarError(element))).to.equal('');
  });

  it('keeps a message that only a list load started before the failure would wipe', async () => {
    const setup = await mount();
    const { element, backend } = setup;
    const loads = backend.calls.listSignIns;
    backend.latency = 600;
    element.refresh();
    await waitUntil(() => backend.calls.listSignIns === loads + 1, 'the list did not reload');
    backend.latency = 0;
    await failOffline(setup);
    await settled(element);
    await aTimeout(700);
    await element.updateComplete;
    expect(text(rowError(rowTitled(element, WINDOWS)))).to.contain(OFFLINE);
  });
});
