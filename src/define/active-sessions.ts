/**
 * Registers `<active-sessions>` and nothing else, for pages that pay only for the tags
 * they use (`session-elements/elements/active-sessions.js`). Safe to load twice: a tag
 * already defined, e.g. by another copy, is left alone.
 */
import { ActiveSessions } from '../elements/active-sessions/active-sessions.js';

if (!customElements.get('active-sessions'))
  customElements.define('active-sessions', ActiveSessions);

export { ActiveSessions };
