import { expect, html } from '@open-wc/testing';
import '../../src/define/account-switcher.js';
import '../../src/define/session-provider.js';
import type { AccountSwitcher } from '../../src/elements/account-switcher/account-switcher.js';
import { mountInProvider, part, ready, trigger } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

/**
 * The switchers' menu code (switcher-menu.ts) cannot be loaded here: this file
 * has the page to itself, since the browser remembers a failed module for the
 * page's lifetime.
 */
describe('switchers: the menu’s code cannot be loaded', () => {
  after(() => fetch('/__test/fail-next?path='));

  it('says so in the switcher when opened, instead of never opening silently', async () => {
    await fetch('/__test/fail-next?path=/switcher-menu.');
    const { element } = await mountInProvider<AccountSwitcher>(
      'account-switcher',
      html`<account-switcher></account-switcher>`,
    );
    await ready(element);
    expect(part(element, 'error'), 'an error before anyone opened the menu').to.equal(null);
    trigger(element).click();
    await waitUntil(() => part(element, 'error'), 'no error after the menu failed to load');
    expect(trigger(element).getAttribute('aria-expanded')).to.equal('false');
    // Opening again tries again (Chromium keeps the failure; elsewhere the menu opens).
    trigger(element).click();
    await waitUntil(
      () => trigger(element).getAttribute('aria-expanded') === 'true' || part(element, 'error'),
      'the second open never settled',
    );
  });
});
