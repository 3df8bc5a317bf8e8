import { fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryBackend, type MemoryBackendOptions } from '../../src/backends/memory.js';
import {
  SessionController,
  type SessionControllerOptions,
} from '../../src/core/session-controller.js';
import type { SignIn } from '../../src/core/types.js';
import '../../src/define.js';
import { loadOpenMenu } from '../../src/controllers/menu-button.js';
import { waitUntil } from '../helpers/wait-until.js';

// What an open menu does is loaded after a trigger first renders; loaded once before any test,
// every open in these tests happens at once, as it does for a user after the first render.
before(() => loadOpenMenu());

/** A controller over a MemoryBackend that never retries, polls or talks to other tabs. */
export function controllerFor(
  backend: MemoryBackend,
  options: Partial<SessionControllerOptions> = {},
): SessionController {
  return new SessionController({
    backend,
    crossTab: false,
    refreshInterval: 0,
    revalidateOnFocus: false,
    maxRetries: 0,
    ...options,
  });
}

export interface Mounted<E extends HTMLElement> {
  element: E;
  backend: MemoryBackend;
  controller: SessionController;
}

/**
 * Mounts `tag` (found inside whatever `template` renders) over a fresh
 * MemoryBackend, and waits until the session has loaded.
 */
export interface MountOptions {
  backend?: MemoryBackend;
  backendOptions?: MemoryBackendOptions;
}

export async function mount<E extends HTMLElement>(
  tag: string,
  template: (controller: SessionController) => TemplateResult,
  options: MountOptions = {},
): Promise<Mounted<E>> {
  const backend = options.backend ?? new MemoryBackend(options.backendOptions);
  const controller = controllerFor(backend);
  const wrapper = await fixture<HTMLElement>(template(controller));
  const element = (wrapper.localName === tag ? wrapper : wrapper.querySelector(tag)) as E;
  await waitUntil(() => controller.getSnapshot().status !== 'loading', 'session never loaded');
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { element, backend, controller };
}

/** Where a switcher is mounted: the page language (default English) and inline style. */
export interface PageAttributes {
  lang?: string;
  style?: string;
}

/**
 * Mounts `tag`, rendered by `element`, inside a provider and a `<div lang style>`, and waits
 * until the session has loaded.
 */
export function mountInProvider<E extends HTMLElement>(
  tag: string,
  element: TemplateResult,
  options: MountOptions = {},
  { lang = 'en', style = '' }: PageAttributes = {},
): Promise<Mounted<E>> {
  return mount<E>(
    tag,
    (c) =>
      html`<session-provider .controller=${c}
        ><div lang=${lang} style=${style}>${element}</div></session-provider
      >`,
    options,
  );
}

/** A backend whose browser holds no account. */
export async function signedOutBackend(): Promise<MemoryBackend> {
  const backend = new MemoryBackend();
  await backend.signOut({ all: true }, { signal: new AbortController().signal });
  return backend;
}

export const part = (element: Element, name: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

export const parts = (element: Element, name: string) => [
  ...element.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** Text with whitespace collapsed. */
export const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A switcher's menu button, once it is on screen. */
export const trigger = (element: Element) => part(element, 'trigger') as HTMLButtonElement;
export const items = (element: Element) => parts(element, 'menu-item');
const labelOf = (node: Element) => text(node.querySelector('[part~="label"]'));
/** The labels of every menu item, in order. */
export const labels = (element: Element) => items(element).map(labelOf);
/** The labels of the checked menu items. */
export const checked = (element: Element) =>
  items(element)
    .filter((i) => i.getAttribute('aria-checked') === 'true')
    .map(labelOf);
/** The menu item labelled `label`. */
export const item = (element: Element, label: string) =>
  items(element).find((i) => labelOf(i) === label)!;

type Updating = Element & { updateComplete: Promise<unknown> };

/** Waits until the menu button is on screen (the list has loaded). */
export async function ready(element: Element): Promise<void> {
  await waitUntil(() => trigger(element)?.localName === 'button', 'the list never loaded');
}

/**
 * Opens the menu with a click, once the menu button is there. The first open
 * on a page may wait for the menu's code (loaded once the trigger shows).
 */
export async function open(element: Updating): Promise<void> {
  await ready(element);
  trigger(element).click();
  await waitUntil(
    () => trigger(element).getAttribute('aria-expanded') === 'true',
    'the menu never opened',
  );
  await element.updateComplete;
}

type Switcher = 'account' | 'organization' | 'workspace';

/**
 * Opens the menu of the switcher `mounting` gives and chooses the item labelled `label` twice
 * in a row, listening first for the cancelable `<name>-switch` event and `<name>-switched`.
 */
export async function switchTwice<E extends HTMLElement & Updating, K extends Switcher>(
  mounting: Promise<Mounted<E>>,
  name: K,
  label: string,
): Promise<
  Mounted<E> & {
    before: Promise<GlobalEventHandlersEventMap[`${K}-switch`]>;
    after: Promise<GlobalEventHandlersEventMap[`${K}-switched`]>;
  }
> {
  const mounted = await mounting;
  const { element } = mounted;
  await open(element);
  const before = oneEvent(element, `${name}-switch`) as Promise<
    GlobalEventHandlersEventMap[`${K}-switch`]
  >;
  const after = oneEvent(element, `${name}-switched`) as Promise<
    GlobalEventHandlersEventMap[`${K}-switched`]
  >;
  item(element, label).click();
  item(element, label).click();
  return { ...mounted, before, after };
}

/** The controller's active sign-in; fails when nobody is signed in. */
export function activeSignIn(controller: SessionController): SignIn {
  const state = controller.getSnapshot();
  const signIn = state.status === 'signed-in' ? state.session.active_signin : null;
  if (!signIn) throw new Error(`no active sign-in (${state.status})`);
  return signIn;
}

/** The element focused inside `element`'s shadow root. */
export const focused = (element: Element) =>
  element.shadowRoot!.activeElement as HTMLElement | null;

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown }[] }[];
}
declare global {
  interface Window {
    axe?: { run(context: Element): Promise<AxeResults> };
  }
}

/** axe-core ships as a UMD script; load it as a classic script once. */
async function loadAxe() {
  if (window.axe) return window.axe;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return window.axe!;
}

/** Fails with the rule ids and targets of every axe violation inside `element`. */
export async function expectAccessible(element: Element): Promise<void> {
  const axe = await loadAxe();
  const { violations } = await axe.run(element);
  const summary = violations.map(
    (v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`,
  );
  if (summary.length) throw new Error(`axe violations:\n${summary.join('\n')}`);
}

/** Fails with every axe violation of a switcher, with its menu closed and then open. */
export async function expectAccessibleMenu(element: Updating): Promise<void> {
  await ready(element);
  await expectAccessible(element);
  await open(element);
  await expectAccessible(element);
}

/** A name and email built to break markup, layout and memory budgets. */
export const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>${'W'.repeat(10_000)}`;
