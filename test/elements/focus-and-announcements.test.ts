import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { AccountSwitcher } from '../../src/elements/account-switcher/account-switcher.js';
import type { SignOutButton } from '../../src/elements/sign-out-button/sign-out-button.js';
import type { OrganizationSwitcher } from '../../src/elements/organization-switcher/organization-switcher.js';
import type { WorkspaceSwitcher } from '../../src/elements/workspace-switcher/workspace-switcher.js';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import { KeyedActionController } from '../../src/controllers/keyed-action.js';
import { announce } from '../../src/internal/announcer.js';
import { LitElement } from 'lit';
import { item, mount, open, part, trigger } from './switchers.helpers.js';
import { mount as mountSessions } from './active-sessions.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

/** The focused element, looking inside shadow roots. */
function deepActive(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

function expectFocusKept(where: string) {
  const active = deepActive();
  expect(active, `focus dropped to <body> ${where}`).to.not.equal(document.body);
  expect(active, `nothing focused ${where}`).to.not.equal(null);
}

/** Every live region in the document, shadow roots included. */
function liveRegions(root: Document | ShadowRoot = document): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    const role = element.getAttribute('role');
    const live = element.getAttribute('aria-live');
    if (role === 'status' || role === 'alert' || (live && live !== 'off')) found.push(element);
    if (element.shadowRoot) found.push(...liveRegions(element.shadowRoot));
  }
  return found;
}

const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();

/** What a screen reader has been told so far: the text of every live region. */
const heard = () => liveRegions().map((region) => norm(region.textContent));

/**
 * Counts how often a live region's text becomes `message` (each one is
 * an announcement) until the returned function is called.
 */
function countAnnouncements(message: string): () => number {
  let count = 0;
  const observer = new MutationObserver((records) => {
    const touched = new Set<Element>();
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = node?.closest('[role="status"], [role="alert"], [aria-live]');
      if (region) touched.add(region);
    }
    for (const region of touched) if (norm(region.textContent) === message) count++;
  });
  const watch = (root: Node) =>
    observer.observe(root, { subtree: true, childList: true, characterData: true });
  watch(document.body);
  for (const element of document.querySelectorAll('*')) {
    if (element.shadowRoot) watch(element.shadowRoot);
  }
  return () => {
    observer.takeRecords();
    observer.disconnect();
    return count;
  };
}

function mountIn<E extends HTMLElement>(tag: string, inner: TemplateResult) {
  return mount<E>(tag, (c) => html`<session-provider .controller=${c}>${inner}</session-provider>`);
}

const button = (element: Element) => part(element, 'button') as HTMLButtonElement;

async function openDialog(element: SignOutButton) {
  button(element).focus();
  button(element).click();
  await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog opened');
}

describe('focus after every action (issue 12, defect 2)', () => {
  it('returns to the sign-out button after Escape in its confirm dialog', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button confirm></sign-out-button>`,
    );
    await openDialog(element);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part(element, 'dialog'), 'the dialog stayed open');
    await element.updateComplete;
    expectFocusKept('after Escape');
    expect(deepActive()).to.equal(button(element));
  });

  it('returns to the sign-out button after Cancel in its confirm dialog', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button scope="everywhere"></sign-out-button>`,
    );
    await openDialog(element);
    part(element, 'dialog-cancel')!.click();
    await element.updateComplete;
    expectFocusKept('after Cancel');
    expect(deepActive()).to.equal(button(element));
  });

  it('stays on the sign-out button while it signs out of one of two accounts', async () => {
    const { element, backend } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button></sign-out-button>`,
    );
    button(element).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => backend.data.browser.length === 1, 'never signed out');
    await waitUntil(() => !button(element).hasAttribute('aria-disabled'), 'never settled');
    expect(deepActive()).to.equal(button(element));
  });

  it('goes to the page’s sign-in link after signing out of the last account', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button scope="session"></sign-out-button>
        <signed-out><a id="sign-in" href="/sign-in">Sign in</a></signed-out>`,
    );
    button(element).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(element), 'the button stayed');
    await waitUntil(() => deepActive()?.id === 'sign-in', 'focus did not reach the link');
  });

  it('stays on the sign-out button’s host when the page has no sign-in link', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button scope="session"></sign-out-button>`,
    );
    button(element).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(element), 'the button stayed');
    await waitUntil(() => deepActive() === element, 'focus dropped to <body>');
  });

  it('goes to the signed-out content when the button was inside <signed-in> and there is no link', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<signed-in><sign-out-button scope="session"></sign-out-button></signed-in>
        <signed-out><h2 id="signed-out-title">You're signed out</h2></signed-out>`,
    );
    button(element).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !button(element), 'the button stayed');
    await waitUntil(
      () => deepActive()?.localName === 'signed-out',
      `focus went to ${deepActive()?.localName}`,
    );
  });

  it('stays in the account switcher after signing out of every account (no sign-in URL)', async () => {
    const { element } = await mountIn<AccountSwitcher>(
      'account-switcher',
      html`<account-switcher></account-switcher>`,
    );
    await open(element);
    part(element, 'sign-out-all-item')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !trigger(element), 'the trigger stayed');
    await waitUntil(() => deepActive() === element, 'focus dropped to <body>');
  });

  for (const [tag, label] of [
    ['account-switcher', 'Alan Turing'],
    ['organization-switcher', 'Personal account'],
    ['workspace-switcher', 'Engineering'],
  ] as const) {
    it(`returns to the ${tag}'s trigger after switching from the keyboard`, async () => {
      const { element } = await mountIn<AccountSwitcher | OrganizationSwitcher | WorkspaceSwitcher>(
        tag,
        html`${
          tag === 'account-switcher'
            ? html`<account-switcher></account-switcher>`
            : tag === 'organization-switcher'
              ? html`<organization-switcher></organization-switcher>`
              : html`<workspace-switcher></workspace-switcher>`
        }`,
      );
      await open(element);
      const choice = item(element, label);
      if (!choice) return; // the seed has nothing else to switch to
      choice.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => trigger(element)?.getAttribute('aria-expanded') === 'false',
        'the menu stayed open',
      );
      await element.updateComplete;
      expectFocusKept(`after switching in <${tag}>`);
      expect(deepActive()).to.equal(trigger(element));
    });
  }
});

