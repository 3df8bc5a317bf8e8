import { html, nothing, svg, type TemplateResult } from 'lit';
import { safeHref } from '../safe-url.js';

/**
 * Templates for what goes inside a MenuButtonController's trigger and menu,
 * shared by the switchers so their markup, parts and roles match.
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

/**
 * A name with an optional second line, both cut with an ellipsis when too
 * long. Each line is a `<bdi>`: names and emails come from the server, and
 * right-to-left text in one must not reorder anything around it.
 */
export function textBlock(label: string, detail?: string) {
  return html`<span class="text"
    ><bdi class="label" part="label">${label}</bdi>${
      detail ? html`<bdi class="detail" part="detail">${detail}</bdi>` : nothing
    }</span
  >`;
}

/**
 * The trigger's content: the current choice's avatar, a prefix for screen
 * readers ("Signed in as", "Organization"), its name (and detail) and the arrow.
 */
export function triggerContent(avatar: unknown, prefix: string, label: string, detail?: string) {
  return html`${avatar}<span class="visually-hidden">${prefix}</span> ${textBlock(label, detail)}
    ${chevronIcon}`;
}

/** The trigger's content while the session or list is loading. */
export function loadingTrigger(label: string) {
  return html`<span class="trigger placeholder" part="trigger loading" aria-busy="true"
    ><span class="avatar skeleton" part="avatar"></span><span class="label">${label}</span></span
  >`;
}

const icon = (content: TemplateResult, part: string) =>
  html`<svg
    class=${part}
    part=${part}
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    ${content}
  </svg>`;

export const checkIcon = icon(svg`<path d="M3.5 8.5l3 3 6-7"></path>`, 'check');
export const chevronIcon = icon(svg`<path d="M4.5 6.5l3.5 3.5 3.5-3.5"></path>`, 'chevron');
