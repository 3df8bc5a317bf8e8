import { commonStrings } from '../../internal/common-strings.js';
import type { Strings, Translations } from '../../internal/localize.js';

/**
 * Every string `<active-sessions>` shows, English. Sentences are whole
 * patterns: `{time}` and `{date}` are formatted in the same locale as the
 * words around them.
 */
const en = {
  ...commonStrings.en,
  listLabel: 'Devices where you’re signed in',
  thisDevice: 'This device',
  adminAccess: 'Admin access',
  expiredBadge: 'Expired',
  deviceTitle: '{browser} on {os}',
  unknownDevice: 'Unknown device',
  activeNow: 'Active now',
  lastActive: 'Last active {time}',
  signedInOn: 'Signed in {date}',
  expires: 'Expires {time}',
  ipAddress: 'IP address',
  signOut: 'Sign out',
  signOutThisDevice: 'Sign out of this device',
  revokeLabel: 'Sign out of {device}',
  revokePending: 'Signing out…',
  revokeOthers: 'Sign out of all other devices',
  confirmRevokeTitle: 'Sign out of {device}?',
  confirmRevokeMessage:
    'That device is signed out right away. Anyone using it has to sign in again.',
  confirmRevokeOthersTitle: 'Sign out of all other devices?',
  confirmRevokeOthersMessage:
    'Every device except this one is signed out right away. Anyone using them has to sign in again.',
  confirmSignOut: 'Sign out',
  revoked: 'Signed out of {device}.',
  revokedOthers: {
    one: 'Signed out of {count} other device.',
    other: 'Signed out of {count} other devices.',
  },
  revokeFailed: 'Couldn’t sign out of {device}. {reason}',
  revokeOthersFailed: 'Couldn’t sign out of the other devices. {reason}',
  signOutFailed: 'Couldn’t sign you out. {reason}',
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
  range: '{from}–{to} of {total}',
};

/** The placeholders of each message, in the order its function takes them. */
const params = {
  deviceTitle: ['browser', 'os'],
  lastActive: ['time'],
  signedInOn: ['date'],
  expires: ['time'],
  revokeLabel: ['device'],
  confirmRevokeTitle: ['device'],
  revoked: ['device'],
  revokedOthers: ['count'],
  revokeFailed: ['device', 'reason'],
  revokeOthersFailed: ['reason'],
  signOutFailed: ['reason'],
  range: ['from', 'to', 'total'],
} as const;

/** The strings `<active-sessions>` reads, in its language. */
export type ActiveSessionsStrings = Strings<typeof en, typeof params>;

/** English; other languages in src/locales, under `active-sessions`. */
export const activeSessionsStrings = {
  id: 'active-sessions',
  en,
  params,
} satisfies Translations<ActiveSessionsStrings>;
