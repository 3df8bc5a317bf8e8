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
  /** A revoke button's name with what tells its row apart: "Berlin, active 5 minutes ago". */
  revokeLabelWith: 'Sign out of {device}, {details}',
  removeLabel: 'Remove {device}',
  /** An expired row's button name, with what tells it apart. */
  removeLabelWith: 'Remove {device}, {details}',
  /** Between the parts of a place ("Berlin, Germany") and of a button's details. */
  detailSeparator: ', ',
  /** Part of a button's name: "active 5 minutes ago". */
  activeWhen: 'active {time}',
  /** Part of a button's name: "expired 3 days ago". */
  expiredWhen: 'expired {time}',
  /** Part of a button's name: "IP address 91.64.200.7". */
  fromAddress: 'IP address {ip}',
  /** Part of a button's name: "signed in Oct 21, 2026". */
  signedInWhen: 'signed in {date}',
  /** Part of a button's name when nothing else tells two rows apart: "2 of 4". */
  nthOf: '{n} of {total}',
  /** An expired sign-in's detail: "Expired 3 days ago". */
  expiredAgo: 'Expired {time}',
  remove: 'Remove',
  revokePending: 'Signing out…',
  revokeOthers: 'Sign out of all other devices',
  confirmRevokeTitle: 'Sign out of {device}?',
  confirmRevokeMessage:
    'That device is signed out right away. Anyone using it has to sign in again.',
  confirmRevokeOthersTitle: 'Sign out of all other devices?',
  confirmRevokeOthersCount: {
    one: 'You will be signed out on {count} other device right away. Anyone using it has to sign in again.',
    other:
      'You will be signed out on {count} other devices right away. Anyone using them has to sign in again.',
  },
  confirmRemoveTitle: 'Remove {device}?',
  confirmRemoveMessage:
    'This sign-in has expired, so nobody is signed in there any more. It is removed from the list.',
  removed: 'Removed {device}.',
  removeFailed: 'Couldn’t remove {device}. {reason}',
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
  revokeLabelWith: ['device', 'details'],
  removeLabel: ['device'],
  removeLabelWith: ['device', 'details'],
  activeWhen: ['time'],
  expiredWhen: ['time'],
  fromAddress: ['ip'],
  signedInWhen: ['date'],
  nthOf: ['n', 'total'],
  expiredAgo: ['time'],
  confirmRevokeOthersCount: ['count'],
  confirmRemoveTitle: ['device'],
  removed: ['device'],
  removeFailed: ['device', 'reason'],
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
