import { commonStrings } from '../../internal/common-strings.js';

const en = {
  ...commonStrings.en,
  signOut: 'Sign out',
  signOutSession: 'Sign out of all accounts',
  signOutEverywhere: 'Sign out everywhere',
  signingOut: 'Signing out…',
  signedOut: 'You are signed out.',
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

export const signOutButtonStrings = {
  en,
  de: {
    ...commonStrings.de,
    signOut: 'Abmelden',
    signOutSession: 'Von allen Konten abmelden',
    signOutEverywhere: 'Überall abmelden',
    signingOut: 'Abmeldung läuft…',
    signedOut: 'Du bist abgemeldet.',
    confirmTitleSignIn: 'Abmelden?',
    confirmTitleSession: 'Von allen Konten abmelden?',
    confirmTitleEverywhere: 'Überall abmelden?',
    confirmSignIn: (name: string) => `Du wirst in diesem Browser von ${name} abgemeldet.`,
    confirmSession: (count: number) =>
      count === 1
        ? 'Das Konto in diesem Browser wird abgemeldet.'
        : `Alle ${count} Konten in diesem Browser werden abgemeldet.`,
    confirmEverywhere: (devices: number | null) =>
      devices === null
        ? 'Du wirst auf allen Geräten abgemeldet, auch auf diesem.'
        : devices === 1
          ? 'Du wirst auf 1 Gerät abgemeldet.'
          : `Du wirst auf ${devices} Geräten abgemeldet.`,
  },
} satisfies { en: SignOutButtonStrings; de: SignOutButtonStrings };
