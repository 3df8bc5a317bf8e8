import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../../src/controllers/localize.js';
import {
  languageOf,
  loadLocale,
  registerTranslation,
  resolveStrings,
} from '../../src/internal/localize.js';
import { signOutButtonStrings } from '../../src/elements/sign-out-button/sign-out-button.strings.js';
import { waitUntil } from '../helpers/wait-until.js';

/** A bare host: renders one string of the sign-out button's table in its language. */
class LocalizedProbe extends LitElement {
  overrides?: { signOut?: string };
  readonly localize = new LocalizeController(this, {
    translations: signOutButtonStrings,
    overrides: () => this.overrides,
  });
  override render() {
    return html`<span>${this.localize.strings.signOut}</span><i>${this.localize.dir}</i>`;
  }
}
customElements.define('localized-probe', LocalizedProbe);

const shown = (probe: LocalizedProbe) => probe.shadowRoot!.querySelector('span')!.textContent;

// The first test must see German arrive lazily: nothing above loads it.
describe('LocalizeController', () => {
  it('shows English, loads German on first use and re-renders when it arrives', async () => {
    const wrapper = await fixture(html`<div lang="de"><localized-probe></localized-probe></div>`);
    const probe = wrapper.querySelector('localized-probe') as LocalizedProbe;
    expect(shown(probe)).to.equal('Sign out');
    await waitUntil(() => shown(probe) === 'Abmelden', 'German never arrived');
  });

  it('applies the host overrides over the translation', async () => {
    const wrapper = await fixture(html`<div lang="de"><localized-probe></localized-probe></div>`);
    const probe = wrapper.querySelector('localized-probe') as LocalizedProbe;
    probe.overrides = { signOut: 'Tschüss' };
    probe.requestUpdate();
    await probe.updateComplete;
    expect(shown(probe)).to.equal('Tschüss');
  });

  it('stops listening once disconnected', async () => {
    const probe = await fixture<LocalizedProbe>(
      html`<localized-probe lang="en"></localized-probe>`,
    );
    probe.remove();
    let updates = 0;
    const original = probe.requestUpdate.bind(probe);
    probe.requestUpdate = (...args) => {
      updates++;
      original(...args);
    };
    registerTranslation('xx', {});
    expect(updates).to.equal(0);
  });
});

describe('resolveStrings', () => {
  before(() => loadLocale('de'));

  it('takes the region table, then the language, then English, then overrides', () => {
    registerTranslation('de-AT', { 'sign-out-button': { signOut: 'Abmelden (AT)' } });
    const at = resolveStrings(signOutButtonStrings, 'de-AT');
    expect(at.signOut).to.equal('Abmelden (AT)');
    expect(at.signOutEverywhere).to.equal('Überall abmelden');
    expect(resolveStrings(signOutButtonStrings, 'DE').signOut).to.equal('Abmelden');
    expect(resolveStrings(signOutButtonStrings, 'it').signOut).to.equal('Sign out');
    expect(resolveStrings(signOutButtonStrings, 'de', { signOut: 'x' }).signOut).to.equal('x');
  });

  it('keeps a table without an id English', () => {
    expect(resolveStrings({ en: { a: 'A' } }, 'de')).to.deep.equal({ a: 'A' });
  });

  it('reads the nearest lang, across shadow roots', async () => {
    const host = await fixture(html`<div lang="pt-BR"><p></p></div>`);
    const inner = host.querySelector('p')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<b></b>';
    expect(languageOf(inner.querySelector('b')!)).to.equal('pt-BR');
  });
});

describe('LocalizeController: lang and dir live', () => {
  it('re-renders when an ancestor’s dir changes', async () => {
    const wrapper = await fixture(html`<div dir="ltr"><localized-probe></localized-probe></div>`);
    const probe = wrapper.querySelector('localized-probe') as LocalizedProbe;
    const direction = () => probe.shadowRoot!.querySelector('i')!.textContent;
    expect(direction()).to.equal('ltr');
    wrapper.setAttribute('dir', 'rtl');
    await waitUntil(() => direction() === 'rtl', 'dir="rtl" ignored');
  });

  it('follows lang inside another shadow root', async () => {
    const outer = await fixture(html`<div lang="en"></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = '<section lang="en"><localized-probe></localized-probe></section>';
    const probe = root.querySelector('localized-probe') as LocalizedProbe;
    await probe.updateComplete;
    await loadLocale('de');
    root.querySelector('section')!.setAttribute('lang', 'de');
    await waitUntil(() => shown(probe) === 'Abmelden', 'lang inside a shadow root ignored');
  });

  it('shares one observer: many elements do not each observe the page', async () => {
    const observe = MutationObserver.prototype.observe;
    let calls = 0;
    MutationObserver.prototype.observe = function (this: MutationObserver, ...args) {
      calls++;
      return observe.apply(this, args);
    };
    try {
      await fixture(
        html`<div lang="en">
          ${[1, 2, 3, 4, 5, 6].map(() => html`<localized-probe></localized-probe>`)}
        </div>`,
      );
    } finally {
      MutationObserver.prototype.observe = observe;
    }
    expect(calls).to.be.at.most(1);
  });
});
