import { css } from 'lit';

/**
 * The global design tokens with light and dark defaults. Pages set the public
 * `--session-*` properties; elements read the private `--_` copies so an unset
 * token falls back to the scheme's default. The palette follows the user's
 * preference unless `--session-color-scheme` is set to `light` or `dark`.
 *
 * The one description of these properties: custom-elements-manifest.config.mjs
 * copies the list below into every tag's manifest entry.
 *
 * @cssprop --session-font - Font family.
 * @cssprop --session-color-text - Text colour.
 * @cssprop --session-color-muted - Secondary text: emails, roles, details.
 * @cssprop --session-color-surface - Background of buttons, triggers, menus, rows and dialogs.
 * @cssprop --session-color-border - Borders and separators.
 * @cssprop --session-color-accent - Focus ring, check marks, links and the "This device" badge.
 * @cssprop --session-color-danger - Destructive buttons and error text.
 * @cssprop --session-radius - Corner radius (default 8px).
 * @cssprop --session-space - Spacing unit (default 8px).
 * @cssprop --session-color-scheme - `light`, `dark` or `light dark` (default: follow the user).
 */
export const tokens = css`
  :host {
    --_font: var(--session-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_text: var(--session-color-text, light-dark(#1b1f24, #e6e8eb));
    --_muted: var(--session-color-muted, light-dark(#5b6470, #9aa3ad));
    --_surface: var(--session-color-surface, light-dark(#ffffff, #16191d));
    --_border: var(--session-color-border, light-dark(#d6dae0, #343a42));
    --_accent: var(--session-color-accent, light-dark(#2355d8, #7fa4ff));
    --_danger: var(--session-color-danger, light-dark(#b42318, #ff8a80));
    --_radius: var(--session-radius, 8px);
    --_space: var(--session-space, 8px);
    --_hover: color-mix(in srgb, var(--_text) 7%, transparent);
    color-scheme: var(--session-color-scheme, light dark);
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /*
   * A sentence runs in the direction of its own words, so an English one on a
   * right-to-left page (a language without a translation) keeps its full stop
   * at its end. Sentences and names (isolated in <bdi>) line up with the page,
   * whatever their own direction.
   */
  p,
  h2,
  span.error {
    unicode-bidi: plaintext;
  }
  :is(p, h2, span.error, bdi) {
    text-align: left;
  }
  :host(:dir(rtl)) :is(p, h2, span.error, bdi) {
    text-align: right;
  }
  @keyframes session-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: session-spin 0.7s linear infinite;
    vertical-align: -0.125em;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.1s;
    }
  }
`;

/** Buttons shared by every element: neutral, primary and destructive. */
export const buttons = css`
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: calc(var(--_space) * 0.75);
    min-height: 2.25rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    white-space: nowrap;
  }
  .btn:hover:not(:disabled) {
    background: var(--_hover);
  }
  .btn:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .btn.danger {
    color: var(--_danger);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_surface);
  }
  .btn.danger.primary {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
`;
