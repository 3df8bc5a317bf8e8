import type { SessionErrorCode } from '../core/errors.js';
import type { Translations } from './localize.js';

/**
 * Strings every element needs: failure messages by error code, retry, loading.
 * English; other languages in src/locales, under `common`.
 */
export const commonStrings = {
  id: 'common',
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    retrying: 'Trying again…',
    cancel: 'Cancel',
    error_network: 'You appear to be offline. Check your connection and try again.',
    error_timeout: 'The server took too long to answer. Try again in a moment.',
    error_unauthorized: 'You are signed out. Sign in again to continue.',
    error_forbidden: 'You are not allowed to do that.',
    'error_reauth-required': 'Please confirm it’s you to continue.',
    'error_not-found': 'That no longer exists. It may have been removed already.',
    'error_rate-limited': 'Too many requests. Please wait a moment and try again.',
    'error_invalid-response': 'The server sent something unexpected. Try again later.',
    error_server: 'Something went wrong on the server. Try again later.',
    error_unsupported: 'This is not supported here.',
    'error_bad-request': 'The request was not understood. Reload the page and try again.',
    'error_session-changed': 'Your session changed. Try again.',
    error_aborted: 'The request was cancelled.',
  },
  params: {},
} satisfies Translations<CommonStrings>;

/** The strings every element shares. */
export type CommonStrings = Record<
  `error_${SessionErrorCode}` | 'loading' | 'retry' | 'retrying' | 'cancel',
  string
>;

/** The user-facing message for a failure code. */
export function errorMessage(strings: CommonStrings, code: SessionErrorCode): string {
  return strings[`error_${code}`];
}
