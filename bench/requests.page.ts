/**
 * Runs inside headless Chromium for bench/run.mjs: one provider with 20
 * consumers on the real RestBackend, then 100 concurrent getToken calls. The
 * server side counts the requests; this page reports what the user would see.
 */
import '../src/define.js';
import type { SessionChangeEvent } from '../src/events.js';

const CONSUMERS = 20;
const TOKEN_CALLS = 100;

declare global {
  interface Window {
    runRequests(): Promise<{ consumersShowing: number; distinctTokens: number }>;
  }
}

window.runRequests = async () => {
  const provider = document.createElement('session-provider');
  provider.refreshInterval = 0;
  for (let i = 0; i < CONSUMERS; i++) {
    provider.append(Object.assign(document.createElement('signed-in'), { textContent: 'in' }));
  }
  const signedIn = new Promise<void>((resolve) =>
    provider.addEventListener('session-change', (event: SessionChangeEvent) => {
      if (event.detail.state.status === 'signed-in') resolve();
    }),
  );
  document.body.append(provider);
  await signedIn;
  const consumers = [...provider.querySelectorAll('signed-in')];
  await Promise.all(consumers.map((el) => el.updateComplete));

  const controller = provider.sessionController!;
  const tokens = await Promise.all(
    Array.from({ length: TOKEN_CALLS }, () => controller.getToken('x')),
  );
  return {
    consumersShowing: consumers.filter((el) => el.shadowRoot?.querySelector('slot')).length,
    distinctTokens: new Set(tokens).size,
  };
};
