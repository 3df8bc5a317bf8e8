import { expect, fixture, html } from '@open-wc/testing';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { MemoryBackend } from '../../src/backends/memory.js';
import { loadLocale, registerTranslation } from '../../src/internal/localize.js';
import { mount, part, rowTitled, text } from './active-sessions.helpers.js';
import { mount as mountSwitcher, open } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

const rowPart = (element: ActiveSessions, title: string, name: string) =>
  text(rowTitled(element, title)?.querySelector(`[part~="${name}"]`));

/** Mounts `<active-sessions>` inside `<div lang dir>` and returns both. */
async function mountIn(lang: string, dir = 'ltr') {
  const { element } = await mount({
    template: (c) =>
      html`<div lang=${lang} dir=${dir}>
        <active-sessions .controller=${c} page-size="3"></active-sessions>
      </div>`,
  });
  return { element, wrapper: element.parentElement as HTMLElement };
}

describe('localisation: one resolved locale for labels and Intl', () => {
  it('formats dates in English when the page language does not ship (labels are English too)', async () => {
    const { element } = await mountIn('it');
    expect(rowPart(element, 'Safari 18 on iOS 18', 'last-active')).to.equal(
      'Last active 3 minutes ago',
    );
    expect(rowPart(element, 'Safari 18 on iOS 18', 'signed-in-at')).to.match(
      /^Signed in [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    );
  });

  it('keeps an unshipped right-to-left language whole English, in order', async () => {
    const { element } = await mountIn('fa', 'rtl');
    expect(rowPart(element, 'Safari 18 on iOS 18', 'signed-in-at')).to.match(
      /^Signed in [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
    );
  });

  it('names countries from countryCode in the resolved language', async () => {
    await loadLocale('de');
    const { element } = await mount({
      template: (c) =>
        html`<div lang="de">
          <active-sessions .controller=${c} page-size="10"></active-sessions>
        </div>`,
    });
    const berlin = element.shadowRoot!.querySelector('[part~="location"][title^="Berlin"]');
    expect(text(berlin)).to.equal('Berlin, Deutschland');
  });

  it('joins city and country with the language’s own separator', async () => {
    for (const [lang, berlin] of [
      ['ja', 'Berlin、ドイツ'],
      ['ar', 'Berlin، ألمانيا'],
    ]) {
      await loadLocale(lang!);
      const { element } = await mount({
        template: (c) =>
          html`<div lang=${lang!}>
            <active-sessions .controller=${c} page-size="10"></active-sessions>
          </div>`,
      });
      const place = element.shadowRoot!.querySelector('[part~="location"][title^="Berlin"]');
      expect(text(place), lang).to.equal(berlin);
      expect(place!.getAttribute('title'), lang).to.equal(berlin);
    }
  });
});

describe('localisation: the language screen readers are told', () => {
  /** The live region that spoke last. */
  const speaking = () =>
    [...document.getElementById('session-elements-announcer')!.children].find(
      (region) => region.textContent,
    );

  it('marks an English fallback as English, texts and announcements, and a translation as itself', async () => {
    await loadLocale('de');
    for (const [page, spoken] of [
      ['it', 'en'],
      ['de-AT', 'de'],
    ] as const) {
      const { element } = await mountIn(page);
      const base = element.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.matches(`:lang(${spoken})`), `${page}: the list`).to.equal(true);
      // A new page of rows is announced.
      part(element, 'next-button')!.click();
      await waitUntil(
        () => text(part(element, 'summary')).startsWith('4'),
        'the page never turned',
      );
      expect(speaking()!.matches(`:lang(${spoken})`), `${page}: the announcement`).to.equal(true);
      const row = element.shadowRoot!.querySelector<HTMLElement>('[part~="revoke-button"]')!;
      row.click();
      await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
      expect(part(element, 'dialog')!.matches(`:lang(${spoken})`), `${page}: the dialog`).to.equal(
        true,
      );
      part(element, 'dialog-cancel')!.click();
    }
  });
});

describe('localisation: switchers say which language they speak', () => {
  it('marks a switcher that is still loading as English on an Italian page', async () => {
    const element = await fixture<HTMLElement>(
      html`<session-provider .backend=${new MemoryBackend({ latency: 300 })} lang="it"
        ><organization-switcher></organization-switcher
      ></session-provider>`,
    );
    const switcher = element.querySelector('organization-switcher')!;
    await waitUntil(
      () => switcher.shadowRoot?.querySelector('[part~="loading"]'),
      'no placeholder',
    );
    const placeholder = switcher.shadowRoot!.querySelector('[part~="loading"]')!;
    expect(placeholder.matches(':lang(en)')).to.equal(true);
  });

  it('marks the trigger and the menu of a switcher on an Italian page as English', async () => {
    const { element } = await mountSwitcher<HTMLElement>(
      'account-switcher',
      (c) =>
        html`<session-provider .controller=${c} lang="it"
          ><account-switcher></account-switcher
        ></session-provider>`,
    );
    await open(element as HTMLElement & { updateComplete: Promise<unknown> });
    for (const name of ['trigger', 'menu']) {
      const piece = element.shadowRoot!.querySelector(`[part~="${name}"]`)!;
      expect(piece.matches(':lang(en)'), name).to.equal(true);
    }
  });
});

describe('localisation: following lang live', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('re-renders when an ancestor’s lang changes after load', async () => {
    await loadLocale('de');
    const { element, wrapper } = await mountIn('en');
    expect(rowPart(element, 'Chrome 141 on macOS', 'title')).to.equal('Chrome 141 on macOS');
    wrapper.lang = 'de';
    await waitUntil(
      () => !!rowTitled(element, 'Chrome 141 unter macOS'),
      'the element never followed lang="de"',
    );
  });

  it('re-renders when the element’s own lang or <html lang> changes', async () => {
    await loadLocale('de');
    const { element } = await mount({
      template: (c) => html`<active-sessions .controller=${c} page-size="3"></active-sessions>`,
    });
    document.documentElement.lang = 'de';
    await waitUntil(() => !!rowTitled(element, 'Chrome 141 unter macOS'), '<html lang> ignored');
    element.lang = 'en';
    await waitUntil(() => !!rowTitled(element, 'Chrome 141 on macOS'), 'own lang ignored');
  });
});

