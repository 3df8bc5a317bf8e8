import { commonStrings } from '../../internal/common-strings.js';
import type { Strings, Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  signOut: 'Sign out',
  signOutSession: 'Sign out of all accounts',
  signOutEverywhere: 'Sign out everywhere',
  signingOut: 'Signing out…',
  signedOut: 'You are signed out.',
  /** One account signed out while another one here is still signed in (and now active). */
  signedOutOf: 'Signed out of {name}. You are still signed in as {next}.',
  signedOutEverywhere: 'You are signed out on every device.',
  confirmTitleSignIn: 'Sign out?',
  confirmTitleSession: 'Sign out of all accounts?',
  confirmTitleEverywhere: 'Sign out everywhere?',
  confirmSignIn: 'You will be signed out of {name} on this browser.',
  confirmSession: {
    one: 'The account on this browser will be signed out.',
    other: 'All {count} accounts on this browser will be signed out.',
  },
  /** When the number of devices is unknown. */
  confirmEverywhereAll: 'You will be signed out on every device, including this one.',
  confirmEverywhere: {
    one: 'You will be signed out on {count} device.',
    other: 'You will be signed out on {count} devices.',
  },
};

const params = {
  confirmSignIn: ['name'],
  signedOutOf: ['name', 'next'],
  confirmSession: ['count'],
  confirmEverywhere: ['count'],
} as const;

/** The strings `<sign-out-button>` reads, in its language. */
export type SignOutButtonStrings = Strings<typeof en, typeof params>;

/** English; other languages in src/locales, under `sign-out-button`. */
export const signOutButtonStrings = {
  id: 'sign-out-button',
  en,
  params,
} satisfies Translations<SignOutButtonStrings>;
