import type { AccountSwitcherStrings } from '../elements/account-switcher/account-switcher.strings.js';
import type { ActiveSessionsStrings } from '../elements/active-sessions/active-sessions.strings.js';
import type { OrganizationSwitcherStrings } from '../elements/organization-switcher/organization-switcher.strings.js';
import type { SignOutButtonStrings } from '../elements/sign-out-button/sign-out-button.strings.js';
import type { WorkspaceSwitcherStrings } from '../elements/workspace-switcher/workspace-switcher.strings.js';
import type { CommonStrings } from '../internal/common-strings.js';

/**
 * German, complete: every table is typed as its English one, so a missing
 * entry fails the typecheck. Loaded on demand by the first element that
 * resolves a `de` language; imports nothing but types.
 */
const common: CommonStrings = {
  loading: 'Wird geladen…',
  retry: 'Erneut versuchen',
  retrying: 'Neuer Versuch läuft…',
  cancel: 'Abbrechen',
  error_network: 'Du scheinst offline zu sein. Prüfe deine Verbindung und versuche es erneut.',
  error_timeout: 'Der Server hat zu lange gebraucht. Versuche es gleich noch einmal.',
  error_unauthorized: 'Du bist abgemeldet. Melde dich erneut an, um fortzufahren.',
  error_forbidden: 'Das ist dir nicht erlaubt.',
  'error_reauth-required': 'Bitte bestätige, dass du es bist.',
  'error_not-found': 'Das gibt es nicht mehr. Vielleicht wurde es schon entfernt.',
  'error_rate-limited': 'Zu viele Anfragen. Bitte warte einen Moment.',
  'error_invalid-response': 'Der Server hat etwas Unerwartetes gesendet. Versuche es später.',
  error_server: 'Auf dem Server ist etwas schiefgelaufen. Versuche es später.',
  error_unsupported: 'Das wird hier nicht unterstützt.',
  'error_bad-request':
    'Die Anfrage wurde nicht verstanden. Lade die Seite neu und versuche es erneut.',
  'error_session-changed': 'Deine Sitzung hat sich geändert. Versuche es erneut.',
  error_aborted: 'Die Anfrage wurde abgebrochen.',
};

const roles: Record<string, string> = { owner: 'Inhaber', admin: 'Admin', member: 'Mitglied' };

const accountSwitcher: AccountSwitcherStrings = {
  ...common,
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
  signedOutOf: (name: string, next: string) =>
    `Von ${name} abgemeldet. Du bist weiterhin als ${next} angemeldet.`,
};

const activeSessions: ActiveSessionsStrings = {
  ...common,
  listLabel: 'Geräte, auf denen du angemeldet bist',
  thisDevice: 'Dieses Gerät',
  adminAccess: 'Admin-Zugriff',
  expiredBadge: 'Abgelaufen',
  deviceTitle: (browser?: string, os?: string): string =>
    browser && os ? `${browser} unter ${os}` : (browser ?? os ?? 'Unbekanntes Gerät'),
  activeNow: 'Gerade aktiv',
  lastActive: 'Zuletzt aktiv',
  signedInOn: 'Angemeldet seit',
  expires: 'Läuft ab',
  ipAddress: 'IP-Adresse',
  signOut: 'Abmelden',
  signOutThisDevice: 'Auf diesem Gerät abmelden',
  revokeLabel: (device: string): string => `Von ${device} abmelden`,
  revokePending: 'Wird abgemeldet…',
  revokeOthers: 'Von allen anderen Geräten abmelden',
  confirmRevokeTitle: (device: string): string => `Von ${device} abmelden?`,
  confirmRevokeMessage:
    'Das Gerät wird sofort abgemeldet. Wer es benutzt, muss sich erneut anmelden.',
  confirmRevokeOthersTitle: 'Von allen anderen Geräten abmelden?',
  confirmRevokeOthersMessage:
    'Alle Geräte außer diesem werden sofort abgemeldet. Wer sie benutzt, muss sich erneut anmelden.',
  confirmSignOut: 'Abmelden',
  revoked: (device: string): string => `Von ${device} abgemeldet.`,
  revokedOthers: (count: number): string =>
    count === 1 ? 'Von 1 anderen Gerät abgemeldet.' : `Von ${count} anderen Geräten abgemeldet.`,
  revokeFailed: (device: string, reason: string): string =>
    `Abmelden von ${device} fehlgeschlagen. ${reason}`,
  revokeOthersFailed: (reason: string): string =>
    `Abmelden von den anderen Geräten fehlgeschlagen. ${reason}`,
  signOutFailed: (reason: string): string => `Abmelden fehlgeschlagen. ${reason}`,
  empty: 'Du bist auf keinem passenden Gerät angemeldet.',
  loadFailed: 'Deine Geräte konnten nicht geladen werden.',
  stale: 'Aktualisieren fehlgeschlagen. Die Liste ist eventuell veraltet.',
  reauthTitle: 'Bestätige, dass du es bist',
  reauthMessage:
    'Zu deiner Sicherheit bestätige bitte deine Identität, bevor du Geräte verwaltest.',
  reauthLink: 'Identität bestätigen',
  filterLabel: 'Anzeigen',
  status_all: 'Alle Geräte',
  status_online: 'Online',
  status_offline: 'Offline',
  status_expired: 'Abgelaufen',
  paginationLabel: 'Seiten',
  previousPage: 'Vorherige Seite',
  nextPage: 'Nächste Seite',
  range: (from: number, to: number, total: number): string =>
    `${from.toLocaleString('de')}–${to.toLocaleString('de')} von ${total.toLocaleString('de')}`,
};

const organizationSwitcher: OrganizationSwitcherStrings = {
  ...common,
  menuLabel: 'Organisationen',
  triggerPrefix: 'Organisation',
  placeholder: 'Organisation wählen',
  personal: 'Persönliches Konto',
  switchedTo: (name: string) => `Zu ${name} gewechselt`,
  role: (role: string) => roles[role] ?? role,
};

const signOutButton: SignOutButtonStrings = {
  ...common,
  signOut: 'Abmelden',
  signOutSession: 'Von allen Konten abmelden',
  signOutEverywhere: 'Überall abmelden',
  signingOut: 'Abmeldung läuft…',
  signedOut: 'Du bist abgemeldet.',
  signedOutOf: (name: string, next: string) =>
    `Von ${name} abgemeldet. Du bist weiterhin als ${next} angemeldet.`,
  signedOutEverywhere: 'Du bist auf allen Geräten abgemeldet.',
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
};

const workspaceSwitcher: WorkspaceSwitcherStrings = {
  ...common,
  menuLabel: 'Arbeitsbereiche',
  triggerPrefix: 'Arbeitsbereich',
  placeholder: 'Arbeitsbereich wählen',
  switchedTo: (name: string) => `Zu ${name} gewechselt`,
};

/** The tables by the id each element's English table carries. */
export default {
  common,
  'account-switcher': accountSwitcher,
  'active-sessions': activeSessions,
  'organization-switcher': organizationSwitcher,
  'sign-out-button': signOutButton,
  'workspace-switcher': workspaceSwitcher,
};
