/**
 * Registers `<workspace-switcher>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/workspace-switcher.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { WorkspaceSwitcher } from '../elements/workspace-switcher/workspace-switcher.js';

if (!customElements.get('workspace-switcher'))
  customElements.define('workspace-switcher', WorkspaceSwitcher);

export { WorkspaceSwitcher };
