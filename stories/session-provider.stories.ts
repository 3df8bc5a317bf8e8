import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  endedElsewhere,
  failing,
  loadingSession,
  renderWithSession,
  session,
  staleSession,
} from './session-story.js';
import { alanActiveWorld, hostileWorld, manyDevicesWorld, signedOutWorld } from './worlds.js';

/**
 * An app shell: every element of the kit inside one provider, which costs one
 * session request however many elements ask.
 */
const appShell = html`<header
    style="display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 16px;"
  >
    <organization-switcher></organization-switcher>
    <workspace-switcher></workspace-switcher>
    <span style="flex: 1"></span>
    <account-switcher
      add-account-url="/sign-in?add=1"
      manage-account-url="/account"
      sign-in-url="/sign-in"
    ></account-switcher>
  </header>
  <signed-in>
    <h2 style="font-size: 1.1rem; margin: 0 0 8px;">Where you’re signed in</h2>
    <active-sessions page-size="5"></active-sessions>
    <p><sign-out-button extent="everywhere"></sign-out-button></p>
  </signed-in>
  <signed-out
    ><p>You are signed out. <a href="/sign-in">Sign in</a></p></signed-out
  >`;

const meta: Meta = {
  title: 'Elements/session-provider',
  component: 'session-provider',
  render: renderWithSession(() => appShell),
  parameters: { docs: { story: { height: '560px' } } },
};
export default meta;

type Story = StoryObj;

/** Ada signed in: switchers, her devices and sign-out, all from one controller. */
export const Default: Story = {};

/** Before the session is known every element shows its placeholder. */
export const Loading = session(loadingSession);

/** The session request failed: each element offers a retry. */
export const SessionError = session(failing('getSession'));

/** Nobody signed in: only the signed-out content and the sign-in link. */
export const SignedOut = session({ seed: signedOutWorld });

/** Rate limited on revalidation: everything stays, the list says it may be out of date. */
export const Stale = session(staleSession);

/** The session ended on another device: every element drops the user's data at once. */
export const EndedElsewhere = session(endedElsewhere);

/** Alan active, Ada one click away in the account switcher. */
export const MultiAccount = session({ seed: alanActiveWorld });

/** A slow backend (800 ms a call) with many devices: watch each part arrive. */
export const SlowBackend = session({ seed: manyDevicesWorld(20), latency: 800 });

/** Every server-controlled string is markup or 10 KB long, in every element at once. */
export const HostileNames = session({ seed: hostileWorld });

export const Dark: Story = { globals: { scheme: 'dark' } };

/** One set of `--session-*` tokens above the elements restyles all of them, plus a few parts. */
export const Theming: Story = {
  render: renderWithSession(
    () =>
      html`<style>
          .themed-provider {
            --session-font: 'Helvetica Neue', Arial, sans-serif;
            --session-color-text: #1f2937;
            --session-color-muted: #6b7280;
            --session-color-surface: #fffbeb;
            --session-color-border: #fcd34d;
            --session-color-accent: #d97706;
            --session-color-danger: #be123c;
            --session-radius: 10px;
            --session-space: 9px;
          }
          .themed-provider account-switcher::part(trigger),
          .themed-provider organization-switcher::part(trigger),
          .themed-provider workspace-switcher::part(trigger) {
            background: #fef3c7;
          }
          .themed-provider active-sessions::part(item-current) {
            border-inline-start: 4px solid #d97706;
          }
        </style>
        <div class="themed-provider">${appShell}</div>`,
  ),
};
