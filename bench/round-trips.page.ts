/**
 * Runs inside headless Chromium for bench/run.mjs: a cold page with a provider
 * and <active-sessions> on the real RestBackend, against a loopback server
 * that answers every request after a fixed latency. Reports, in ms from the
 * first API request, when the rows are visible; and, from the confirm click,
 * when a revoked row is gone.
 */
import '../src/define.js';
import type { ActiveSessions } from '../src/elements/active-sessions/active-sessions.js';

declare global {
  interface Window {
    runRoundTrips(): Promise<{ rowsMs: number; revokeMs: number; requests: string[] }>;
  }
}

const rows = (element: ActiveSessions) => [
  ...(element.shadowRoot?.querySelectorAll<HTMLElement>('li[part~="item"]') ?? []),
];

const part = (element: ActiveSessions, name: string) =>
  element.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

/** Resolves with performance.now() once `done()` holds, checked every frame. */
function when(done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const check = () => (done() ? resolve(performance.now()) : requestAnimationFrame(check));
    check();
  });
}

window.runRoundTrips = async () => {
  const requests: string[] = [];
  let firstRequest = 0;
  const fetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    firstRequest ||= performance.now();
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input), location.href).pathname}`);
    return fetch(input, init);
  };

  const provider = document.createElement('session-provider');
  provider.refreshInterval = 0;
  const element = document.createElement('active-sessions');
  provider.append(element);
  document.body.append(provider);
  const rowsVisible = await when(() => rows(element).length > 1);

  const victim = rows(element).find((row) => !row.matches('[part~="item-current"]'))!;
  const id = victim.querySelector<HTMLElement>('[data-id]')!.dataset.id!;
  victim.querySelector<HTMLElement>('[part~="revoke-button"]')!.click();
  await when(() => !!part(element, 'dialog-confirm')?.checkVisibility());
  requests.length = 0;
  const confirmed = performance.now();
  part(element, 'dialog-confirm')!.click();
  const gone = await when(
    () => !rows(element).some((row) => row.querySelector(`[data-id="${id}"]`)),
  );
  return { rowsMs: rowsVisible - firstRequest, revokeMs: gone - confirmed, requests };
};
