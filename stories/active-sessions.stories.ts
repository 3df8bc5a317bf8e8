import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { StatusFilter } from '../src/elements/active-sessions/active-sessions.js';
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
  manyDevicesWorld,
  onlyThisDeviceWorld,
  signedOutWorld,
} from './worlds.js';

interface Args {
  'page-size': number;
  status: StatusFilter;
  'hide-ip': boolean;
  'hide-location': boolean;
  'mask-ip': boolean;
  'reauth-url'?: string;
  flags: 'auto' | 'emoji' | 'none';
}

const activeSessions = (args: Args) =>
  html`<active-sessions
    page-size=${args['page-size']}
    status=${args.status}
    ?hide-ip=${args['hide-ip']}
    ?hide-location=${args['hide-location']}
    ?mask-ip=${args['mask-ip']}
    reauth-url=${ifDefined(args['reauth-url'] || undefined)}
    flags=${args.flags}
  ></active-sessions>`;

const meta: Meta<Args> = {
  title: 'Elements/active-sessions',
  component: 'active-sessions',
  render: renderWithSession(activeSessions),
  args: {
    'page-size': 10,
    status: 'all',
    'hide-ip': false,
    'hide-location': false,
    'mask-ip': false,
    'reauth-url': '/account/verify',
    flags: 'auto',
  },
  argTypes: {
    flags: { control: 'select', options: ['auto', 'emoji', 'none'] },
    status: { control: 'select', options: ['all', 'online', 'offline', 'expired'] },
    'page-size': { control: { type: 'number', min: 1, max: 1000 } },
    'reauth-url': { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Ada on eight devices: this one first, an impersonated sign-in, an expired one. */
export const Default: Story = {};

/** The session has not loaded yet: a skeleton, announced as loading. */
export const Loading = session<Args>(loadingSession);

/** The session is known, the list of devices is still on its way. */
export const LoadingList = session<Args>(pendingCall('listSignIns'));

/** A filter that matches nothing shows the empty message. */
export const Empty = session<Args>({ seed: onlyThisDeviceWorld }, { args: { status: 'offline' } });

/** Signed in on this device only: no "Sign out of all other devices". */
export const OnlyThisDevice = session<Args>({ seed: onlyThisDeviceWorld });

/** Forty-eight devices, ten a page, with paging and the status filter. */
export const ManyDevices = session<Args>({ seed: manyDevicesWorld(40) });

/** Listing the devices failed with a 500: the error and a retry button. */
export const ListError = session<Args>(failing('listSignIns'));

/** The session itself could not be loaded. */
export const SessionError = session<Args>(failing('getSession'));

/** The server sent a list that breaks the contract: an error, never a crash. */
export const MalformedList = session<Args>(malformed('listSignIns'));

/** Revalidation was rate limited (429): the list stays, marked as possibly out of date. */
export const Stale = session<Args>(staleSession);

/** The server wants the user to confirm who they are before listing devices. */
export const ReauthRequired = session<Args>(failing('listSignIns', 'reauth-required'));

/** Signing a device out failed: the message sits on its row. */
export const RevokeFails = session<Args>(failing('removeSignIn'), {
  play: clickParts('active-sessions', ['revoke-button'], ['dialog-confirm']),
});

/** "Sign out of all other devices" asks first, in an alert dialog. */
export const ConfirmRevokeOthers: Story = {
  play: clickParts('active-sessions', ['revoke-others-button']),
};

/** A device being signed out shows a pending row until the server answers. */
export const Revoking = session<Args>(pendingCall('removeSignIn'), {
  play: clickParts('active-sessions', ['revoke-button'], ['dialog-confirm']),
});

/** Nobody is signed in: the element renders nothing user-specific. */
export const SignedOut = session<Args>({ seed: signedOutWorld });

/** With several accounts on this browser, the active one (Alan) decides whose devices show. */
export const OtherAccountActive = session<Args>({ seed: alanActiveWorld });

/** Privacy: no location, and only the network part of each IP address. */
export const Privacy: Story = { args: { 'hide-location': true, 'mask-ip': true } };

/** Names, places and user agents full of markup and 10 KB strings render as plain text. */
export const HostileNames = session<Args>({ seed: hostileWorld });

export const Dark: Story = { globals: { scheme: 'dark' } };

export const DarkError = session<Args>(failing('listSignIns'), { globals: { scheme: 'dark' } });

/** Restyled only through the `--session-*` tokens and `::part()`. */
export const Theming: Story = {
  render: renderWithSession(
    (args) =>
      html`<style>
          .themed-active-sessions {
            --session-font: 'Iowan Old Style', Georgia, serif;
            --session-color-text: #3b2f2f;
            --session-color-muted: #7a6a5a;
            --session-color-surface: #fdf6e3;
            --session-color-border: #e4d5b7;
            --session-color-accent: #b45309;
            --session-color-danger: #9f1239;
            --session-radius: 2px;
            --session-space: 10px;
          }
          .themed-active-sessions active-sessions::part(base) {
            border: 2px solid #e4d5b7;
            padding: 12px;
            background: #fdf6e3;
          }
          .themed-active-sessions active-sessions::part(item-current) {
            background: #fef3c7;
          }
          .themed-active-sessions active-sessions::part(title) {
            font-variant: small-caps;
            letter-spacing: 0.04em;
          }
          .themed-active-sessions active-sessions::part(badge) {
            border-radius: 0;
            text-transform: uppercase;
          }
          .themed-active-sessions active-sessions::part(revoke-button) {
            border-style: dashed;
          }
        </style>
        <div class="themed-active-sessions">${activeSessions(args)}</div>`,
  ),
};

/**
 * Every hook added for restyling: timestamps, the row's inner layout, the
 * "Show" label, the loading placeholder and spinner, hover and focus-ring
 * colours, and this device's button apart from the others' (and "Remove").
 */
const reach = html`<style>
  .reach active-sessions {
    --session-color-hover: #dcfce7;
    --session-color-focus-ring: #db2777;
    --session-color-placeholder: #bae6fd;
    --session-color-spinner: #db2777;
  }
  .reach active-sessions::part(item-body) {
    display: grid;
    gap: 2px;
  }
  .reach active-sessions::part(timestamp) {
    font-style: italic;
    color: #0f766e;
  }
  .reach active-sessions::part(expired-at) {
    color: #9f1239;
  }
  .reach active-sessions::part(filter-label) {
    font-weight: 700;
    text-transform: uppercase;
  }
  .reach active-sessions::part(skeleton-bone) {
    border-radius: 999px;
  }
  .reach active-sessions::part(sign-out-button) {
    background: #1e293b;
    color: #f8fafc;
  }
  .reach active-sessions::part(revoke-button) {
    border-style: dashed;
  }
  .reach active-sessions::part(remove-button) {
    border-style: dotted;
    color: #64748b;
  }
</style>`;

const reachRender = renderWithSession<Args>(
  (args) =>
    html`${reach}
      <div class="reach">${activeSessions(args)}</div>`,
);

/** The restyle reaching every hook, on the list (hover a button, tab for the focus ring). */
export const ThemingReach: Story = { render: reachRender };

/** The same restyle while the list loads: the placeholder's shapes and colour. */
export const ThemingReachLoading = session<Args>(pendingCall('listSignIns'), {
  render: reachRender,
});

/** The same restyle while a device is being signed out: the spinner's colour. */
export const ThemingReachRevoking = session<Args>(pendingCall('removeSignIn'), {
  render: reachRender,
  play: clickParts('active-sessions', ['revoke-button'], ['dialog-confirm']),
});
