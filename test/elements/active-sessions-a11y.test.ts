import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AxeResults, RunOptions } from 'axe-core';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import type { SignIn } from '../../src/core/types.js';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import {
  mount,
  part,
  parts,
  placeText,
  rowTitled,
  rows,
  shadow,
  statusText,
  text,
} from './active-sessions.helpers.js';
import { loadLocale } from '../../src/internal/localize.js';
import { deviceIconPath } from '../../src/internal/templates/icons.js';
import { waitUntil } from '../helpers/wait-until.js';

type Axe = { run(context: Element, options: RunOptions): Promise<AxeResults> };

/** axe-core is UMD; loading it as a script module leaves it on window without the CommonJS plugin. */
async function axe(): Promise<Axe> {
  const url = '/node_modules/axe-core/axe.min.js';
  if (!('axe' in window)) await import(/* @vite-ignore */ url);
  return (window as unknown as { axe: Axe }).axe;
}

async function violations(element: Element): Promise<string[]> {
  const result = await (
    await axe()
  ).run(element, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** The focused element, looking into shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

function hostileSeed() {
  const seed = demoSeed();
  const ada = seed.users[0];
  const huge = 'A'.repeat(10_000);
  const add = (signIn: SignIn) => seed.signins.push({ user_id: ada.id, user: ada, ...signIn });
  add({
    id: 'si_markup',
    userAgent: `<img src=x onerror="window.__pwned=1">${huge}`,
    city: '<script>window.__pwned=1</script>',
    country: `<b>Bold</b>${huge}`,
    ipAddress: '<svg onload=alert(1)>',
    lastActiveAt: new Date(Date.now() - 120_000).toISOString(),
    user: { ...ada, first_name: '<img src=x onerror=alert(1)>' },
  });
  add({ id: 'si_bare' });
  add({
    id: 'si_broken_dates',
    createdAt: 'yesterday-ish',
    lastActiveAt: 'not a date',
    expiresAt: '',
    countryCode: 'ZZZ',
    browser: `${huge}Browser`,
  });
  return seed;
}

describe('<active-sessions>: accessibility', () => {
  it('has no axe violations in light and dark, with the dialog open too', async () => {
    const { element } = await mount({
      template: (c) =>
        html`<div style="background:#fff">
          <active-sessions .controller=${c} page-size="4"></active-sessions>
        </div>`,
    });
    expect(await violations(element)).to.deep.equal([]);

    element.style.setProperty('--session-color-scheme', 'dark');
    element.parentElement!.style.background = '#16191d';
    await element.updateComplete;
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    expect(await violations(element)).to.deep.equal([]);

    const button = rows(element)[1].querySelector<HTMLElement>('[part~="revoke-button"]')!;
    button.focus();
    button.click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
    expect(await violations(element)).to.deep.equal([]);
    part(element, 'dialog-cancel')!.click();
  });

  it('is a real list whose every button has a name', async () => {
    const { element } = await mount();
    const list = part(element, 'list')!;
    expect(list.localName).to.equal('ul');
    expect(list.getAttribute('aria-label')).to.equal('Devices where you’re signed in');
    expect([...list.children].every((child) => child.localName === 'li')).to.equal(true);
    const names = [...shadow(element).querySelectorAll('button')].map(
      (b) => b.getAttribute('aria-label') ?? text(b),
    );
    expect(names.every((name) => name.length > 0)).to.equal(true);
    expect(names).to.include('Sign out of Firefox 144 on Windows, Berlin, active yesterday');
    expect(names).to.include('Sign out of all other devices');
    const announcer = document.getElementById('session-elements-announcer');
    expect(announcer?.querySelectorAll('[role="status"][aria-live="polite"]').length).to.equal(2);
  });

  it('works from the keyboard alone: tab to a row, confirm, escape, revoke', async () => {
    const { element, backend } = await mount();
    const select = part(element, 'filter')!;
    select.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('revoke-others-button');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('sign-out-button');
    await sendKeys({ press: 'Tab' });
    const first = focused() as HTMLElement;
    expect(first.getAttribute('part')).to.equal('revoke-button');
    const label = first.getAttribute('aria-label')!;

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'Enter opened no dialog');
    expect(focused()?.getAttribute('part')).to.equal('dialog-cancel');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !part(element, 'dialog'), 'Escape did not close the dialog');
    expect(focused()).to.equal(first);
    expect(backend.calls.removeSignIn ?? 0).to.equal(0);

    await sendKeys({ press: 'Space' });
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'Space opened no dialog');
    await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('dialog-confirm');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(element).length === 7, 'the keyboard revoke never finished');
    expect(backend.calls.removeSignIn).to.equal(1);
    expect(label).to.match(/^Sign out of Safari 18 on iOS 18, Porto, active/);
    expect(statusText(element)).to.equal('Signed out of Safari 18 on iOS 18.');
  });
});

