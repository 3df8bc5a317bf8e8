/**
 * Registers `<signed-in>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/signed-in.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { SignedIn } from '../elements/signed-in/signed-in.js';

if (!customElements.get('signed-in')) customElements.define('signed-in', SignedIn);

export { SignedIn };
