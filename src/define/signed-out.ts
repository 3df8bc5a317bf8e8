/**
 * Registers `<signed-out>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/signed-out.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { SignedOut } from '../elements/signed-out/signed-out.js';

if (!customElements.get('signed-out')) customElements.define('signed-out', SignedOut);

export { SignedOut };
