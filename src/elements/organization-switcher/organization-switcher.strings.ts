import { commonStrings } from '../../internal/common-strings.js';
import type { Strings, Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Organizations',
  triggerPrefix: 'Organization',
  placeholder: 'Select an organization',
  personal: 'Personal account',
  switchedTo: 'Switched to {name}',
  role_owner: 'Owner',
  role_admin: 'Admin',
  role_member: 'Member',
};

const params = { switchedTo: ['name'] } as const;

/** The strings `<organization-switcher>` reads, in its language. */
export type OrganizationSwitcherStrings = Strings<typeof en, typeof params>;

/** English; other languages in src/locales, under `organization-switcher`. */
export const organizationSwitcherStrings = {
  id: 'organization-switcher',
  en,
  params,
} satisfies Translations<OrganizationSwitcherStrings>;

/** Known roles are translated; others are shown as the server names them. */
export function roleLabel(t: OrganizationSwitcherStrings, role: string): string {
  const key = `role_${role}`;
  return Object.hasOwn(t, key) ? t[key as 'role_owner'] : role;
}
