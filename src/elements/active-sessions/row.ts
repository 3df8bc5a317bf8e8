import { html, nothing } from 'lit';
import { deviceIconPath } from '../../internal/templates/icons.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';
import { type Piece, pieces } from './pieces.js';
import type { Moment, RowModel } from './row-model.js';

/** What a row needs besides its model. */
export interface RowState {
  /** A sign-out of this row is under way. */
  pending: boolean;
  /** The message of its last failure. */
  error?: string;
  /** The button's accessible name (see buttonNames); this device's row has its own. */
  label?: string;
  /** The direction of the strings' language, which the title and details run in (see `textDirection`). */
  textDir: 'ltr' | 'rtl';
}

/*
 * The row is the one template repeated per sign-in, so it is written to
 * create few nodes (a typical row is about 26, see the DOM-weight test):
 * - no whitespace between tags, and text set as `.textContent` (a property
 *   binding leaves no comment marker; a child binding leaves one);
 * - the pieces nearly every row has (place, IP, last active, signed in) are
 *   always there: one that is missing is hidden and carries no part, so
 *   selectors and users' `::part()` rules only meet what is shown;
 * - the flag and the busy spinner are drawn by CSS, the icon is one path;
 * - only the rare pieces (badges, expiry, a failure) are conditional.
 */

/** One sign-in (`<li part="item">`); its button carries `data-id` for the list's one click listener. */
// prettier-ignore
export function rowTemplate(row: RowModel, t: ActiveSessionsStrings, state: RowState) {
  const { lastActive, created } = row;
  const action = buttonOf(row, t, state);
  return html`<li part=${row.current ? 'item item-current' : 'item'} class=${state.pending ? 'item pending' : 'item'}><svg part="device-icon" class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d=${deviceIconPath(row.kind)}></path></svg><div part="item-body" class="body"><bdi part="title" class="title" dir=${state.textDir} title=${row.title} .textContent=${row.title}></bdi>${badges(row, t)}<p part="meta" class="meta" dir=${state.textDir}><span part=${row.location ? 'location' : nothing} class="location" title=${row.location ?? nothing} data-flag=${row.flag || nothing} ?hidden=${!row.location} ${pieces(place(row, t))}></span><bdi part=${row.ip ? 'ip' : nothing} class="ip" dir="ltr" ?hidden=${!row.ip} ${pieces(address(row, t))}></bdi><time part=${lastActive ? 'timestamp last-active' : nothing} class="last-active" ?hidden=${!lastActive} datetime=${lastActive?.iso ?? nothing} title=${lastActive?.exact ?? nothing} .textContent=${lastActiveText(row, t)}></time><time part=${created ? 'timestamp signed-in-at' : nothing} class="signed-in-at" ?hidden=${!created} datetime=${created?.iso ?? nothing} title=${created?.exact ?? nothing} .textContent=${created ? t.signedInOn(created.text) : ''}></time>${row.expiresSoon ? expiry('expires', t.expires(row.expiresSoon.text), row.expiresSoon) : row.expiredAt ? expiry('expired-at', t.expiredAgo(row.expiredAt.text), row.expiredAt) : nothing}</p>${state.error ? html`<p part="error" class="inline-error" .textContent=${state.error}></p>` : nothing}</div><button part=${action.part} class=${action.className} type="button" data-id=${row.id} aria-label=${action.label} aria-disabled=${state.pending ? 'true' : 'false'} .textContent=${action.text}></button></li>`;
}

/** The badges a row has: usually none or one, so usually one template and one marker. */
// prettier-ignore
function badges(row: RowModel, t: ActiveSessionsStrings) {
  const shown = [
    row.current && html`<span part="badge badge-current" class="badge current" .textContent=${t.thisDevice}></span>`,
    row.impersonated && html`<span part="badge badge-admin" class="badge admin" .textContent=${t.adminAccess}></span>`,
    row.expired && html`<span part="badge badge-expired" class="badge expired" .textContent=${t.expiredBadge}></span>`,
  ].filter((badge) => badge !== false);
  return shown.length > 1 ? shown : (shown[0] ?? nothing);
}

/** City and country, each in its own `<bdi>`; the separator between them stays outside both. */
function place(row: RowModel, t: ActiveSessionsStrings): Piece[] {
  return row.locationParts.flatMap((text, i): Piece[] => {
    const part: Piece = { tag: 'bdi', text };
    return i ? [t.detailSeparator, part] : [part];
  });
}

/** A visually hidden "IP address" before the address, which the `<bdi dir="ltr">` isolates. */
function address(row: RowModel, t: ActiveSessionsStrings): Piece[] {
  if (!row.ip) return [];
  return [{ tag: 'span', className: 'visually-hidden', text: `${t.ipAddress} ` }, row.ip];
}

function lastActiveText(row: RowModel, t: ActiveSessionsStrings): string {
  if (!row.lastActive) return '';
  return row.activeNow ? t.activeNow : t.lastActive(row.lastActive.text);
}

/** The expiry when it is near (`expires`), or when it was (`expired-at`). */
// prettier-ignore
function expiry(name: 'expires' | 'expired-at', text: string, value: Moment) {
  return html`<time part=${`timestamp ${name}`} class=${name} datetime=${value.iso} title=${value.exact} .textContent=${text}></time>`;
}

/**
 * This device signs out; any other row is revoked, or removed once expired (nobody is signed
 * in there any more). While busy, CSS draws the spinner.
 */
function buttonOf(row: RowModel, t: ActiveSessionsStrings, state: RowState) {
  const kind = row.current ? 'btn' : 'btn danger';
  const part = row.current
    ? 'sign-out-button'
    : row.expired
      ? 'revoke-button remove-button'
      : 'revoke-button';
  const name = row.current
    ? t.signOutThisDevice
    : (state.label ?? (row.expired ? t.removeLabel : t.revokeLabel)(row.title));
  return {
    part,
    className: state.pending ? `${kind} busy` : kind,
    label: state.pending ? t.revokePending : name,
    text: state.pending ? t.revokePending : row.expired && !row.current ? t.remove : t.signOut,
  };
}
