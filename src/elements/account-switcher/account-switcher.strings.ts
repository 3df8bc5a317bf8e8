import { commonStrings } from '../../internal/common-strings.js';
import type { Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Account',
  accounts: 'Accounts on this browser',
  signedInAs: 'Signed in as',
  unknownUser: 'Unknown account',
  addAccount: 'Add account',
  manageAccount: 'Manage account',
  signOutOf: (name: string) => `Sign out of ${name}`,
  signOutAll: 'Sign out of all accounts',
  signIn: 'Sign in',
  signInAgain: 'Sign in again',
  switchedTo: (name: string) => `Switched to ${name}`,
  signedOut: 'You are signed out.',
  /** One account signed out while another one here is still signed in (and now active). */
  signedOutOf: (name: string, next: string) =>
    `Signed out of ${name}. You are still signed in as ${next}.`,
};

export type AccountSwitcherStrings = typeof en;

/** English; other languages in src/locales, under `account-switcher`. */
export const accountSwitcherStrings = {
  id: 'account-switcher',
  en,
} satisfies Translations<AccountSwitcherStrings>;
