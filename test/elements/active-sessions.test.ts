import { expect, html, oneEvent } from '@open-wc/testing';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import type { ReauthRequiredEvent, SessionErrorEvent } from '../../src/events.js';
import {
  controllerFor,
  mount,
  part,
  parts,
  placeText,
  rows,
  rowTitled,
  settled,
  shadow,
  text,
} from './active-sessions.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

describe('<active-sessions>: what it shows', () => {
  it('lists every sign-in of the user, this device first with its badge and no revoke button', async () => {
    const { element } = await mount();
    const all = rows(element);
    expect(all.length).to.equal(8);
    expect(all[0].getAttribute('part')).to.equal('item item-current');
    expect(text(all[0].querySelector('[part~="badge-current"]'))).to.equal('This device');
    expect(all[0].querySelector('[part~="revoke-button"]')).to.equal(null);
    expect(all[0].querySelector('[part~="sign-out-button"]')!.getAttribute('aria-label')).to.equal(
      'Sign out of this device',
    );
    expect(parts(element, 'item-current').length).to.equal(1);
    expect(shadow(element).querySelector('ul[part="list"] > li')).to.equal(all[0]);
    expect(text(part(element, 'summary'))).to.equal('1–8 of 8');
  });

  it('shows device, location with flag, IP, last active and first sign-in', async () => {
    const { element } = await mount({
      template: (c) => html`<active-sessions .controller=${c} flags="emoji"></active-sessions>`,
    });
    const [mac] = rows(element);
    expect(text(mac.querySelector('[part~="title"]'))).to.equal('Chrome 141 on macOS');
    expect(mac.querySelector('svg[part~="device-icon"] > path')).not.to.equal(null);
    expect(placeText(mac.querySelector('[part~="location"]'))).to.equal('🇵🇹 Lisbon, Portugal');
    expect(text(mac.querySelector('[part~="ip"]'))).to.equal('IP address 85.240.12.34');
    expect(text(mac.querySelector('[part~="last-active"]'))).to.equal('Active now');
    const iphone = rowTitled(element, 'Safari 18 on iOS 18')!;
    expect(text(iphone.querySelector('[part~="last-active"]'))).to.equal(
      'Last active 3 minutes ago',
    );
    const time = iphone.querySelector('time[part~="last-active"]')!;
    expect(Date.parse(time.getAttribute('datetime')!)).to.be.closeTo(Date.now() - 3 * 60_000, 5000);
    expect(time.getAttribute('title')).to.match(/\d{4}/);
    expect(text(iphone.querySelector('[part~="signed-in-at"]'))).to.match(
      /^Signed in \w{3} \d+, \d{4}$/,
    );
  });

  it('badges impersonated and expired sign-ins and shows an expiry only when it is near', async () => {
    const seed = demoSeed();
    const soon = seed.signins.find((s) => s.id === 'si_ada_iphone')!;
    soon.expiresAt = new Date(Date.now() + 2 * 86_400_000 + 60_000).toISOString();
    const { element } = await mount({ backend: new MemoryBackend({ seed }) });
    const edge = rowTitled(element, 'Edge 141 on Windows')!;
    expect(text(edge.querySelector('[part~="badge-admin"]'))).to.equal('Admin access');
    const linux = rowTitled(element, 'Firefox 144 on Linux')!;
    expect(text(linux.querySelector('[part~="badge-expired"]'))).to.equal('Expired');
    expect(linux.querySelector('[part~="expires"]')).to.equal(null);
    const iphone = rowTitled(element, 'Safari 18 on iOS 18')!;
    expect(text(iphone.querySelector('[part~="expires"]'))).to.equal('Expires in 2 days');
    expect(parts(element, 'expires').length).to.equal(1);
  });

  it('hide-ip, hide-location and mask-ip', async () => {
    const hidden = await mount({
      template: (c) =>
        html`<active-sessions .controller=${c} hide-ip hide-location></active-sessions>`,
    });
    expect(rows(hidden.element).length).to.equal(8);
    expect(parts(hidden.element, 'ip')).to.have.length(0);
    expect(parts(hidden.element, 'location')).to.have.length(0);
    expect(text(shadow(hidden.element).querySelector('.list'))).not.to.contain('🇵🇹');

    const masked = await mount({
      template: (c) => html`<active-sessions .controller=${c} mask-ip></active-sessions>`,
    });
    const ips = parts(masked.element, 'ip').map(text);
    expect(ips[0]).to.equal('IP address 85.240.12.0/24');
    expect(ips[1]).to.equal('IP address 2001:818:e2a1::/48');
    expect(text(shadow(masked.element).querySelector('.list'))).not.to.contain('85.240.12.34');
  });

  it('shows a loading skeleton, busy, until the list arrives', async () => {
    const { element } = await mount({ backendOptions: { latency: 150 }, settle: false });
    expect(part(element, 'skeleton')).not.to.equal(null);
    expect(shadow(element).querySelector('.base')!.getAttribute('aria-busy')).to.equal('true');
    expect(rows(element)).to.have.length(0);
    await settled(element);
    expect(part(element, 'skeleton')).to.equal(null);
    expect(rows(element)).to.have.length(8);
  });

  it('shows the empty state when nothing matches', async () => {
    const seed = demoSeed();
    seed.signins = seed.signins.filter((s) => s.id !== 'si_ada_linux');
    const { element } = await mount({
      backend: new MemoryBackend({ seed }),
      template: (c) => html`<active-sessions .controller=${c} status="expired"></active-sessions>`,
    });
    expect(text(part(element, 'empty'))).to.equal(
      'You’re not signed in on any devices that match.',
    );
    expect(part(element, 'list')).to.equal(null);
  });

  it('renders nothing user-specific when signed out', async () => {
    const { element, controller } = await mount();
    await controller.signOut({ all: true });
    await waitUntil(() => rows(element).length === 0, 'rows stayed after sign-out');
    expect(text(shadow(element) as unknown as Element)).to.equal('');
  });
});

