/**
 * Registers `<organization-switcher>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/organization-switcher.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { OrganizationSwitcher } from '../elements/organization-switcher/organization-switcher.js';

if (!customElements.get('organization-switcher'))
  customElements.define('organization-switcher', OrganizationSwitcher);

export { OrganizationSwitcher };
