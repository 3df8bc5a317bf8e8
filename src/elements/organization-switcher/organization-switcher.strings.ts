import { commonStrings } from '../../internal/common-strings.js';

const enRoles: Record<string, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };
const deRoles: Record<string, string> = { owner: 'Inhaber', admin: 'Admin', member: 'Mitglied' };

const en = {
  ...commonStrings.en,
  menuLabel: 'Organizations',
  triggerPrefix: 'Organization',
  placeholder: 'Select an organization',
  personal: 'Personal account',
  switchedTo: (name: string) => `Switched to ${name}`,
  /** Known roles are translated; others are shown as the server names them. */
  role: (role: string) => enRoles[role] ?? role,
};

export type OrganizationSwitcherStrings = typeof en;

export const organizationSwitcherStrings = {
  en,
  de: {
    ...commonStrings.de,
    menuLabel: 'Organisationen',
    triggerPrefix: 'Organisation',
    placeholder: 'Organisation wählen',
    personal: 'Persönliches Konto',
    switchedTo: (name: string) => `Zu ${name} gewechselt`,
    role: (role: string) => deRoles[role] ?? role,
  },
} satisfies { en: OrganizationSwitcherStrings; de: OrganizationSwitcherStrings };
