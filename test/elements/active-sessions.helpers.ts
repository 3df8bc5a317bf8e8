import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryBackend, type MemoryBackendOptions } from '../../src/backends/memory.js';
import type { SessionController } from '../../src/core/session-controller.js';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { lastAnnouncement } from '../../src/internal/announcer.js';
import { loadDeviceParser } from '../../src/internal/device.js';
import { controllerFor, part, parts, text } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

export { controllerFor, part, parts, text };

export interface Setup {
  element: ActiveSessions;
  backend: MemoryBackend;
  controller: SessionController;
}

/**
 * Mounts `<active-sessions>` inside a provider. `template` receives the
 * controller and returns the markup (so attributes can vary); by default it
 * waits until the list, an empty, error or re-auth state is on screen.
 */
export async function mount(
  options: {
    backend?: MemoryBackend;
    controller?: SessionController;
    backendOptions?: MemoryBackendOptions;
    template?: (controller: SessionController) => TemplateResult;
    settle?: boolean;
  } = {},
): Promise<Setup> {
  const backend = options.backend ?? new MemoryBackend(options.backendOptions);
  const controller = options.controller ?? controllerFor(backend);
  const template =
    options.template ??
    ((c: SessionController) =>
      html`<session-provider .controller=${c}
        ><active-sessions></active-sessions
      ></session-provider>`);
  const wrapper = await fixture<HTMLElement>(template(controller));
  const element = (
    wrapper.localName === 'active-sessions' ? wrapper : wrapper.querySelector('active-sessions')
  ) as ActiveSessions;
  if (options.settle !== false) await settled(element);
  return { element, backend, controller };
}

export const shadow = (element: ActiveSessions) => element.shadowRoot!;

export const rows = (element: ActiveSessions) => parts(element, 'item');

/** What screen readers were told last: the kit announces from one region pair in the document. */
export const statusText = (_element: ActiveSessions) => lastAnnouncement();

/** The row whose revoke button is named after `title`. */
export function rowTitled(element: ActiveSessions, title: string): HTMLElement | undefined {
  return rows(element).find((row) => text(row.querySelector('[part~="title"]')) === title);
}

/** A place as the user sees it: the flag CSS draws from `data-flag`, then the text. */
export function placeText(location: Element | null): string {
  const flag = (location as HTMLElement | null)?.dataset.flag;
  const drawn = !!flag && getComputedStyle(location!, '::before').content.includes(flag);
  return [drawn ? flag : '', text(location)].filter(Boolean).join(' ');
}

export async function settled(element: ActiveSessions): Promise<void> {
  // Device titles need the lazily loaded user-agent parser; tests read them.
  await loadDeviceParser();
  await waitUntil(
    () =>
      element.shadowRoot &&
      element.shadowRoot.querySelector('.base')?.getAttribute('aria-busy') === 'false' &&
      (rows(element).length > 0 ||
        part(element, 'empty') ||
        part(element, 'error') ||
        part(element, 'reauth')),
    'the list never settled',
    { timeout: 4000 },
  );
}

/** Opens the confirm dialog from `button` and answers it. */
export async function confirmWith(element: ActiveSessions, button: HTMLElement, answer: boolean) {
  // As a user would: focus moves to the button, so the dialog can hand it back.
  button.focus();
  button.click();
  await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog opened');
  part(element, answer ? 'dialog-confirm' : 'dialog-cancel')!.click();
}
