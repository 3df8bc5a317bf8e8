import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  clickParts,
  failing,
  loadingSession,
  malformed,
  pendingCall,
  renderWithSession,
  session,
} from './session-story.js';
import { hostileWorld, manyMembershipsWorld, personalWorld, signedOutWorld } from './worlds.js';

const meta: Meta = {
  title: 'Elements/workspace-switcher',
  component: 'workspace-switcher',
  render: renderWithSession(() => html`<workspace-switcher></workspace-switcher>`),
  parameters: { docs: { story: { height: '340px' } } },
};
export default meta;

type Story = StoryObj;

const menu = clickParts('workspace-switcher', ['trigger']);
const toEngineering = clickParts('workspace-switcher', ['trigger'], ['menu-item', /Engineering/]);

/** Ada is in Acme's Design workspace. */
export const Default: Story = {};

/** The workspaces of the active organization (Acme), Design checked. */
export const Open: Story = { play: menu };

/** Fifteen workspaces in Acme. */
export const ManyWorkspaces = session({ seed: manyMembershipsWorld }, { play: menu });

/** On the personal account there are no workspaces: nothing renders. */
export const NoWorkspaces = session({ seed: personalWorld });

export const Loading = session(loadingSession);

/** The session is known; the workspaces are loading. */
export const LoadingList = session(pendingCall('listWorkspaces'));

/** Listing workspaces failed with a 500. */
export const ListError = session(failing('listWorkspaces'));

/** The workspace list breaks the contract. */
export const MalformedList = session(malformed('listWorkspaces'));

/** Moving to Engineering, waiting for the server. */
export const Switching = session(pendingCall('switchWorkspace'), { play: toEngineering });

/** The workspace is gone (404) by the time Ada picks it. */
export const SwitchFails = session(failing('switchWorkspace', 'not-found'), {
  play: toEngineering,
});

/** Re-authentication required before switching. */
export const ReauthOnSwitch = session(failing('switchWorkspace', 'reauth-required'), {
  play: toEngineering,
});

/** A backend without workspaces: nothing renders. */
export const Unsupported = session({ capabilities: { workspaces: false } });

export const SignedOut = session({ seed: signedOutWorld });

/** Workspace names full of markup and 10 KB strings. */
export const HostileNames = session({ seed: hostileWorld }, { play: menu });

export const Dark: Story = { globals: { scheme: 'dark' }, play: menu };

/** Restyled only through the `--session-*` tokens and `::part()`. */
export const Theming: Story = {
  play: menu,
  render: renderWithSession(
    () =>
      html`<style>
          .themed-workspace-switcher {
            --session-color-surface: #ecfdf5;
            --session-color-text: #064e3b;
            --session-color-border: #6ee7b7;
            --session-color-accent: #047857;
            --session-radius: 12px;
            --session-trigger-max-width: 14rem;
          }
          .themed-workspace-switcher workspace-switcher::part(trigger) {
            border-width: 2px;
            font-weight: 600;
          }
          .themed-workspace-switcher workspace-switcher::part(avatar) {
            border-radius: 30%;
          }
          .themed-workspace-switcher workspace-switcher::part(menu-item):hover {
            background: #d1fae5;
          }
        </style>
        <div class="themed-workspace-switcher"><workspace-switcher></workspace-switcher></div>`,
  ),
};
