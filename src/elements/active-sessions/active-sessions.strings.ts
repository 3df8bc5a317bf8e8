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
  /** A revoke button's name: the device and what tells it apart ("Berlin, active 5 minutes ago"). */
  revokeLabel: (device: string, context = ''): string =>
    context ? `Sign out of ${device}, ${context}` : `Sign out of ${device}`,
  /** The same for an expired sign-in, which is removed rather than signed out. */
  removeLabel: (device: string, context = ''): string =>
    context ? `Remove ${device}, ${context}` : `Remove ${device}`,
  /** Part of a button's name: "active 5 minutes ago", "active now". */
  activeWhen: (time: string): string => `active ${time}`,
  /** Part of a button's name: "expired 3 days ago". */
  expiredWhen: (time: string): string => `expired ${time}`,
  /** Part of a button's name: "IP address 91.64.200.7". */
  fromAddress: (ip: string): string => `IP address ${ip}`,
  /** Part of a button's name: "signed in Oct 21, 2026". */
  signedInWhen: (date: string): string => `signed in ${date}`,
  /** Part of a button's name when nothing else tells two rows apart: "2 of 4". */
  nthOf: (n: number, total: number): string => `${n} of ${total}`,
  /** An expired sign-in's detail: "Expired 3 days ago". */
  expiredAgo: (time: string): string => `Expired ${time}`,
  remove: 'Remove',
  revokePending: 'Signing out…',
  revokeOthers: 'Sign out of all other devices',
  confirmRevokeTitle: (device: string): string => `Sign out of ${device}?`,
  confirmRevokeMessage:
    'That device is signed out right away. Anyone using it has to sign in again.',
  confirmRevokeOthersTitle: 'Sign out of all other devices?',
  confirmRevokeOthersCount: (count: number): string =>
    count === 1
      ? 'You will be signed out on 1 other device right away. Anyone using it has to sign in again.'
      : `You will be signed out on ${count} other devices right away. Anyone using them has to sign in again.`,
  confirmRemoveTitle: (device: string): string => `Remove ${device}?`,
  confirmRemoveMessage:
    'This sign-in has expired, so nobody is signed in there any more. It is removed from the list.',
  removed: (device: string): string => `Removed ${device}.`,
  removeFailed: (device: string, reason: string): string => `Couldn’t remove ${device}. ${reason}`,
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
