/**
 * Registers `<sign-out-button>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/sign-out-button.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { SignOutButton } from '../elements/sign-out-button/sign-out-button.js';

if (!customElements.get('sign-out-button')) customElements.define('sign-out-button', SignOutButton);

export { SignOutButton };
