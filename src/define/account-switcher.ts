/**
 * Registers `<account-switcher>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/account-switcher.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { AccountSwitcher } from '../elements/account-switcher/account-switcher.js';

if (!customElements.get('account-switcher'))
  customElements.define('account-switcher', AccountSwitcher);

export { AccountSwitcher };
