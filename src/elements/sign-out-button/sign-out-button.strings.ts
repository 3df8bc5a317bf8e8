import { commonStrings } from '../../internal/common-strings.js';
import type { Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  signOut: 'Sign out',
  signOutSession: 'Sign out of all accounts',
  signOutEverywhere: 'Sign out everywhere',
  signingOut: 'Signing out…',
  signedOut: 'You are signed out.',
  /** One account signed out while another one here is still signed in (and now active). */
  signedOutOf: (name: string, next: string) =>
    `Signed out of ${name}. You are still signed in as ${next}.`,
  signedOutEverywhere: 'You are signed out on every device.',
  confirmTitleSignIn: 'Sign out?',
  confirmTitleSession: 'Sign out of all accounts?',
  confirmTitleEverywhere: 'Sign out everywhere?',
  confirmSignIn: (name: string) => `You will be signed out of ${name} on this browser.`,
  confirmSession: (count: number) =>
    count === 1
      ? 'The account on this browser will be signed out.'
      : `All ${count} accounts on this browser will be signed out.`,
  confirmEverywhere: (devices: number | null) =>
    devices === null
      ? 'You will be signed out on every device, including this one.'
      : devices === 1
        ? 'You will be signed out on 1 device.'
        : `You will be signed out on ${devices} devices.`,
};

export type SignOutButtonStrings = typeof en;

/** English; other languages in src/locales, under `sign-out-button`. */
export const signOutButtonStrings = {
  id: 'sign-out-button',
  en,
} satisfies Translations<SignOutButtonStrings>;
