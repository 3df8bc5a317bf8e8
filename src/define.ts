/**
 * Registers every tag of the kit, one module per tag (see src/define/). Safe
 * to load twice (a tag already defined, e.g. by another copy, is left alone).
 */
import './define/session-provider.js';
import './define/signed-in.js';
import './define/signed-out.js';
import './define/sign-out-button.js';
import './define/account-switcher.js';
import './define/organization-switcher.js';
import './define/workspace-switcher.js';
import './define/active-sessions.js';
