/**
 * Registers `<session-provider>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/session-provider.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { SessionProvider } from '../elements/session-provider/session-provider.js';

if (!customElements.get('session-provider'))
  customElements.define('session-provider', SessionProvider);

export { SessionProvider };
