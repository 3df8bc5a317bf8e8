import { commonStrings } from '../../internal/common-strings.js';

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
};

export type AccountSwitcherStrings = typeof en;

export const accountSwitcherStrings = {
  en,
  de: {
    ...commonStrings.de,
    menuLabel: 'Konto',
    accounts: 'Konten in diesem Browser',
    signedInAs: 'Angemeldet als',
    unknownUser: 'Unbekanntes Konto',
    addAccount: 'Konto hinzufügen',
    manageAccount: 'Konto verwalten',
    signOutOf: (name: string) => `Von ${name} abmelden`,
    signOutAll: 'Von allen Konten abmelden',
    signIn: 'Anmelden',
    signInAgain: 'Erneut anmelden',
    switchedTo: (name: string) => `Zu ${name} gewechselt`,
    signedOut: 'Du bist abgemeldet.',
  },
} satisfies { en: AccountSwitcherStrings; de: AccountSwitcherStrings };