describe('<active-sessions>: pagination and filter', () => {
  it('pages with previous/next and a range summary', async () => {
    const { element, backend } = await mount({
      template: (c) => html`<active-sessions .controller=${c} page-size="3"></active-sessions>`,
    });
    expect(rows(element)).to.have.length(3);
    expect(text(part(element, 'summary'))).to.equal('1–3 of 8');
    const previous = part(element, 'previous-button')!;
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    previous.click();
    part(element, 'next-button')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '4–6 of 8', 'page 2 never came');
    expect(rows(element)[0].getAttribute('part')).to.equal('item');
    part(element, 'next-button')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '7–8 of 8', 'page 3 never came');
    expect(rows(element)).to.have.length(2);
    expect(part(element, 'next-button')!.getAttribute('aria-disabled')).to.equal('true');
    const calls = backend.calls.listSignIns;
    part(element, 'next-button')!.click();
    await element.updateComplete;
    expect(backend.calls.listSignIns).to.equal(calls);
    part(element, 'previous-button')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '4–6 of 8', 'back never came');
  });

  it('filters by status when the backend supports it', async () => {
    const { element } = await mount();
    const select = part(element, 'filter') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal([
      'all',
      'online',
      'offline',
      'expired',
    ]);
    select.value = 'expired';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(element).length === 1, 'the filter never applied');
    expect(text(rows(element)[0].querySelector('[part~="title"]'))).to.equal(
      'Firefox 144 on Linux',
    );
    expect(element.getAttribute('status')).to.equal('expired');
    element.status = 'online';
    await waitUntil(() => rows(element).length === 2, 'online never applied');
  });

  it('has no filter and ignores `status` without the capability', async () => {
    const { element } = await mount({
      backendOptions: { capabilities: { statusFilter: false } },
      template: (c) => html`<active-sessions .controller=${c} status="expired"></active-sessions>`,
    });
    expect(part(element, 'filter')).to.equal(null);
    expect(rows(element)).to.have.length(8);
  });

  it('resets to the first page when the filter changes', async () => {
    const { element } = await mount({
      template: (c) => html`<active-sessions .controller=${c} page-size="3"></active-sessions>`,
    });
    part(element, 'next-button')!.click();
    await waitUntil(() => text(part(element, 'summary')) === '4–6 of 8', 'page 2 never came');
    element.status = 'offline';
    await waitUntil(() => text(part(element, 'summary')).startsWith('1–'), 'stayed on page 2');
  });
});

