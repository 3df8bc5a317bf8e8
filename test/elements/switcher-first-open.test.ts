import { expect, html } from '@open-wc/testing';
import '../../src/define/account-switcher.js';
import '../../src/define/session-provider.js';
import type { AccountSwitcher } from '../../src/elements/account-switcher/account-switcher.js';
import { focused, items, mountInProvider, open } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

/**
 * A closed switcher renders only its trigger; its items and actions
 * (switcher-menu.ts, account-menu.ts) arrive with `import()` once the
 * trigger shows. This file never loads them itself: the click below comes
 * right after the trigger appeared, before they can have arrived.
 */
describe('switchers: the first open on a page', () => {
  it('opens on the first item when clicked before the menu’s code has loaded', async () => {
    const { element } = await mountInProvider<AccountSwitcher>(
      'account-switcher',
      html`<account-switcher></account-switcher>`,
    );
    await open(element);
    expect(items(element).length).to.be.greaterThan(0);
    await waitUntil(() => focused(element) === items(element)[0], 'focus is not on the first item');
  });
});
