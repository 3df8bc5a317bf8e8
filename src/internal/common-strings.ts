import type { SessionErrorCode } from '../core/errors.js';
import type { Translations } from './localize.js';

/** Strings every element needs: failure messages by error code, retry, loading. */
export const commonStrings = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
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
    'error_session-changed': 'Your session changed. Try again.',
    error_aborted: 'The request was cancelled.',
  },
  de: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
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
    'error_session-changed': 'Deine Sitzung hat sich geändert. Versuche es erneut.',
    error_aborted: 'Die Anfrage wurde abgebrochen.',
  },
} satisfies Translations<
  Record<`error_${SessionErrorCode}` | 'loading' | 'retry' | 'cancel', string>
>;

export type CommonStrings = typeof commonStrings.en;

/** The user-facing message for a failure code. */
export function errorMessage(strings: CommonStrings, code: SessionErrorCode): string {
  return strings[`error_${code}`];
}
