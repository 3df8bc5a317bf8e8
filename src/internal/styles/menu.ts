import { css } from 'lit';

/**
 * The look of a menu button (trigger, popup menu, items, avatar), shared by the
 * switchers. Long names and emails are cut with an ellipsis, never wrapped.
 */
export const menuStyles = css`
  :host {
    display: inline-block;
    position: relative;
    max-width: 100%;
    vertical-align: middle;
  }
  .trigger {
    display: flex;
    align-items: center;
    gap: var(--_space);
    max-width: var(--session-trigger-max-width, 18rem);
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    text-align: start;
    cursor: pointer;
  }
  button.trigger:hover {
    background: var(--_hover);
  }
  .placeholder {
    cursor: default;
    color: var(--_muted);
  }
  /* Where it starts; MenuButtonController then keeps it inside the viewport (placePopup). */
  .menu {
    position: absolute;
    z-index: var(--session-menu-z-index, 1000);
    top: calc(100% + 4px);
    inset-inline-start: 0;
    min-width: max(100%, 16rem);
    max-width: min(24rem, calc(100vw - 1rem));
    max-height: min(70vh, 30rem);
    overflow: auto;
    padding: calc(var(--_space) * 0.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.18);
  }
  .menu[hidden] {
    display: none;
  }
  .item {
    display: flex;
    align-items: center;
    gap: var(--_space);
    width: 100%;
    min-height: 2.5rem;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 0;
    border-radius: calc(var(--_radius) - 2px);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  .item:hover,
  .item:focus {
    background: var(--_hover);
  }
  .item[aria-busy='true'] {
    cursor: progress;
  }
  .separator {
    height: 1px;
    margin: calc(var(--_space) * 0.5) 0;
    background: var(--_border);
  }
  .text {
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-width: 0;
  }
  .label,
  .detail {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .detail {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .avatar {
    position: relative;
    display: inline-grid;
    flex: none;
    place-items: center;
    width: var(--session-avatar-size, 2rem);
    height: var(--session-avatar-size, 2rem);
    overflow: hidden;
    border-radius: 50%;
    /* Dark enough for white initials on every hue (contrast ≥ 4.5:1). */
    background: hsl(var(--_avatar-hue, 220) 55% 30%);
    color: #fff;
    font-size: 0.8125rem;
    font-weight: 600;
    line-height: 1;
    white-space: nowrap;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .avatar.skeleton {
    background: var(--_hover);
  }
  .badge {
    flex: none;
    padding: 0 calc(var(--_space) * 0.75);
    border: 1px solid currentColor;
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.75em;
    white-space: nowrap;
  }
  .check,
  .chevron,
  .item .spinner {
    flex: none;
  }
  .check {
    color: var(--_accent);
  }
  .chevron {
    color: var(--_muted);
  }
  .sign-in-link {
    color: var(--_accent);
  }
`;
