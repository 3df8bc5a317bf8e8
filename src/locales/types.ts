import type { accountSwitcherStrings } from '../elements/account-switcher/account-switcher.strings.js';
import type { activeSessionsStrings } from '../elements/active-sessions/active-sessions.strings.js';
import type { organizationSwitcherStrings } from '../elements/organization-switcher/organization-switcher.strings.js';
import type { signOutButtonStrings } from '../elements/sign-out-button/sign-out-button.strings.js';
import type { workspaceSwitcherStrings } from '../elements/workspace-switcher/workspace-switcher.strings.js';
import type { commonStrings } from '../internal/common-strings.js';
import type { Message } from '../internal/localize.js';

type Common = typeof commonStrings;

/**
 * One element's own messages (the shared ones live under `common`): a plain
 * string for a fixed text, a `Message` for one with placeholders.
 */
type OwnMessages<T extends { en: object; params: object }> = {
  [K in Exclude<keyof T['en'], keyof Common['en']>]: K extends keyof T['params'] ? Message : string;
};

/**
 * A complete translation of every element, as a shipped locale module
 * exports it. `{name}` placeholders stay as they are; a message with `{count}`
 * may be an object with one sentence per `Intl.PluralRules` category of the
 * language (`other` always).
 */
export interface Translation {
  common: { [K in keyof Common['en']]: string };
  'account-switcher': OwnMessages<typeof accountSwitcherStrings>;
  'active-sessions': OwnMessages<typeof activeSessionsStrings>;
  'organization-switcher': OwnMessages<typeof organizationSwitcherStrings>;
  'sign-out-button': OwnMessages<typeof signOutButtonStrings>;
  'workspace-switcher': OwnMessages<typeof workspaceSwitcherStrings>;
}

/** What `registerTranslation()` takes: any part of a `Translation`. */
export type PartialTranslation = { [K in keyof Translation]?: Partial<Translation[K]> };