describe('<active-sessions>: loading failures', () => {
  it('shows an error with retry and fires session-error', async () => {
    const backend = new MemoryBackend().failNext('timeout', { method: 'listSignIns' });
    const errors: SessionErrorEvent[] = [];
    const { element } = await mount({
      backend,
      template: (c) =>
        html`<active-sessions
          .controller=${c}
          @session-error=${(e: SessionErrorEvent) => errors.push(e)}
        ></active-sessions>`,
    });
    expect(text(part(element, 'error'))).to.contain('Couldn’t load your devices.');
    expect(text(part(element, 'error'))).to.contain('The server took too long to answer.');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.action).to.equal('list-signins');
    expect(errors[0].detail.error.code).to.equal('timeout');
    part(element, 'retry-button')!.click();
    await waitUntil(() => rows(element).length === 8, 'retry never loaded the list');
    expect(part(element, 'error')).to.equal(null);
  });

  it('renders a malformed payload as an error, not a crash', async () => {
    const backend = new MemoryBackend().malformNext('listSignIns');
    const { element } = await mount({ backend });
    expect(text(part(element, 'error'))).to.contain('The server sent something unexpected.');
  });

  it('rejects a page a custom controller got wrong', async () => {
    const backend = new MemoryBackend();
    const controller = controllerFor(backend);
    controller.listSignIns = async () => ({ items: [{ nope: 1 }], total: 'x' }) as never;
    const { element } = await mount({ backend, controller });
    expect(text(part(element, 'error'))).to.contain('The server sent something unexpected.');
    expect(rows(element)).to.have.length(0);
  });

  it('shows the session error state with a retry when the session cannot load', async () => {
    const backend = new MemoryBackend().failNext('forbidden', { method: 'getSession' });
    const { element } = await mount({ backend });
    expect(text(part(element, 'error'))).to.contain('You are not allowed to do that.');
    part(element, 'retry-button')!.click();
    await waitUntil(() => rows(element).length === 8, 'never recovered');
  });

  it('keeps the last good list with a stale hint while the session is stale', async () => {
    const { element, backend, controller } = await mount();
    backend.failNext('network', { method: 'getSession' });
    await controller.refetch();
    await waitUntil(() => part(element, 'stale'), 'no stale hint');
    expect(text(part(element, 'stale'))).to.equal(
      'Couldn’t refresh. This list may be out of date.',
    );
    expect(rows(element)).to.have.length(8);
    await controller.refetch();
    await waitUntil(() => !part(element, 'stale'), 'the hint stayed after recovery');
  });

  it('keeps the last good list with an error banner when a refetch fails', async () => {
    const { element, backend, controller } = await mount();
    backend.failNext('timeout', { method: 'listSignIns' });
    await controller.switchOrganization(null);
    await waitUntil(() => part(element, 'error'), 'no error banner');
    expect(rows(element)).to.have.length(8);
    part(element, 'retry-button')!.click();
    await waitUntil(() => !part(element, 'error'), 'the banner stayed');
  });

  it('asks the user to confirm it is them when the server wants re-authentication', async () => {
    const backend = new MemoryBackend().failNext('reauth-required', {
      method: 'listSignIns',
      status: 403,
    });
    const controller = controllerFor(backend);
    const element = document.createElement('active-sessions');
    element.setAttribute('reauth-url', '/confirm?next=%2Fdevices');
    element.controller = controller;
    const event = oneEvent(element, 'reauth-required') as Promise<ReauthRequiredEvent>;
    document.body.append(element);
    try {
      const { detail } = await event;
      expect(detail.action).to.equal('list-signins');
      await settled(element);
      const panel = part(element, 'reauth')!;
      expect(text(panel)).to.contain('Confirm it’s you');
      expect(part(element, 'reauth-link')!.getAttribute('href')).to.equal(
        '/confirm?next=%2Fdevices',
      );
      expect(panel.querySelector('slot[name="reauth"]')).not.to.equal(null);
      expect(rows(element)).to.have.length(0);
      detail.retry();
      await waitUntil(() => rows(element).length === 8, 'retry never loaded');
      expect(part(element, 'reauth')).to.equal(null);
    } finally {
      element.remove();
    }
  });

  it('leaves re-authentication to the page when it cancels reauth-required', async () => {
    const backend = new MemoryBackend().failNext('reauth-required', { method: 'listSignIns' });
    const { element } = await mount({
      backend,
      template: (c) =>
        html`<active-sessions
          .controller=${c}
          reauth-url="javascript:alert(1)"
          @reauth-required=${(e: Event) => e.preventDefault()}
        ></active-sessions>`,
    });
    expect(part(element, 'reauth')).to.equal(null);
    expect(text(part(element, 'error'))).to.contain('Please confirm it’s you');
  });

  it('never links to a javascript: reauth-url', async () => {
    const backend = new MemoryBackend().failNext('reauth-required', { method: 'listSignIns' });
    const { element } = await mount({
      backend,
      template: (c) =>
        html`<active-sessions .controller=${c} reauth-url="javascript:alert(1)"></active-sessions>`,
    });
    expect(part(element, 'reauth')).not.to.equal(null);
    expect(part(element, 'reauth-link')).to.equal(null);
  });
});

describe('<active-sessions>: following the session', () => {
  it('refetches exactly once per mutation made elsewhere (another element or tab)', async () => {
    const { element, backend, controller } = await mount();
    const before = backend.calls.listSignIns;
    const result = await controller.removeSignIn('si_ada_windows');
    expect(result.ok).to.equal(true);
    await waitUntil(() => rows(element).length === 7, 'the list did not follow the revision');
    expect(backend.calls.listSignIns).to.equal(before + 1);
    expect(rowTitled(element, 'Firefox 144 on Windows')).to.equal(undefined);
  });

  it('refresh() shows a sign-in made outside the kit, without touching the session', async () => {
    const { element, backend } = await mount();
    const sessionCalls = backend.calls.getSession;
    backend.addSignIn({
      id: 'si_ada_new_desktop',
      user_id: 'user_ada',
      userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:99.0) Gecko/20100101 Firefox/99.0',
      lastActiveAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    });
    expect(rows(element).length).to.equal(8);
    element.refresh();
    await waitUntil(() => rows(element).length === 9, 'the new sign-in did not appear');
    expect(rowTitled(element, 'Firefox 99 on Ubuntu')).to.not.equal(undefined);
    expect(backend.calls.getSession).to.equal(sessionCalls);
  });
});
