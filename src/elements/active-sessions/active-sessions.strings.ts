import { type CommonStrings, commonStrings } from '../../internal/common-strings.js';
import type { Translations } from '../../internal/localize.js';

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

/** English; other languages in src/locales, under `active-sessions`. */
export const activeSessionsStrings = {
  id: 'active-sessions',
  en,
} satisfies Translations<ActiveSessionsStrings>;
