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
import { signedOutWorld } from './worlds.js';

const members = html`<signed-in>
  <p><strong>Members’ area.</strong> Only signed-in users see this paragraph.</p>
</signed-in>`;

const meta: Meta = {
  title: 'Elements/signed-in',
  component: 'signed-in',
  render: renderWithSession(() => members),
};
export default meta;

type Story = StoryObj;

/** Ada is signed in: the slot shows. */
export const Default: Story = {};

/** Nobody is signed in: the slot stays hidden. */
export const SignedOut = session({ seed: signedOutWorld });

/** Nothing shows until the session is known, so signed-out visitors never glimpse it. */
export const Loading = session(loadingSession);

/** The session could not be loaded: hidden, as nobody is known to be signed in. */
export const SessionError = session(failing('getSession'));

/** A rate-limited revalidation keeps the content: a 429 never signs anyone out. */
export const Stale = session(staleSession);

/** The session ended elsewhere (401 on revalidation): the content disappears. */
export const EndedElsewhere = session(endedElsewhere);

export const Dark: Story = { globals: { scheme: 'dark' } };

/**
 * Restyled only through the `--session-*` tokens: the element has no parts of its
 * own, and slotted content takes its font and colour from them.
 */
export const Theming: Story = {
  render: renderWithSession(
    () =>
      html`<signed-in
        style="--session-font: Georgia, 'Times New Roman', serif; --session-color-text: #7c2d12;"
      >
        <p>Welcome back. This text inherits the tokens’ font and colour.</p>
      </signed-in>`,
  ),
};
