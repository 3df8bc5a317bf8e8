import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SignOutScope } from '../src/events.js';
import {
  clickParts,
  failing,
  loadingSession,
  pendingCall,
  renderWithSession,
  session,
} from './session-story.js';
import { hostileWorld, signedOutWorld } from './worlds.js';

interface Args {
  extent: SignOutScope;
  'signin-id'?: string;
  'redirect-url'?: string;
  confirm?: 'true' | 'false';
}

const signOutButton = (args: Args) =>
  html`<sign-out-button
    extent=${args.extent}
    signin-id=${ifDefined(args['signin-id'] || undefined)}
    redirect-url=${ifDefined(args['redirect-url'] || undefined)}
    confirm=${ifDefined(args.confirm)}
  ></sign-out-button>`;

const meta: Meta<Args> = {
  title: 'Elements/sign-out-button',
  component: 'sign-out-button',
  render: renderWithSession(signOutButton),
  args: { extent: 'signin' },
  argTypes: {
    extent: { control: 'inline-radio', options: ['signin', 'session', 'everywhere'] },
    confirm: { control: 'inline-radio', options: [undefined, 'true', 'false'] },
    'signin-id': { control: 'text' },
    'redirect-url': { control: 'text' },
  },
  // Room for the confirm dialog.
  parameters: { docs: { story: { height: '320px' } } },
};
export default meta;

type Story = StoryObj<Args>;

const press = clickParts('sign-out-button', ['button']);

/** Signs Ada out of this browser; Alan, the other account here, becomes active. */
export const Default: Story = {};

/** Every account on this browser. */
export const ThisBrowser: Story = { args: { extent: 'session' } };

/** Every device the user is signed in on; always confirmed first. */
export const Everywhere: Story = { args: { extent: 'everywhere' } };

/** The alert dialog before signing out everywhere, with the number of devices. */
export const ConfirmEverywhere: Story = { args: { extent: 'everywhere' }, play: press };

/** `confirm` asks for one account too. */
export const ConfirmAccount: Story = { args: { confirm: 'true' }, play: press };

/** The slot replaces the label. */
export const CustomLabel: Story = {
  render: renderWithSession(
    (args) =>
      html`<sign-out-button extent=${args.extent}
        ><span aria-hidden="true">⎋</span> Leave Acme</sign-out-button
      >`,
  ),
};

/** Waiting for the server: the button is busy and shows a spinner. */
export const SigningOut = session<Args>(pendingCall('signOut'), { play: press });

/** Signing out failed with a 500: the message next to the button. */
export const SignOutFails = session<Args>(failing('signOut'), { play: press });

/** The server wants the user to confirm who they are first. */
export const ReauthRequired = session<Args>(failing('signOut', 'reauth-required'), {
  play: press,
});

/** Nothing to sign out of yet: the button waits for the session. */
export const Loading = session<Args>(loadingSession);

/** Nobody is signed in: nothing renders. */
export const SignedOut = session<Args>({ seed: signedOutWorld });

/** A backend that cannot sign out everywhere: the `everywhere` button is not offered. */
export const EverywhereUnsupported = session<Args>(
  { capabilities: { signOutEverywhere: false } },
  { args: { extent: 'everywhere' } },
);

/** The confirm dialog names a user whose name is markup and 10 KB long. */
export const HostileName = session<Args>(
  { seed: hostileWorld },
  { args: { confirm: 'true' }, play: press },
);

export const Dark: Story = {
  globals: { scheme: 'dark' },
  args: { extent: 'everywhere' },
  play: press,
};

/** Restyled only through the `--session-*` tokens and `::part()`. */
export const Theming: Story = {
  args: { extent: 'everywhere' },
  render: renderWithSession(
    (args) =>
      html`<style>
          .themed-sign-out-button {
            --session-font: ui-monospace, 'Cascadia Code', monospace;
            --session-color-surface: #111827;
            --session-color-text: #f9fafb;
            --session-color-border: #374151;
            --session-color-danger: #f43f5e;
            --session-radius: 0;
            --session-space: 12px;
          }
          .themed-sign-out-button sign-out-button::part(button) {
            text-transform: uppercase;
            letter-spacing: 0.08em;
            border-width: 2px;
          }
          .themed-sign-out-button sign-out-button::part(button):hover {
            border-color: #f43f5e;
          }
          .themed-sign-out-button sign-out-button::part(dialog) {
            border: 2px solid #f43f5e;
          }
          .themed-sign-out-button sign-out-button::part(dialog-confirm) {
            font-weight: 700;
          }
        </style>
        <div class="themed-sign-out-button">${signOutButton(args)}</div>`,
  ),
};
