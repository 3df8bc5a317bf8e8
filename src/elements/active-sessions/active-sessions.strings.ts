import { type CommonStrings, commonStrings } from '../../internal/common-strings.js';

/** Every string `<active-sessions>` shows, English. */
const en = {
  ...commonStrings.en,
  listLabel: 'Devices where you’re signed in',
  thisDevice: 'This device',
  adminAccess: 'Admin access',
  expiredBadge: 'Expired',
  deviceTitle: (browser?: string, os?: string): string =>
    browser && os ? `${browser} on ${os}` : (browser ?? os ?? 'Unknown device'),
  activeNow: 'Active now',
  lastActive: 'Last active',
  signedInOn: 'Signed in',
  expires: 'Expires',
  ipAddress: 'IP address',
  signOut: 'Sign out',
  signOutThisDevice: 'Sign out of this device',
  revokeLabel: (device: string): string => `Sign out of ${device}`,
  revokePending: 'Signing out…',
  revokeOthers: 'Sign out of all other devices',
  confirmRevokeTitle: (device: string): string => `Sign out of ${device}?`,
  confirmRevokeMessage:
    'That device is signed out right away. Anyone using it has to sign in again.',
  confirmRevokeOthersTitle: 'Sign out of all other devices?',
  confirmRevokeOthersMessage:
    'Every device except this one is signed out right away. Anyone using them has to sign in again.',
  confirmSignOut: 'Sign out',
  revoked: (device: string): string => `Signed out of ${device}.`,
  revokedOthers: (count: number): string =>
    count === 1 ? 'Signed out of 1 other device.' : `Signed out of ${count} other devices.`,
  revokeFailed: (device: string, reason: string): string =>
    `Couldn’t sign out of ${device}. ${reason}`,
  revokeOthersFailed: (reason: string): string =>
    `Couldn’t sign out of the other devices. ${reason}`,
  signOutFailed: (reason: string): string => `Couldn’t sign you out. ${reason}`,
  empty: 'You’re not signed in on any devices that match.',
  loadFailed: 'Couldn’t load your devices.',
  stale: 'Couldn’t refresh. This list may be out of date.',
  reauthTitle: 'Confirm it’s you',
  reauthMessage: 'For your security, confirm your identity before you manage your devices.',
  reauthLink: 'Confirm your identity',
  filterLabel: 'Show',
  status_all: 'All devices',
  status_online: 'Online',
  status_offline: 'Offline',
  status_expired: 'Expired',
  paginationLabel: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  range: (from: number, to: number, total: number): string =>
    `${from.toLocaleString('en')}–${to.toLocaleString('en')} of ${total.toLocaleString('en')}`,
};

export type ActiveSessionsStrings = typeof en & CommonStrings;

/** German, complete: typed as the English table so a missing entry fails the typecheck. */
const de: ActiveSessionsStrings = {
  ...commonStrings.de,
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

export const activeSessionsStrings = { en, de };
