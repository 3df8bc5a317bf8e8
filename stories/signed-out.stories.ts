import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import {
  clickParts,
  endedElsewhere,
  loadingSession,
  renderWithSession,
  session,
} from './session-story.js';
import { signedOutWorld } from './worlds.js';

const visitors = html`<signed-out>
  <p>You are signed out. <a href="/sign-in">Sign in</a> to see your devices.</p>
</signed-out>`;

const meta: Meta = {
  title: 'Elements/signed-out',
  component: 'signed-out',
  render: renderWithSession(() => visitors),
};
export default meta;

type Story = StoryObj;

const nobody = { seed: signedOutWorld };

/** Nobody is signed in: the slot shows. */
export const Default = session(nobody);

/** Ada is signed in: the slot stays hidden. */
export const WhileSignedIn: Story = {};

/** Nothing shows while the session loads, so signed-in users never see a flash of it. */
export const Loading = session(loadingSession);

/** Signed in at first; the session then ended on another device (401), and the slot appears. */
export const EndedElsewhere = session(endedElsewhere);

/** Next to its twin: signing out of every account here swaps one for the other. */
export const AfterSigningOut: Story = {
  render: renderWithSession(
    () =>
      html`<signed-in><sign-out-button extent="session"></sign-out-button></signed-in> ${visitors}`,
  ),
  play: clickParts('sign-out-button', ['button']),
};

export const Dark = session(nobody, { globals: { scheme: 'dark' } });

/** Restyled only through the `--session-*` tokens, which slotted content inherits. */
export const Theming = session(nobody, {
  render: renderWithSession(
    () =>
      html`<signed-out
        style="--session-font: 'Comic Sans MS', 'Chalkboard SE', cursive; --session-color-text: #1e3a8a;"
      >
        <p>Hello, stranger. Tokens set this font and colour.</p>
      </signed-out>`,
  ),
});
