/**
 * The kit's screen-reader announcements come from one pair of polite live
 * regions in the document, outside every element: an element that re-renders
 * into another state (signed in → signed out) or leaves the page would take
 * its own region, and the message in it, along.
 */

import { localeOf } from './localize.js';

const ANNOUNCER_ID = 'session-elements-announcer';

/** Visually hidden, yet read: the usual clip technique, inline so no stylesheet is needed. */
const HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;' +
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap';

let turn = 0;

/**
 * The announcer's container, created on first use. Looked up by id so that
 * two copies of the kit on one page share it, and re-created when an app
 * replaced the body.
 */
export function ensureAnnouncer(): HTMLElement | null {
  return findAnnouncer() ?? createAnnouncer();
}

function findAnnouncer(): HTMLElement | null {
  return typeof document === 'undefined' ? null : document.getElementById(ANNOUNCER_ID);
}

function createAnnouncer(): HTMLElement | null {
  if (typeof document === 'undefined') return null;
  const parent = document.body ?? document.documentElement;
  if (!parent) return null;
  const container = document.createElement('div');
  container.id = ANNOUNCER_ID;
  container.setAttribute('style', HIDDEN);
  for (let i = 0; i < 2; i++) {
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    container.append(region);
  }
  parent.append(container);
  return container;
}

/**
 * Says `message` to screen readers, politely. The two regions take turns and
 * the other one is emptied: the same message twice in a row is new text in a
 * region each time, so it is read twice. An empty message says nothing. The
 * message is in the language `from` (the element that speaks) resolves to.
 */
export function announce(message: string, from?: Element): void {
  if (!message) return;
  const lang = from ? localeOf(from) : undefined;
  const existing = findAnnouncer();
  if (existing) return say(existing, message, lang);
  // A region that appears with its text already in it is often not read: add the text a moment later.
  const created = createAnnouncer();
  if (created) setTimeout(() => say(created, message, lang), NEW_REGION_DELAY);
}

/** How long a new region waits before its first message, in ms. */
const NEW_REGION_DELAY = 100;

function say(container: HTMLElement, message: string, lang: string | undefined): void {
  const regions = [...container.children] as HTMLElement[];
  turn = (turn + 1) % regions.length;
  const region = regions[turn]!;
  if (lang) region.lang = lang;
  else region.removeAttribute('lang');
  regions.forEach((one) => (one.textContent = one === region ? message : ''));
}

/** The text announced last (empty when nothing was): for tests and debugging tools. */
export function lastAnnouncement(): string {
  return [...(findAnnouncer()?.children ?? [])].map((region) => region.textContent).join('');
}
