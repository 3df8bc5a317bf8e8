import { fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MemoryBackend, type MemoryBackendOptions } from '../../src/backends/memory.js';
import { SessionController } from '../../src/core/session-controller.js';
import '../../src/define.js';

/** A controller over a MemoryBackend that never retries, polls or talks to other tabs. */
export function controllerFor(backend: MemoryBackend): SessionController {
  return new SessionController({
    backend,
    crossTab: false,
    refreshInterval: 0,
    revalidateOnFocus: false,
    maxRetries: 0,
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
export async function mount<E extends HTMLElement>(
  tag: string,
  template: (controller: SessionController) => TemplateResult,
  options: { backend?: MemoryBackend; backendOptions?: MemoryBackendOptions } = {},
): Promise<Mounted<E>> {
  const backend = options.backend ?? new MemoryBackend(options.backendOptions);
  const controller = controllerFor(backend);
  const wrapper = await fixture<HTMLElement>(template(controller));
  const element = (wrapper.localName === tag ? wrapper : wrapper.querySelector(tag)) as E;
  await waitUntil(() => controller.getSnapshot().status !== 'loading', 'session never loaded');
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { element, backend, controller };
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

/** A name and email built to break markup, layout and memory budgets. */
export const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>${'W'.repeat(10_000)}`;
