import { commonStrings } from '../../internal/common-strings.js';
import type { Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Workspaces',
  triggerPrefix: 'Workspace',
  placeholder: 'Select a workspace',
  switchedTo: (name: string) => `Switched to ${name}`,
};

export type WorkspaceSwitcherStrings = typeof en;

/** English; other languages in src/locales, under `workspace-switcher`. */
export const workspaceSwitcherStrings = {
  id: 'workspace-switcher',
  en,
} satisfies Translations<WorkspaceSwitcherStrings>;
