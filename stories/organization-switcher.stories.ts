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
import {
  hostileWorld,
  manyMembershipsWorld,
  noOrganizationsWorld,
  personalWorld,
  signedOutWorld,
} from './worlds.js';

interface Args {
  'hide-personal': boolean;
}

const organizationSwitcher = (args: Args) =>
  html`<organization-switcher ?hide-personal=${args['hide-personal']}></organization-switcher>`;

const meta: Meta<Args> = {
  title: 'Elements/organization-switcher',
  component: 'organization-switcher',
  render: renderWithSession(organizationSwitcher),
  args: { 'hide-personal': false },
  parameters: { docs: { story: { height: '360px' } } },
};
export default meta;

type Story = StoryObj<Args>;

const showOrganizations = clickParts('organization-switcher', ['trigger']);
const pickGlobex = clickParts('organization-switcher', ['trigger'], ['menu-item', /Globex/]);

/** Ada works in Acme Inc. (admin) and Globex Research (member). */
export const Default: Story = {};

/** The menu: the personal account, then each organization with Ada's role. */
export const Open: Story = { play: showOrganizations };

/** On the personal account, which is checked. */
export const PersonalAccount = session<Args>({ seed: personalWorld }, { play: showOrganizations });

/** `hide-personal`: organizations only. */
export const HidePersonal: Story = { args: { 'hide-personal': true }, play: showOrganizations };

/** No memberships: only the personal account is offered. */
export const NoOrganizations = session<Args>(
  { seed: noOrganizationsWorld },
  { play: showOrganizations },
);

/** No memberships and no personal account: nothing to switch, nothing renders. */
export const Empty = session<Args>(
  { seed: noOrganizationsWorld },
  { args: { 'hide-personal': true } },
);

/** Twelve organizations: the menu scrolls. */
export const ManyOrganizations = session<Args>(
  { seed: manyMembershipsWorld },
  { play: showOrganizations },
);

export const Loading = session<Args>(loadingSession);

/** Signed in, the organizations are still on their way. */
export const LoadingList = session<Args>(pendingCall('listOrganizations'));

/** Listing organizations failed with a 500: the message and a retry button. */
export const ListError = session<Args>(failing('listOrganizations'));

/** The organization list breaks the contract. */
export const MalformedList = session<Args>(malformed('listOrganizations'));

/** Switching to Globex, waiting for the server. */
export const Switching = session<Args>(pendingCall('switchOrganization'), { play: pickGlobex });

/** The switch failed: the message under the trigger. */
export const SwitchFails = session<Args>(failing('switchOrganization', 'forbidden'), {
  play: pickGlobex,
});

/** The server wants the user to confirm who they are before switching. */
export const ReauthOnSwitch = session<Args>(failing('switchOrganization', 'reauth-required'), {
  play: pickGlobex,
});

/** A backend without organizations: nothing renders. */
export const Unsupported = session<Args>({ capabilities: { organizations: false } });

export const SignedOut = session<Args>({ seed: signedOutWorld });

/** Organization names and roles full of markup and 10 KB strings. */
export const HostileNames = session<Args>({ seed: hostileWorld }, { play: showOrganizations });

export const Dark: Story = { globals: { scheme: 'dark' }, play: showOrganizations };

/** Restyled only through the `--session-*` tokens and `::part()`. */
export const Theming: Story = {
  play: showOrganizations,
  render: renderWithSession(
    (args) =>
      html`<style>
          .themed-organization-switcher {
            --session-font: Avenir, 'Segoe UI', sans-serif;
            --session-color-surface: #f5f3ff;
            --session-color-border: #c4b5fd;
            --session-color-accent: #6d28d9;
            --session-color-muted: #6b21a8;
            --session-radius: 6px;
            --session-space: 6px;
          }
          .themed-organization-switcher organization-switcher::part(avatar) {
            border-radius: 4px;
          }
          .themed-organization-switcher organization-switcher::part(label) {
            font-weight: 600;
          }
          .themed-organization-switcher organization-switcher::part(detail) {
            font-style: italic;
          }
          .themed-organization-switcher organization-switcher::part(check) {
            color: #6d28d9;
          }
        </style>
        <div class="themed-organization-switcher">${organizationSwitcher(args)}</div>`,
  ),
};
