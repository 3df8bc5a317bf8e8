import { css } from 'lit';

/**
 * The look of a menu button's trigger and what its items share with it (names,
 * avatar), for the switchers; the open menu's own look comes with its code
 * (menuPopupStyles). Long names and emails are cut with an ellipsis, never wrapped.
 */
export const menuStyles = css`
  :host {
    display: inline-block;
    position: relative;
    max-width: 100%;
    vertical-align: middle;
  }
  .contents {
    display: contents;
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
  .chevron {
    flex: none;
  }
  .chevron {
    color: var(--_muted);
  }
  .sign-in-link {
    color: var(--_accent);
  }
`;
