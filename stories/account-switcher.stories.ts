import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import {
  clickParts,
  failing,
  loadingSession,
  malformed,
  pendingCall,
  renderWithSession,
  session,
  staleSession,
} from './session-story.js';
import {
  alanActiveWorld,
  hostileWorld,
  manyAccountsWorld,
  oneAccountWorld,
  signedOutWorld,
} from './worlds.js';

interface Args {
  'add-account-url'?: string;
  'manage-account-url'?: string;
  'sign-in-url'?: string;
}

const accountSwitcher = (args: Args) =>
  html`<account-switcher
    add-account-url=${ifDefined(args['add-account-url'] || undefined)}
    manage-account-url=${ifDefined(args['manage-account-url'] || undefined)}
    sign-in-url=${ifDefined(args['sign-in-url'] || undefined)}
  ></account-switcher>`;

const meta: Meta<Args> = {
  title: 'Elements/account-switcher',
  component: 'account-switcher',
  render: renderWithSession(accountSwitcher),
  args: {
    'add-account-url': '/sign-in?add=1',
    'manage-account-url': '/account',
    'sign-in-url': '/sign-in',
  },
  argTypes: {
    'add-account-url': { control: 'text' },
    'manage-account-url': { control: 'text' },
    'sign-in-url': { control: 'text' },
  },
  // Room for the open menu below the trigger.
  parameters: { docs: { story: { height: '420px' } } },
};
export default meta;

type Story = StoryObj<Args>;

const openMenu = clickParts('account-switcher', ['trigger']);
/** Opens the menu and picks Alan, the other account on this browser. */
const switchToAlan = clickParts('account-switcher', ['trigger'], ['menu-item', /Alan Turing/]);

/** Ada is active; Alan is signed in on this browser too. */
export const Default: Story = {};

/** The menu: both accounts (Ada checked), add, manage, sign out of Ada or of both. */
export const Open: Story = { play: openMenu };

/** One account: no "Sign out of all accounts". */
export const SingleAccount = session<Args>({ seed: oneAccountWorld }, { play: openMenu });

/** Five accounts: a picture, a user without a name (email shown), an expired sign-in to renew. */
export const ManyAccounts = session<Args>({ seed: manyAccountsWorld }, { play: openMenu });

/** Alan is the active account. */
export const OtherAccountActive = session<Args>({ seed: alanActiveWorld }, { play: openMenu });

export const Loading = session<Args>(loadingSession);

/** The session could not be loaded: the message and a retry button instead of the trigger. */
export const SessionError = session<Args>(failing('getSession'));

/** The session payload breaks the contract. */
export const MalformedSession = session<Args>(malformed('getSession'));

/** Revalidation was rate limited: the account stays, a 429 never signs anyone out. */
export const Stale = session<Args>(staleSession);

/** Nobody is signed in: the "Sign in" link. */
export const SignedOut = session<Args>({ seed: signedOutWorld });

/** Signed out, with the page's own content in the `signed-out` slot. */
export const SignedOutSlot = session<Args>(
  { seed: signedOutWorld },
  {
    render: renderWithSession(
      () =>
        html`<account-switcher
          ><button slot="signed-out" type="button">Continue with email</button></account-switcher
        >`,
    ),
  },
);

/** Switching to Alan, waiting for the server: the item shows a spinner. */
export const Switching = session<Args>(pendingCall('switchSignIn'), { play: switchToAlan });

/** The switch failed with a 500: the message under the trigger. */
export const SwitchFails = session<Args>(failing('switchSignIn'), { play: switchToAlan });

/** The server wants the user to confirm who they are before switching. */
export const ReauthOnSwitch = session<Args>(failing('switchSignIn', 'reauth-required'), {
  play: switchToAlan,
});

/** Without multi-session support there is no "Add account". */
export const NoMultiSession = session<Args>(
  { seed: oneAccountWorld, capabilities: { multiSession: false } },
  { play: openMenu },
);

/** Names and emails full of markup and 10 KB strings, in the trigger and the menu. */
export const HostileNames = session<Args>({ seed: hostileWorld }, { play: openMenu });

export const Dark: Story = { globals: { scheme: 'dark' }, play: openMenu };

/** Restyled only through the `--session-*` tokens and `::part()`. */
export const Theming: Story = {
  play: openMenu,
  render: renderWithSession(
    (args) =>
      html`<style>
          .themed-account-switcher {
            --session-font: 'Trebuchet MS', sans-serif;
            --session-color-text: #0b1f33;
            --session-color-surface: #f0f7ff;
            --session-color-border: #9cc3ec;
            --session-color-accent: #0061c2;
            --session-radius: 999px;
          }
          .themed-account-switcher account-switcher::part(trigger) {
            padding-inline: 4px 14px;
            box-shadow: 0 2px 8px rgb(0 97 194 / 0.25);
          }
          .themed-account-switcher account-switcher::part(avatar) {
            outline: 2px solid #0061c2;
            outline-offset: 1px;
          }
          .themed-account-switcher account-switcher::part(menu) {
            border-radius: 18px;
            min-width: 20rem;
          }
          .themed-account-switcher account-switcher::part(menu-item-current) {
            background: #dbeafe;
          }
          .themed-account-switcher account-switcher::part(sign-out-item) {
            color: #b91c1c;
          }
        </style>
        <div class="themed-account-switcher">${accountSwitcher(args)}</div>`,
  ),
};
