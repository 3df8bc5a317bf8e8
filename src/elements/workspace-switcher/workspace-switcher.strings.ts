import { commonStrings } from '../../internal/common-strings.js';
import type { Strings, Translations } from '../../internal/localize.js';

const en = {
  ...commonStrings.en,
  menuLabel: 'Workspaces',
  triggerPrefix: 'Workspace',
  placeholder: 'Select a workspace',
  switchedTo: 'Switched to {name}',
};

const params = { switchedTo: ['name'] } as const;

/** The strings `<workspace-switcher>` reads, in its language. */
export type WorkspaceSwitcherStrings = Strings<typeof en, typeof params>;

/** English; other languages in src/locales, under `workspace-switcher`. */
export const workspaceSwitcherStrings = {
  id: 'workspace-switcher',
  en,
  params,
} satisfies Translations<WorkspaceSwitcherStrings>;
