import { css } from 'lit';

/**
 * The look of a switcher's open menu (the popup, its items, groups and
 * separators), added to the host's shadow root with the menu's code
 * (src/controllers/switcher-menu.ts): a closed menu needs only `menuStyles`.
 */
export const menuPopupStyles = css`
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
  .item .spinner {
    flex: none;
  }
  .check {
    color: var(--_accent);
  }
`;
