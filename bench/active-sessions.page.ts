/**
 * Runs inside headless Chromium for bench/active-sessions.mjs: renders 1,000
 * sign-ins with <active-sessions> and with a bare lit-html template, and
 * counts what a revocation touches.
 */
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MemoryBackend, demoSeed } from '../src/backends/memory.js';
import { SessionController } from '../src/core/session-controller.js';
import type { Page, SignIn } from '../src/core/types.js';
import '../src/define.js';
import type { ActiveSessions } from '../src/elements/active-sessions/active-sessions.js';

const ROWS = 1000;

function seed() {
  const base = demoSeed();
  const ada = base.signins.filter((s) => s.user_id === 'user_ada');
  const now = Date.now();
  for (let i = base.signins.length; ROWS + 3 > base.signins.length; i++) {
    const model = ada[i % ada.length];
    base.signins.push({
      ...model,
      id: `si_bench_${i}`,
      ipAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      lastActiveAt: new Date(now - i * 60_000).toISOString(),
      current: false,
    });
  }
  return base;
}

const frame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Style and layout done: what stands between DOM nodes and pixels. */
const layout = (node: Element) => node.getBoundingClientRect().height;

const itemCount = (element: ActiveSessions) =>
  element.shadowRoot?.querySelectorAll('li[part~="item"]').length ?? 0;

/** Data ready (the page resolved) → 1,000 rows in the DOM, styled and laid out, in ms. */
async function elementRender(): Promise<{
  ms: number;
  element: ActiveSessions;
  backend: MemoryBackend;
}> {
  // One page of 1,000 rows: more than any server of ours sends, which is the point here.
  const backend = new MemoryBackend({ seed: seed(), capabilities: { maxPageSize: ROWS } });
  const controller = new SessionController({
    backend,
    crossTab: false,
    refreshInterval: 0,
    revalidateOnFocus: false,
  });
  await controller.refetch();
  const list = controller.listSignIns.bind(controller);
  let ready = 0;
  let markReady = () => {};
  const dataReady = new Promise<void>((resolve) => (markReady = resolve));
  controller.listSignIns = async (query, options) => {
    const page = await list(query, options);
    ready = performance.now();
    markReady();
    return page;
  };
  const element = document.createElement('active-sessions');
  element.pageSize = ROWS;
  element.controller = controller;
  document.body.append(element);
  await dataReady;
  for (let spins = 0; itemCount(element) !== ROWS; spins++) {
    if (spins > 100) throw new Error('the rows never rendered');
    await element.updateComplete;
  }
  layout(element);
  const ms = performance.now() - ready;
  await frame();
  return { ms, element, backend };
}

/** The same rows with a bare template: no shadow DOM, no formatting, no parsing. */
async function bareRender(page: Page<SignIn>): Promise<number> {
  const host = document.createElement('div');
  document.body.append(host);
  const start = performance.now();
  render(
    html`<ul>
      ${repeat(
        page.items,
        (s) => s.id,
        (s) =>
          html`<li>
            <span>${s.userAgent}</span><span>${s.city}, ${s.country}</span
            ><span>${s.ipAddress}</span
            ><time datetime=${s.lastActiveAt ?? ''}>${s.lastActiveAt}</time
            ><button type="button">Sign out</button>
          </li>`,
      )}
    </ul>`,
    host,
  );
  layout(host);
  const ms = performance.now() - start;
  await frame();
  host.remove();
  return ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Nodes a revocation changed outside the removed row, counted by MutationObserver. */
async function revokeMutations(
  element: ActiveSessions,
): Promise<{ nodes: number; detail: string[] }> {
  const root = element.shadowRoot!;
  const row = root.querySelectorAll<HTMLElement>('li[part~="item"]')[500];
  const button = row.querySelector<HTMLButtonElement>('[part~="revoke-button"]')!;
  button.focus();
  button.click();
  // The dialog's template arrives with the first question.
  while (!root.querySelector('[part~="dialog-confirm"]')) await frame();
  const confirm = root.querySelector<HTMLButtonElement>('[part~="dialog-confirm"]')!;
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  confirm.click();
  await element.updateComplete;
  // The dialog closing is the dialog's business, not the list's.
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  while (row.isConnected) await frame();
  await frame();
  records.push(...observer.takeRecords());
  observer.disconnect();
  const touched = new Set<Node>();
  for (const record of records) {
    if (row.contains(record.target)) continue;
    const removedRow =
      record.type === 'childList' &&
      !record.addedNodes.length &&
      [...record.removedNodes].every((n) => n === row || n.nodeType === Node.COMMENT_NODE);
    if (removedRow) continue;
    touched.add(
      record.target.nodeType === Node.TEXT_NODE ? record.target.parentNode! : record.target,
    );
  }
  const detail = [...touched].map((node) =>
    node instanceof Element
      ? `<${node.localName}${node.getAttribute('part') ? ` part="${node.getAttribute('part')}"` : ''}>`
      : node.nodeName,
  );
  return { nodes: touched.size, detail };
}

async function run(iterations = 5) {
  const element: number[] = [];
  const bare: number[] = [];
  let last: Awaited<ReturnType<typeof elementRender>> | undefined;
  for (let i = 0; i < iterations; i++) {
    last?.element.remove();
    last = await elementRender();
    element.push(last.ms);
    const page = await last.backend.listSignIns(
      { page: 1, pageSize: ROWS, status: 'all' },
      { signal: new AbortController().signal },
    );
    bare.push(await bareRender(page));
  }
  const mutations = await revokeMutations(last!.element);
  return { rows: ROWS, element: median(element), bare: median(bare), mutations };
}

(window as unknown as { runBench: typeof run }).runBench = run;
