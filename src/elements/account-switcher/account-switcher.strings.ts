import { commonStrings } from '../../internal/common-strings.js';
import type { Strings, Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Account',
  accounts: 'Accounts on this browser',
  signedInAs: 'Signed in as',
  unknownUser: 'Unknown account',
  addAccount: 'Add account',
  manageAccount: 'Manage account',
  signOutOf: 'Sign out of {name}',
  signOutAll: 'Sign out of all accounts',
  signIn: 'Sign in',
  signInAgain: 'Sign in again',
  switchedTo: 'Switched to {name}',
  signedOut: 'You are signed out.',
  /** One account signed out while another one here is still signed in (and now active). */
  signedOutOf: 'Signed out of {name}. You are still signed in as {next}.',
};

const params = {
  signOutOf: ['name'],
  switchedTo: ['name'],
  signedOutOf: ['name', 'next'],
} as const;

/** The strings `<account-switcher>` reads, in its language. */
export type AccountSwitcherStrings = Strings<typeof en, typeof params>;

/** English; other languages in src/locales, under `account-switcher`. */
export const accountSwitcherStrings = {
  id: 'account-switcher',
  en,
  params,
} satisfies Translations<AccountSwitcherStrings>;
