import { commonStrings } from '../../internal/common-strings.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Workspaces',
  triggerPrefix: 'Workspace',
  placeholder: 'Select a workspace',
  switchedTo: (name: string) => `Switched to ${name}`,
};

export type WorkspaceSwitcherStrings = typeof en;

export const workspaceSwitcherStrings = {
  en,
  de: {
    ...commonStrings.de,
    menuLabel: 'Arbeitsbereiche',
    triggerPrefix: 'Arbeitsbereich',
    placeholder: 'Arbeitsbereich wählen',
    switchedTo: (name: string) => `Zu ${name} gewechselt`,
  },
} satisfies { en: WorkspaceSwitcherStrings; de: WorkspaceSwitcherStrings };
