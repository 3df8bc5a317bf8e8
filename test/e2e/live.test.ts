import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoUrl, device, signIn, signedInDevice, useDemoServer } from './harness.js';

/**
 * Live updates end to end: two browsers of one user on the demo page, polling
 * off, so whatever reaches the other browser within a second came over
 * `GET /api/session/events`.
 */

useDemoServer();

/** Opens the demo page with polling off and waits for its list and its open event stream. */
async function openLivePage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const provider = document.querySelector('session-provider');
      if (!provider) return;
      provider.setAttribute('refresh-interval', '0');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const stream = page.waitForResponse(
    (response) => response.url().endsWith('/api/session/events') && response.status() === 200,
  );
  await page.goto(`${demoUrl()}/`);
  await page.locator('active-sessions [part~="item-current"]').waitFor();
  await stream;
  const interval = await page.evaluate(
    `document.querySelector('session-provider').sessionController.refreshInterval`,
  );
  assert.equal(interval, 0, 'polling is off');
}

/** Session reads the page made since `since` (ms epoch). */
function sessionReads(log: { url: string; at: number }[], since: number): number {
  return log.filter((r) => r.at >= since && new URL(r.url).pathname === '/api/session/').length;
}

describe('live updates in the browser', () => {
  test('a device revoked from another goes signed-out within 1 s, and a new sign-in appears within 1 s, with polling off', async (t) => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    await openLivePage(laptop.page);
    await openLivePage(phone.page);
    const phoneLog: { url: string; at: number }[] = [];
    phone.page.on('request', (request) => phoneLog.push({ url: request.url(), at: Date.now() }));

    const revoke = laptop.page.locator(
      `active-sessions [part~="revoke-button"][data-id="${phone.id}"]`,
    );
    await revoke.click();
    const confirm = laptop.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' });
    const started = Date.now();
    await confirm.click();
    await phone.page.getByText("You're signed out").waitFor({ timeout: 1_000 });
    const revokeLatency = Date.now() - started;
    assert.ok(revokeLatency < 1_000, `signed out after ${revokeLatency} ms`);
    assert.equal(
      await phone.page.locator('active-sessions [part~="item"]').count(),
      0,
      'no user data is left on the revoked page',
    );
    assert.equal(sessionReads(phoneLog, started), 1, 'one session read, caused by the event');

    const desktop = await device('desktop');
    const signedInAt = Date.now();
    await signIn(desktop, 'ana@demo.test');
    await laptop.page
      .locator('active-sessions [part~="item"]', { hasText: 'Firefox 132 on Ubuntu' })
      .waitFor({ timeout: 1_000 });
    const signInLatency = Date.now() - signedInAt;
    assert.ok(signInLatency < 1_000, `listed after ${signInLatency} ms`);
    t.diagnostic(
      `live latency: revoke → signed-out ${revokeLatency} ms; sign-in → listed ${signInLatency} ms`,
    );
  });
});
