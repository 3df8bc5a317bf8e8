import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { demoUrl, device, signIn } from '../e2e/harness.js';

/** Collects anything the page throws or logs as an error; the test expects none. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/**
 * A built example app served by the demo server (`/examples/<name>/dist/index.html`), opened on
 * a laptop signed in as Ben, then Ana (active), once its row for this device is on screen
 * (its title needs the user agent named).
 */
export async function openExample(
  name: string,
): Promise<{ page: Page; errors: string[]; current: Locator }> {
  const page = await device('laptop');
  await signIn(page, 'ben@demo.test');
  await signIn(page, 'ana@demo.test');
  const errors = recordErrors(page);
  await page.goto(`${demoUrl()}/examples/${name}/dist/index.html`);
  const current = page.locator('active-sessions [part~="item-current"]', {
    hasText: 'Chrome 141 on macOS',
  });
  await current.waitFor();
  return { page, errors, current };
}

/**
 * Switches from Ana to Ben in the example's `<account-switcher>`: the app's `account-switched`
 * handler writes "Switched to Ben…" into `#last-switch`, and the trigger then names Ben.
 */
export async function switchToBen(page: Page): Promise<void> {
  const trigger = page.locator('account-switcher [part~="trigger"]');
  assert.match(await trigger.innerText(), /Ana Sousa/);
  await trigger.click();
  await page.getByRole('menuitemradio', { name: /Ben Okafor/ }).click();
  await page.locator('#last-switch', { hasText: 'Switched to Ben' }).waitFor();
  await page.waitForFunction(
    `document.querySelector('account-switcher').shadowRoot.querySelector('[part~="trigger"]').textContent.includes('Ben Okafor')`,
  );
}
