import { html, nothing } from 'lit';
import { deviceIcon } from '../../internal/templates/icons.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';
import type { Moment, RowModel } from './row-model.js';

/** What a row needs besides its model. */
export interface RowState {
  /** A sign-out of this row is under way. */
  pending: boolean;
  /** The message of its last failure. */
  error?: string;
}

/*
 * The row is the one template repeated per sign-in, so it is written to
 * create few nodes: no whitespace between tags, text set as `.textContent`
 * where the element holds nothing else (a property binding leaves no comment
 * marker), and a part only where users style something.
 */

/** One sign-in (`<li part="item">`); its button carries `data-id` for the list's one click listener. */
// prettier-ignore
export function rowTemplate(row: RowModel, t: ActiveSessionsStrings, state: RowState) {
  return html`<li part=${row.current ? 'item item-current' : 'item'} class=${state.pending ? 'item pending' : 'item'}><span part="device-icon" class="icon">${deviceIcon(row.kind)}</span><div class="body"><p class="heading"><bdi part="title" class="title" title=${row.title} .textContent=${row.title}></bdi>${badges(row, t)}</p><p part="meta" class="meta">${location(row)}${ip(row, t)}${activity(row, t)}</p>${state.error ? html`<p part="error" class="inline-error" .textContent=${state.error}></p>` : nothing}</div>${button(row, t, state.pending)}</li>`;
}

// prettier-ignore
function badges(row: RowModel, t: ActiveSessionsStrings) {
  return html`${row.current ? html`<span part="badge badge-current" class="badge current" .textContent=${t.thisDevice}></span>` : nothing}${row.impersonated ? html`<span part="badge badge-admin" class="badge admin" .textContent=${t.adminAccess}></span>` : nothing}${row.expired ? html`<span part="badge badge-expired" class="badge expired" .textContent=${t.expiredBadge}></span>` : nothing}`;
}

/** City and country, each in its own `<bdi>`, the flag hidden from screen readers. */
// prettier-ignore
function location(row: RowModel) {
  if (!row.location) return nothing;
  const [first, second] = row.locationParts;
  return html`<span part="location" class="location" title=${row.location}>${row.flag ? html`<span aria-hidden="true" .textContent=${`${row.flag} `}></span>` : nothing}<bdi .textContent=${first ?? ''}></bdi>${second ? html`, <bdi .textContent=${second}></bdi>` : nothing}</span>`;
}

// prettier-ignore
function ip(row: RowModel, t: ActiveSessionsStrings) {
  if (!row.ip) return nothing;
  return html`<span part="ip" class="ip"><span class="visually-hidden" .textContent=${`${t.ipAddress} `}></span><bdi .textContent=${row.ip}></bdi></span>`;
}

/** Last active, first signed in and, when near, the expiry. */
// prettier-ignore
function activity(row: RowModel, t: ActiveSessionsStrings) {
  return html`${row.lastActive ? html`<span part="last-active" class="last-active">${row.activeNow ? nothing : `${t.lastActive} `}${moment(row.lastActive, row.activeNow ? t.activeNow : undefined)}</span>` : nothing}${row.created ? html`<span part="signed-in-at" class="signed-in-at">${t.signedInOn} ${moment(row.created)}</span>` : nothing}${row.expiresSoon ? html`<span part="expires" class="expires">${t.expires} ${moment(row.expiresSoon)}</span>` : nothing}`;
}

/** This device signs out; any other row is revoked. */
// prettier-ignore
function button(row: RowModel, t: ActiveSessionsStrings, pending: boolean) {
  const label = pending
    ? t.revokePending
    : row.current
      ? t.signOutThisDevice
      : t.revokeLabel(row.title);
  return html`<button part=${row.current ? 'sign-out-button' : 'revoke-button'} class=${row.current ? 'btn' : 'btn danger'} type="button" data-id=${row.id} aria-label=${label} aria-disabled=${pending ? 'true' : 'false'}>${pending ? pendingLabel(t) : t.signOut}</button>`;
}

/** The spinner and "Signing out…" of a button whose action is under way. */
// prettier-ignore
export function pendingLabel(t: ActiveSessionsStrings) {
  return html`<span class="spinner" aria-hidden="true"></span>${t.revokePending}`;
}

/** A timestamp: relative text, machine-readable `datetime`, exact time on hover and focus. */
function moment(value: Moment, text = value.text) {
  return html`<time datetime=${value.iso} title=${value.exact} .textContent=${text}></time>`;
}
