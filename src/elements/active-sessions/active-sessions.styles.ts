import { css } from 'lit';

/**
 * Layout of `<active-sessions>`: logical properties only (RTL-safe), a
 * container query folds each row's button under its text down to 320px.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_icon-size: var(--active-sessions-icon-size, 1.5rem);
    --_row-padding: var(--active-sessions-row-padding, calc(var(--_space) * 1.5));
    --_hover: var(--session-color-hover, color-mix(in srgb, var(--_text) 7%, transparent));
    --_focus-ring: var(--session-color-focus-ring, var(--_accent));
    --_placeholder: var(
      --session-color-placeholder,
      color-mix(in srgb, var(--_text) 10%, var(--_surface))
    );
    --_spinner: var(--session-color-spinner, currentColor);
  }
  :focus-visible {
    outline-color: var(--_focus-ring);
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    min-inline-size: 0;
  }
  p {
    margin: 0;
  }
  .toolbar,
  .pagination,
  .pages,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .toolbar {
    justify-content: space-between;
  }
  .filter {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    color: var(--_muted);
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2.25rem;
    padding-inline: var(--_space);
  }
  .list,
  .skeleton {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .item {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    padding: var(--_row-padding);
  }
  /* Long lists: rows off screen skip style and layout until they scroll into view. */
  .list > .item {
    content-visibility: auto;
    contain-intrinsic-size: auto 4.5rem;
  }
  .item + .item {
    border-block-start: 1px solid var(--_border);
  }
  .item.pending .body {
    opacity: 0.6;
  }
  .icon {
    display: block;
    inline-size: var(--_icon-size);
    block-size: var(--_icon-size);
    color: var(--_muted);
  }
  /* Title and badges share the first line; the details and a failure take a line each. */
  .body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.375) calc(var(--_space) * 0.75);
    min-inline-size: 0;
  }
  .body > .meta,
  .body > .inline-error {
    flex-basis: 100%;
  }
  /* Long words break rather than overflow: nothing in a row is ever cut off. */
  .title,
  .meta > * {
    min-inline-size: 0;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    padding-inline: calc(var(--_space) * 0.75);
    border-radius: 999px;
    font-size: 0.75rem;
    line-height: 1.5rem;
    white-space: nowrap;
    color: var(--_text);
    background: color-mix(in srgb, var(--_text) 8%, var(--_surface));
  }
  .badge.current {
    color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
  }
  .badge.admin,
  .badge.expired {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 10%, var(--_surface));
  }
  /* Forced colours drop backgrounds: a border keeps each badge a badge. */
  @media (forced-colors: active) {
    .badge {
      border: 1px solid CanvasText;
    }
    .badge.current {
      border-color: Highlight;
    }
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space);
    row-gap: calc(var(--_space) * 0.25);
    color: var(--_muted);
    font-size: 0.875rem;
    min-inline-size: 0;
  }
  /*
   * A dot after each detail shown but the last (missing ones stay in the row,
   * hidden). A no-break space ties it to the detail before, so no line starts
   * with one; its empty alternative text keeps screen readers quiet.
   */
  .meta > :not([hidden]):has(~ :not([hidden]))::after {
    content: '\\a0·';
    content: '\\a0·' / '';
  }
  /*
   * The details run in their language's direction, which may not be the row's
   * (English on a right-to-left page): they still line up with the row's start.
   */
  :host(:dir(rtl)) .meta:dir(ltr),
  :host(:dir(ltr)) .meta:dir(rtl) {
    justify-content: flex-end;
  }
  /*
   * The address is a left-to-right island (<bdi dir="ltr">): in right-to-left
   * details its dot must sit on its left, the island's start.
   */
  .meta:dir(rtl) > .ip:not([hidden]):has(~ :not([hidden]))::after {
    content: none;
  }
  .meta:dir(rtl) > .ip:not([hidden]):has(~ :not([hidden]))::before {
    content: '·\\a0';
    content: '·\\a0' / '';
  }
  /* The flag is decoration: drawn, not spoken (the place is named next to it). */
  .location[data-flag]::before {
    content: attr(data-flag) ' ';
    content: attr(data-flag) ' ' / '';
  }
  .inline-error,
  .error p,
  .stale {
    color: var(--_danger);
    font-size: 0.875rem;
  }
  .stale {
    color: var(--_muted);
  }
  .error,
  .reauth,
  .empty {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .empty {
    color: var(--_muted);
  }
  .reauth-title {
    font-weight: 600;
  }
  a.btn {
    text-decoration: none;
  }
  .pagination {
    justify-content: space-between;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  /* A label wider than a narrow screen (or spaced out by the user) wraps rather than overflows. */
  .btn {
    max-inline-size: 100%;
    white-space: normal;
  }
  /* The spinner of a button whose action is under way. */
  .btn.busy::before {
    content: '';
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--_spinner);
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: session-spin 0.7s linear infinite;
  }
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .bone {
    display: block;
    border-radius: var(--_radius);
    background: var(--_placeholder);
    animation: session-pulse 1.4s ease-in-out infinite;
  }
  .bone.icon {
    inline-size: var(--_icon-size);
    block-size: var(--_icon-size);
  }
  .bone.line {
    inline-size: 60%;
    block-size: 0.9rem;
  }
  .bone.short {
    inline-size: 40%;
    block-size: 0.75rem;
  }
  .skeleton .item {
    grid-template-columns: auto minmax(0, 1fr);
  }
  @keyframes session-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
    .btn.busy::before {
      animation-duration: 2.1s;
    }
  }
  @container (max-width: 30rem) {
    .item {
      grid-template-columns: auto minmax(0, 1fr);
    }
    .item > .btn {
      grid-column: 2;
      justify-self: start;
    }
  }
`;
