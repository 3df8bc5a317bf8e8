import { html, nothing, svg, type TemplateResult } from 'lit';
import { safeHref } from '../safe-url.js';
import { icon, textBlock } from './menu.js';

/**
 * Templates for the items of a MenuButtonController's menu, shared by the
 * switchers so their markup, parts and roles match. Loaded with the open
 * menu's code (src/controllers/switcher-menu.ts): a closed menu renders none.
 */

export interface RadioItemOptions {
  label: string;
  /** A second line: email, role. */
  detail?: string;
  avatar: TemplateResult;
  checked: boolean;
  /** Shows the spinner instead of the check mark. */
  pending: boolean;
  onSelect: () => void;
}

/** One choice of a single-choice group (an account, an organization, a workspace). */
export function radioItem(item: RadioItemOptions) {
  return html`<button
    type="button"
    role="menuitemradio"
    tabindex="-1"
    class="item"
    part=${item.checked ? 'menu-item menu-item-current' : 'menu-item'}
    aria-checked=${item.checked ? 'true' : 'false'}
    aria-busy=${item.pending ? 'true' : nothing}
    data-label=${item.label}
    @click=${item.onSelect}
  >
    ${item.avatar} ${textBlock(item.label, item.detail)}
    ${
      item.pending
        ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>`
        : item.checked
          ? checkIcon
          : nothing
    }
  </button>`;
}

export interface ActionItemOptions {
  label: string;
  /** Makes the item a link; one the URL policy refuses makes it a disabled item. */
  href?: string;
  onSelect?: () => void;
  /** Another line under the label. */
  detail?: string;
  avatar?: TemplateResult;
  badge?: string;
  /** Focusable but inert (APG keeps disabled items in the arrow-key order). */
  disabled?: boolean;
  /** Extra part names, e.g. `sign-out-item`. */
  part?: string;
}

/** A command or a link in the menu. */
export function actionItem(item: ActionItemOptions) {
  const part = `menu-item${item.part ? ` ${item.part}` : ''}`;
  const href = safeHref(item.href);
  const disabled = item.disabled || (item.href !== undefined && !href);
  const content = html`${item.avatar ?? nothing} ${textBlock(item.label, item.detail)}
  ${item.badge ? html`<span class="badge" part="badge">${item.badge}</span>` : nothing}`;
  return href
    ? html`<a
        role="menuitem"
        tabindex="-1"
        class="item"
        part=${part}
        href=${href}
        data-label=${item.label}
        @click=${item.onSelect}
        >${content}</a
      >`
    : html`<button
        type="button"
        role="menuitem"
        tabindex="-1"
        class="item"
        part=${part}
        aria-disabled=${disabled ? 'true' : nothing}
        data-label=${item.label}
        @click=${disabled ? nothing : item.onSelect}
      >
        ${content}
      </button>`;
}

export function group(label: string, items: unknown) {
  return html`<div role="group" aria-label=${label} class="group">${items}</div>`;
}

export const separator = html`<div role="separator" class="separator" part="separator"></div>`;

export const checkIcon = icon(svg`<path d="M3.5 8.5l3 3 6-7"></path>`, 'check');