describe('<active-sessions>: localisation', () => {
  it('speaks German inside lang="de", dates and relative times included', async () => {
    // German is a lazy module; loaded first so the text is there on the first render.
    await loadLocale('de');
    const { element } = await mount({
      template: (c) =>
        html`<div lang="de">
          <active-sessions .controller=${c} page-size="3" flags="emoji"></active-sessions>
        </div>`,
    });
    const [mac, iphone] = rows(element);
    expect(text(mac.querySelector('[part~="badge-current"]'))).to.equal('Dieses Gerät');
    expect(text(mac.querySelector('[part~="title"]'))).to.equal('Chrome 141 unter macOS');
    expect(text(mac.querySelector('[part~="last-active"]'))).to.equal('Gerade aktiv');
    expect(text(iphone.querySelector('[part~="last-active"]'))).to.equal(
      'Zuletzt aktiv vor 3 Minuten',
    );
    expect(text(iphone.querySelector('[part~="signed-in-at"]'))).to.match(
      /^Angemeldet seit \d{2}\.\d{2}\.\d{4}$/,
    );
    expect(placeText(mac.querySelector('[part~="location"]'))).to.equal('🇵🇹 Lisbon, Portugal');
    expect(iphone.querySelector('[part~="revoke-button"]')!.getAttribute('aria-label')).to.equal(
      'Von Safari 18 unter iOS 18 abmelden, Porto, aktiv vor 3 Minuten',
    );
    expect(text(part(element, 'revoke-others-button'))).to.equal(
      'Von allen anderen Geräten abmelden',
    );
    expect(text(part(element, 'summary'))).to.equal('1–3 von 8');
    expect(text(part(element, 'next-button'))).to.equal('Nächste Seite');
    expect(
      [...(part(element, 'filter') as HTMLSelectElement).options].map((o) => o.text.trim()),
    ).to.deep.equal(['Alle Geräte', 'Online', 'Offline', 'Abgelaufen']);
  });

  it('names a country from its code in the page language when the backend gives none', async () => {
    const seed = demoSeed();
    const iphone = seed.signins.find((s) => s.id === 'si_ada_iphone')!;
    delete iphone.country;
    iphone.countryCode = 'DE';
    const { element } = await mount({
      backend: new MemoryBackend({ seed }),
      template: (c) =>
        html`<div lang="de">
          <active-sessions .controller=${c} flags="emoji"></active-sessions>
        </div>`,
    });
    expect(placeText(rows(element)[1].querySelector('[part~="location"]'))).to.equal(
      '🇩🇪 Porto, Deutschland',
    );
  });

  it('takes per-element string overrides', async () => {
    const { element } = await mount();
    element.strings = {
      thisDevice: 'You are here',
      revokeLabelWith: (d: string, details: string) => `End ${d} (${details})`,
    };
    await element.updateComplete;
    expect(text(part(element, 'badge-current'))).to.equal('You are here');
    expect(
      rowTitled(element, 'Firefox 144 on Windows')!
        .querySelector('[part~="revoke-button"]')!
        .getAttribute('aria-label'),
    ).to.equal('End Firefox 144 on Windows (Berlin, active yesterday)');
  });
});

describe('<active-sessions>: hostile and missing data', () => {
  let element: ActiveSessions;

  beforeEach(async () => {
    ({ element } = await mount({
      backend: new MemoryBackend({ seed: hostileSeed() }),
      template: (c) => html`<active-sessions .controller=${c} page-size="20"></active-sessions>`,
    }));
  });

  it('renders markup as inert text', () => {
    const root = shadow(element);
    expect(root.querySelectorAll('img, script, b, [onerror], [onload]')).to.have.length(0);
    expect(root.querySelectorAll('svg')).to.have.length(rows(element).length);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(text(root as unknown as Element)).to.contain('<script>window.__pwned=1</script>');
  });

  it('cuts 10 KB strings down and wraps what is left inside the row', () => {
    const row = rows(element).find((r) => text(r).includes('<script>'))!;
    const location = row.querySelector<HTMLElement>('[part~="location"]')!;
    expect(text(location).length).to.be.lessThan(150);
    expect(text(location).endsWith('…')).to.equal(true);
    expect(getComputedStyle(location).textOverflow).not.to.equal('ellipsis');
    expect(location.scrollWidth).to.be.at.most(location.clientWidth + 0.5);
    for (const title of parts(element, 'title')) {
      expect(text(title).length).to.be.lessThan(130);
    }
    expect(text(row).length).to.be.lessThan(600);
    expect(row.getBoundingClientRect().width).to.be.at.most(
      element.getBoundingClientRect().width + 1,
    );
  });

  it('renders missing and broken fields without "undefined", "NaN" or "Invalid Date"', () => {
    const content = text(shadow(element) as unknown as Element);
    for (const bad of ['undefined', 'NaN', 'Invalid Date', 'null']) {
      expect(content).not.to.contain(bad);
    }
    // Only an id, or only broken dates and codes: a title, an icon, and no details at all.
    const details = (r: HTMLElement) =>
      [...r.querySelector('[part~="meta"]')!.children].filter((c) => !(c as HTMLElement).hidden);
    const bare = rows(element).filter((r) => !details(r).length);
    const titles = bare.map((r) => text(r.querySelector('[part~="title"]'))).sort();
    expect(titles).to.have.length(2);
    expect(titles[0]).to.match(/^A{50,}…$/);
    expect(titles[1]).to.equal('Unknown device');
    const unknown = bare.find((r) => text(r).startsWith('Unknown device'))!;
    const icon = unknown.querySelector('[part~="device-icon"]')!;
    expect(icon.querySelector('path')!.getAttribute('d')).to.equal(deviceIconPath('unknown'));
  });

  it('fits a 320px wide screen', async () => {
    element.style.width = '320px';
    await element.updateComplete;
    const base = part(element, 'base')!;
    expect(base.scrollWidth).to.be.at.most(320);
    for (const row of rows(element)) {
      expect(row.getBoundingClientRect().right).to.be.at.most(
        element.getBoundingClientRect().right + 0.5,
      );
    }
  });

  it('lays out right to left with logical properties', async () => {
    element.setAttribute('dir', 'rtl');
    element.style.width = '600px';
    await element.updateComplete;
    const row = rows(element)[0];
    const icon = row.querySelector('[part~="device-icon"]')!.getBoundingClientRect();
    const button = row.querySelector('button')!.getBoundingClientRect();
    expect(icon.left).to.be.greaterThan(button.left);
  });
});
