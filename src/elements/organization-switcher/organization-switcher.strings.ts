import { commonStrings } from '../../internal/common-strings.js';
import type { Translations } from '../../internal/localize.js';

const enRoles: Record<string, string> = { owner: 'Owner', admin: 'Admin', member: 'Member' };

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

/** English; other languages in src/locales, under `organization-switcher`. */
export const organizationSwitcherStrings = {
  id: 'organization-switcher',
  en,
} satisfies Translations<OrganizationSwitcherStrings>;
