import { expect, html, waitUntil } from '@open-wc/testing';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { loadLocale } from '../../src/internal/localize.js';
import { mount, rowTitled, text } from './active-sessions.helpers.js';

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
        html`<div lang="de"><active-sessions .controller=${c} page-size="10"></active-sessions></div>`,
    });
    const berlin = element.shadowRoot!.querySelector('[part~="location"][title^="Berlin"]');
    expect(text(berlin)).to.equal('Berlin, Deutschland');
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
