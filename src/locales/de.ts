import type { Translation } from './types.js';

/**
 * German, complete. Addresses the user formally ("Sie") throughout, as
 * account and security screens do. Loaded on demand by the first element
 * whose language is German.
 */
const de: Translation = {
  common: {
    loading: 'Wird geladen…',
    retry: 'Erneut versuchen',
    cancel: 'Abbrechen',
    error_network:
      'Sie scheinen offline zu sein. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    error_timeout: 'Der Server hat zu lange gebraucht. Versuchen Sie es gleich noch einmal.',
    error_unauthorized: 'Sie sind abgemeldet. Melden Sie sich erneut an, um fortzufahren.',
    error_forbidden: 'Dazu sind Sie nicht berechtigt.',
    'error_reauth-required': 'Bitte bestätigen Sie, dass Sie es sind, um fortzufahren.',
    'error_not-found': 'Das gibt es nicht mehr. Vielleicht wurde es bereits entfernt.',
    'error_rate-limited':
      'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
    'error_invalid-response':
      'Der Server hat eine unerwartete Antwort gesendet. Versuchen Sie es später erneut.',
    error_server: 'Auf dem Server ist ein Fehler aufgetreten. Versuchen Sie es später erneut.',
    error_unsupported: 'Das wird hier nicht unterstützt.',
    'error_bad-request':
      'Die Anfrage wurde nicht verstanden. Laden Sie die Seite neu und versuchen Sie es erneut.',
    'error_session-changed': 'Ihre Sitzung hat sich geändert. Versuchen Sie es erneut.',
    error_aborted: 'Die Anfrage wurde abgebrochen.',
  },
  'account-switcher': {
    menuLabel: 'Konto',
    accounts: 'Konten in diesem Browser',
    signedInAs: 'Angemeldet als',
    unknownUser: 'Unbekanntes Konto',
    addAccount: 'Konto hinzufügen',
    manageAccount: 'Konto verwalten',
    signOutOf: 'Von {name} abmelden',
    signOutAll: 'Von allen Konten abmelden',
    signIn: 'Anmelden',
    signInAgain: 'Erneut anmelden',
    switchedTo: 'Zu {name} gewechselt',
    signedOut: 'Sie sind abgemeldet.',
  },
  'active-sessions': {
    listLabel: 'Geräte, auf denen Sie angemeldet sind',
    thisDevice: 'Dieses Gerät',
    adminAccess: 'Admin-Zugriff',
    expiredBadge: 'Abgelaufen',
    deviceTitle: '{browser} unter {os}',
    unknownDevice: 'Unbekanntes Gerät',
    activeNow: 'Gerade aktiv',
    lastActive: 'Zuletzt aktiv {time}',
    signedInOn: 'Angemeldet seit {date}',
    expires: 'Läuft {time} ab',
    ipAddress: 'IP-Adresse',
    signOut: 'Abmelden',
    signOutThisDevice: 'Auf diesem Gerät abmelden',
    revokeLabel: 'Von {device} abmelden',
    revokePending: 'Wird abgemeldet…',
    revokeOthers: 'Von allen anderen Geräten abmelden',
    confirmRevokeTitle: 'Von {device} abmelden?',
    confirmRevokeMessage:
      'Das Gerät wird sofort abgemeldet. Wer es benutzt, muss sich erneut anmelden.',
    confirmRevokeOthersTitle: 'Von allen anderen Geräten abmelden?',
    confirmRevokeOthersMessage:
      'Alle Geräte außer diesem werden sofort abgemeldet. Wer sie benutzt, muss sich erneut anmelden.',
    confirmSignOut: 'Abmelden',
    revoked: 'Von {device} abgemeldet.',
    revokedOthers: {
      one: 'Von {count} anderen Gerät abgemeldet.',
      other: 'Von {count} anderen Geräten abgemeldet.',
    },
    revokeFailed: 'Abmelden von {device} fehlgeschlagen. {reason}',
    revokeOthersFailed: 'Abmelden von den anderen Geräten fehlgeschlagen. {reason}',
    signOutFailed: 'Sie konnten nicht abgemeldet werden. {reason}',
    empty: 'Sie sind auf keinem passenden Gerät angemeldet.',
    loadFailed: 'Ihre Geräte konnten nicht geladen werden.',
    stale: 'Aktualisierung fehlgeschlagen. Die Liste ist eventuell nicht aktuell.',
    reauthTitle: 'Bestätigen Sie, dass Sie es sind',
    reauthMessage:
      'Bestätigen Sie zu Ihrer Sicherheit Ihre Identität, bevor Sie Ihre Geräte verwalten.',
    reauthLink: 'Identität bestätigen',
    filterLabel: 'Anzeigen',
    status_all: 'Alle Geräte',
    status_online: 'Online',
    status_offline: 'Offline',
    status_expired: 'Abgelaufen',
    paginationLabel: 'Seiten',
    previousPage: 'Vorherige Seite',
    nextPage: 'Nächste Seite',
    range: '{from}–{to} von {total}',
  },
  'organization-switcher': {
    menuLabel: 'Organisationen',
    triggerPrefix: 'Organisation',
    placeholder: 'Organisation auswählen',
    personal: 'Persönliches Konto',
    switchedTo: 'Zu {name} gewechselt',
    role_owner: 'Inhaber',
    role_admin: 'Admin',
    role_member: 'Mitglied',
  },
  'sign-out-button': {
    signOut: 'Abmelden',
    signOutSession: 'Von allen Konten abmelden',
    signOutEverywhere: 'Überall abmelden',
    signingOut: 'Wird abgemeldet…',
    signedOut: 'Sie sind abgemeldet.',
    confirmTitleSignIn: 'Abmelden?',
    confirmTitleSession: 'Von allen Konten abmelden?',
    confirmTitleEverywhere: 'Überall abmelden?',
    confirmSignIn: 'Sie werden in diesem Browser von {name} abgemeldet.',
    confirmSession: {
      one: 'Das Konto in diesem Browser wird abgemeldet.',
      other: 'Alle {count} Konten in diesem Browser werden abgemeldet.',
    },
    confirmEverywhereAll: 'Sie werden auf allen Geräten abgemeldet, auch auf diesem.',
    confirmEverywhere: {
      one: 'Sie werden auf {count} Gerät abgemeldet.',
      other: 'Sie werden auf {count} Geräten abgemeldet.',
    },
  },
  'workspace-switcher': {
    menuLabel: 'Arbeitsbereiche',
    triggerPrefix: 'Arbeitsbereich',
    placeholder: 'Arbeitsbereich auswählen',
    switchedTo: 'Zu {name} gewechselt',
  },
};

export default de;