describe('announcements (issue 12, defect 3)', () => {
  it('announces signing out of the last account, after the button is gone', async () => {
    const { element } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button scope="session"></sign-out-button>`,
    );
    button(element).click();
    await waitUntil(() => !button(element), 'the button stayed');
    await waitUntil(
      () => heard().includes('You are signed out.'),
      `nobody heard the sign-out: ${JSON.stringify(heard())}`,
    );
  });

  it('signing out of one of two accounts says who is still signed in', async () => {
    const { element, backend } = await mountIn<SignOutButton>(
      'sign-out-button',
      html`<sign-out-button></sign-out-button>`,
    );
    button(element).click();
    await waitUntil(() => backend.data.browser.length === 1, 'never signed out');
    const expected = 'Signed out of Ada Lovelace. You are still signed in as Alan Turing.';
    await waitUntil(() => heard().includes(expected), `heard ${JSON.stringify(heard())}`);
    expect(heard()).to.not.include('You are signed out.');
  });

  it('the account switcher says the same when one of two accounts signs out', async () => {
    const { element, backend } = await mountIn<AccountSwitcher>(
      'account-switcher',
      html`<account-switcher></account-switcher>`,
    );
    await open(element);
    part(element, 'sign-out-item')!.click();
    await waitUntil(() => backend.data.browser.length === 1, 'never signed out');
    const expected = 'Signed out of Ada Lovelace. You are still signed in as Alan Turing.';
    await waitUntil(() => heard().includes(expected), `heard ${JSON.stringify(heard())}`);
  });

  it('the same result twice in a row is announced twice', async () => {
    class Host extends LitElement {
      actions = new KeyedActionController(this, { report: () => false, announce });
    }
    customElements.define('announcing-host', Host);
    const host = document.createElement('announcing-host') as Host;
    document.body.append(host);
    try {
      await host.actions.run('a', 'sign-out', async () => 'Done.');
      await new Promise((resolve) => setTimeout(resolve, 150));
      const count = countAnnouncements('Done.');
      await host.actions.run('a', 'sign-out', async () => 'Done.');
      await host.actions.run('a', 'sign-out', async () => 'Done.');
      expect(count()).to.equal(2);
    } finally {
      host.remove();
    }
  });

  it('announces page and filter changes of <active-sessions>, an empty result too', async () => {
    const seed = demoSeed();
    // Nothing expired is left: that filter comes back empty.
    seed.signins = seed.signins.filter((s) => s.id !== 'si_ada_linux');
    const { element } = await mountSessions({
      backend: new MemoryBackend({ seed }),
      template: (c) => html`<active-sessions .controller=${c} page-size="3"></active-sessions>`,
    });
    const said = (message: string) =>
      waitUntil(() => heard().includes(message), `heard ${JSON.stringify(heard())}`);
    part(element, 'next-button')!.click();
    await said('4–6 of 7');
    element.status = 'expired';
    await said('You’re not signed in on any devices that match.');
  });
});
