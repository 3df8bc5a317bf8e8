import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import type { OrganizationSwitcher } from '../../src/elements/organization-switcher/organization-switcher.js';
import type { OrganizationSwitchedEvent, SessionErrorEvent } from '../../src/events.js';
import {
  HOSTILE_NAME,
  type MountOptions,
  type PageAttributes,
  activeSignIn,
  checked,
  controllerFor,
  expectAccessibleMenu,
  focused,
  item,
  items,
  labels,
  mountInProvider,
  open,
  part,
  ready,
  signedOutBackend,
  switchTwice,
  text,
  trigger,
} from './switchers.helpers.js';
import { loadLocale } from '../../src/internal/localize.js';
import { waitUntil } from '../helpers/wait-until.js';

function mountSwitcher(
  options: MountOptions = {},
  attrs: PageAttributes & { hidePersonal?: boolean } = {},
) {
  return mountInProvider<OrganizationSwitcher>(
    'organization-switcher',
    html`<organization-switcher ?hide-personal=${attrs.hidePersonal}></organization-switcher>`,
    options,
    attrs,
  );
}

describe('<organization-switcher>', () => {
  it('lists the personal account and every membership with its role, the active one checked', async () => {
    const { element } = await mountSwitcher();
    await open(element);
    expect(labels(element)).to.deep.equal(['Personal account', 'Acme Inc.', 'Globex Research']);
    expect(checked(element)).to.deep.equal(['Acme Inc.']);
    expect(items(element).map((i) => i.getAttribute('role'))).to.deep.equal([
      'menuitemradio',
      'menuitemradio',
      'menuitemradio',
    ]);
    expect(text(item(element, 'Acme Inc.').querySelector('[part~="detail"]'))).to.equal('Admin');
    expect(text(item(element, 'Globex Research').querySelector('[part~="avatar"]'))).to.equal('GR');
    expect(text(trigger(element).querySelector('[part~="label"]'))).to.equal('Acme Inc.');
  });

  it('names the menu once: its choices are not wrapped in a group of the same name', async () => {
    const { element } = await mountSwitcher();
    await open(element);
    const menu = part(element, 'menu')!;
    const named = [...menu.querySelectorAll('[aria-label]')].map((n) =>
      n.getAttribute('aria-label'),
    );
    expect(named).not.to.include(menu.getAttribute('aria-label'));
  });

  it('hide-personal leaves the personal account out', async () => {
    const { element } = await mountSwitcher({}, { hidePersonal: true });
    await open(element);
    expect(labels(element)).to.deep.equal(['Acme Inc.', 'Globex Research']);
  });

  it('switches organization: events, pending item, new session and token', async () => {
    const { element, backend, controller, before, after } = await switchTwice(
      mountSwitcher({ backendOptions: { latency: 40 } }),
      'organization',
      'Globex Research',
    );
    expect((await before).detail.organization?.id).to.equal('org_globex');
    await element.updateComplete;
    expect(item(element, 'Globex Research').querySelector('[part~="spinner"]')).to.not.equal(null);
    expect((await after).detail.organization?.id).to.equal('org_globex');
    expect(backend.calls.switchOrganization).to.equal(1);
    expect(activeSignIn(controller).active_organization_membership_id).to.equal('mem_ada_globex');
    const token = await controller.getToken();
    expect(JSON.parse(atob(token.split('.')[1])).org).to.equal('org_globex');
    await waitUntil(() => text(trigger(element)).includes('Globex Research'));
    expect(focused(element)).to.equal(trigger(element));
  });

  it('switches to the personal account with organization null', async () => {
    const { element, controller } = await mountSwitcher();
    await open(element);
    const after = oneEvent(element, 'organization-switched') as Promise<OrganizationSwitchedEvent>;
    item(element, 'Personal account').click();
    expect((await after).detail.organization).to.equal(null);
    expect(activeSignIn(controller).active_organization_membership_id).to.equal(undefined);
    await waitUntil(() => text(trigger(element)).includes('Personal account'));
  });

  it('a cancelled organization-switch sends nothing', async () => {
    const { element, backend } = await mountSwitcher();
    element.addEventListener('organization-switch', (e) => e.preventDefault());
    await open(element);
    item(element, 'Globex Research').click();
    await element.updateComplete;
    expect(backend.calls.switchOrganization ?? 0).to.equal(0);
    expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
  });

  it('a failed switch shows a message and fires session-error', async () => {
    const { element, backend, controller } = await mountSwitcher();
    backend.failNext('forbidden', { method: 'switchOrganization', status: 403 });
    await open(element);
    const error = oneEvent(element, 'session-error') as Promise<SessionErrorEvent>;
    item(element, 'Globex Research').click();
    const event = await error;
    expect(event.detail.action).to.equal('switch-organization');
    await element.updateComplete;
    expect(text(part(element, 'error'))).to.equal('You are not allowed to do that.');
    expect(activeSignIn(controller).active_organization_membership_id).to.equal('mem_ada_acme');
  });

  it('a list that fails to load shows the error, fires session-error and retries', async () => {
    const backend = new MemoryBackend();
    backend.failNext('server', { method: 'listOrganizations' });
    const errors: SessionErrorEvent[] = [];
    const record = (e: SessionErrorEvent) => errors.push(e);
    document.addEventListener('session-error', record);
    try {
      const { element } = await mountSwitcher({ backend });
      await waitUntil(() => part(element, 'error'), 'no error shown');
      expect(text(part(element, 'error'))).to.equal(
        'Something went wrong on the server. Try again later.',
      );
      expect(errors.map((e) => e.detail.action)).to.deep.equal(['list-organizations']);
      part(element, 'retry-button')!.click();
      await open(element);
      expect(labels(element)).to.have.length(3);
    } finally {
      document.removeEventListener('session-error', record);
    }
  });

  it('follows account switches: the list reloads once per revision', async () => {
    const { element, backend, controller } = await mountSwitcher();
    await ready(element);
    const loads = backend.calls.listOrganizations;
    await controller.switchSignIn('si_alan_mac');
    await waitUntil(() => text(trigger(element)).includes('Personal account'));
    expect(backend.calls.listOrganizations).to.equal(loads + 1);
    await open(element);
    expect(labels(element)).to.deep.equal(['Personal account', 'Acme Inc.']);
    expect(text(item(element, 'Acme Inc.').querySelector('[part~="detail"]'))).to.equal('Member');
  });

  it('renders nothing without the organizations capability', async () => {
    const { element, backend } = await mountSwitcher({
      backendOptions: { capabilities: { organizations: false } },
    });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part]')).to.equal(null);
    expect(backend.calls.listOrganizations ?? 0).to.equal(0);
  });

  it('renders nothing signed out', async () => {
    const { element } = await mountSwitcher({ backend: await signedOutBackend() });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part]')).to.equal(null);
  });

  it('shows a busy placeholder while loading', async () => {
    const el = document.createElement('organization-switcher');
    el.controller = controllerFor(new MemoryBackend({ latency: 300 }));
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(part(el, 'loading')!.getAttribute('aria-busy')).to.equal('true');
    } finally {
      el.remove();
    }
  });

  it('ArrowUp opens on the last item; Escape returns to the trigger', async () => {
    const { element } = await mountSwitcher();
    await ready(element);
    trigger(element).focus();
    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(focused(element)).to.equal(item(element, 'Globex Research'));
    await sendKeys({ press: 'p' });
    expect(focused(element)).to.equal(item(element, 'Personal account'));
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(focused(element)).to.equal(trigger(element));
  });

  it('renders hostile organization names as inert, truncated text', async () => {
    const seed = demoSeed();
    seed.organizations[1].name = HOSTILE_NAME;
    const { element } = await mountSwitcher({ backend: new MemoryBackend({ seed }) });
    await open(element);
    const label = item(element, HOSTILE_NAME).querySelector<HTMLElement>('[part~="label"]')!;
    expect(element.shadowRoot!.querySelector('script, img[src="x"]')).to.equal(null);
    expect(getComputedStyle(label).textOverflow).to.equal('ellipsis');
    expect(label.scrollWidth).to.be.greaterThan(label.clientWidth);
  });

  for (const scheme of ['light', 'dark']) {
    it(`has no axe violations, closed and open (${scheme})`, async () => {
      const { element } = await mountSwitcher({}, { style: `--session-color-scheme: ${scheme}` });
      await expectAccessibleMenu(element);
    });
  }

  it('speaks German with lang="de"', async () => {
    // German is a lazy module; loaded first so the text is there on the first render.
    await loadLocale('de');
    const { element } = await mountSwitcher({}, { lang: 'de' });
    await open(element);
    expect(labels(element)[0]).to.equal('Persönliches Konto');
    expect(text(item(element, 'Globex Research').querySelector('[part~="detail"]'))).to.equal(
      'Mitglied',
    );
    expect(part(element, 'menu')!.getAttribute('aria-label')).to.equal('Organisationen');
  });
});