describe('localisation: registerTranslation()', () => {
  it('adds a language for every element, with its own dates', async () => {
    registerTranslation('it', {
      'active-sessions': {
        deviceTitle: '{browser} su {os}',
        lastActive: 'Ultima attività {time}',
        signedInOn: 'Accesso il {date}',
      },
    });
    const { element } = await mountIn('it');
    expect(rowPart(element, 'Safari 18 su iOS 18', 'last-active')).to.equal(
      'Ultima attività 3 minuti fa',
    );
    expect(rowPart(element, 'Safari 18 su iOS 18', 'signed-in-at')).to.match(
      /^Accesso il \d{1,2} [a-z]{3} \d{4}$/,
    );
    // Untranslated entries stay English.
    expect(rowPart(element, 'Chrome 141 su macOS', 'badge-current')).to.equal('This device');
  });

  it('overrides a shipped language even when registered before it loads', async () => {
    registerTranslation('fr', { 'active-sessions': { thisDevice: 'Ici' } });
    await loadLocale('fr');
    const { element } = await mountIn('fr-CA');
    expect(rowPart(element, 'Chrome 141 sur macOS', 'badge-current')).to.equal('Ici');
    expect(rowPart(element, 'Safari 18 sur iOS 18', 'last-active')).to.equal(
      'Dernière activité il y a 3 minutes',
    );
  });

  it('re-renders elements already on the page', async () => {
    const { element } = await mountIn('en-GB');
    registerTranslation('en-GB', { 'active-sessions': { thisDevice: 'This one' } });
    await waitUntil(() => rowPart(element, 'Chrome 141 on macOS', 'badge-current') === 'This one');
  });
});

describe('localisation: each shipped language end to end', () => {
  for (const [lang, title] of [
    ['ja', 'macOS の Chrome 141'],
    ['ar', 'Chrome 141 على macOS'],
    ['pt-PT', 'Chrome 141 no macOS'],
    ['zh-TW', 'Chrome 141 on macOS'],
  ]) {
    it(`${lang} shows "${title}"`, async () => {
      await loadLocale(lang);
      const { element } = await mountIn(lang);
      const titles = [...element.shadowRoot!.querySelectorAll('[part~="title"]')].map((t) =>
        text(t).replace(/[\u2068\u2069]/g, ''),
      );
      expect(titles).to.include(title);
    });
  }
});
