import { html, nothing, svg, type TemplateResult } from 'lit';

/**
 * Templates for what goes inside a MenuButtonController's trigger, shared by
 * the switchers so their markup, parts and roles match; the menu's items are
 * in menu-items.ts, loaded with the open menu's code.
 */

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

/** A 16×16 stroked icon, hidden from assistive technology. */
export const icon = (content: TemplateResult, part: string) =>
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

export const chevronIcon = icon(svg`<path d="M4.5 6.5l3.5 3.5 3.5-3.5"></path>`, 'chevron');
