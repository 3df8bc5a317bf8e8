import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  demoUrl,
  device,
  renderedText,
  session,
  signIn,
  signedInDevice,
  useDemoServer,
} from './harness.js';

/**
 * The demo page (index.html) as a user meets it: the kit's elements on the
 * real server, driven with clicks and keys in headless Chromium. Every check
 * ends on what the server says, not only on what the page shows.
 */

useDemoServer();

/** The demo page, once this device's row is there with its title (the parser loads lazily). */
async function openAccountPage(page: Page): Promise<void> {
  await page.goto(`${demoUrl()}/`);
  await page
    .locator('active-sessions [part~="item-current"] [part~="title"]', { hasText: /\S/ })
    .waitFor();
}

/** A token minted for the page through its own controller, decoded. */
async function pageToken(page: Page): Promise<Record<string, unknown>> {
  const token = (await page.evaluate(
    `document.querySelector('session-provider').sessionController.getToken('api')`,
  )) as string;
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

/** axe-core's violations on the page (the demo panel is not part of the kit), as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  const script = `axe
    .run({ exclude: [['.demo-panel']] }, { resultTypes: ['violations'] })
    .then((result) =>
      result.violations.flatMap((v) => v.nodes.map((n) => v.id + ': ' + JSON.stringify(n.target))),
    )`;
  return (await page.evaluate(script)) as string[];
}

describe('the demo page against the real server', () => {
  test('<active-sessions> lists this device first, then signs another device out for real', async () => {
    const desktop = await signedInDevice('desktop');
    const laptop = await signedInDevice('laptop');
    await openAccountPage(laptop.page);
    const current = laptop.page.locator('active-sessions [part~="item-current"]');
    assert.match(await renderedText(current), /Chrome 141 on macOS[\s\S]*This device/);
    assert.match(
      await renderedText(laptop.page.locator('active-sessions [part~="item"]').first()),
      /This device/,
      'this device comes first',
    );

    const revoke = laptop.page.getByRole('button', { name: 'Sign out of Firefox 132 on Ubuntu' });
    assert.match(
      await renderedText(laptop.page.locator('active-sessions [part~="item"]', { has: revoke })),
      /Madrid, Spain/,
    );
    await revoke.click();
    const dialog = laptop.page.getByRole('alertdialog', {
      name: 'Sign out of Firefox 132 on Ubuntu?',
    });
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    // Announced from the kit's live regions in the document, which outlive any element's state.
    await laptop.page
      .locator('#session-elements-announcer [role="status"]', {
        hasText: 'Signed out of Firefox 132 on Ubuntu.',
      })
      .waitFor({ state: 'attached' });
    await revoke.waitFor({ state: 'detached' });

    assert.equal(await session(desktop.page), null, 'the revoked device is signed out');
    assert.ok(await session(laptop.page), 'this device stays signed in');
  });

  test('a sign-in simulated from another device shows up in the list without a reload', async () => {
    const laptop = await signedInDevice('laptop');
    await openAccountPage(laptop.page);
    const rows = laptop.page.locator('active-sessions [part~="item"]');
    const before = await rows.count();
    await laptop.page
      .getByRole('button', { name: 'Simulate a sign-in from another device' })
      .click();
    await laptop.page.waitForFunction(
      (count) =>
        document.querySelector('active-sessions')!.shadowRoot!.querySelectorAll('[part~="item"]')
          .length === count,
      before + 1,
    );
  });

  test('keyboard only: switch account in <account-switcher>; the session and token follow', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    await openAccountPage(laptop.page);
    const trigger = laptop.page.locator('account-switcher [part~="trigger"]');
    assert.match(await trigger.innerText(), /Ben Okafor/);
    const before = await pageToken(laptop.page);
    const logged: string[] = [];
    laptop.page.on('console', (message) => logged.push(message.text()));

    await trigger.focus();
    await laptop.page.keyboard.press('ArrowDown');
    await laptop.page.getByRole('menu').waitFor();
    await laptop.page.keyboard.type('Ana');
    const ana = laptop.page.getByRole('menuitemradio', { name: /Ana Sousa/ });
    assert.equal(await ana.evaluate((item) => item.matches(':focus')), true);
    await laptop.page.keyboard.press('Enter');
    await laptop.page.waitForFunction(
      `document.querySelector('account-switcher').shadowRoot.querySelector('[part~="trigger"]').textContent.includes('Ana Sousa')`,
    );

    const now = await session(laptop.page);
    assert.equal(now?.active_signin?.user?.first_name, 'Ana');
    const after = await pageToken(laptop.page);
    assert.equal(after.sub, now?.active_signin?.user?.id);
    assert.notEqual(after.sub, before.sub, 'the token cache was cleared on the switch');
    // The demo page logs every kit event with its detail, in the order they fired.
    const kitEvents = logged.map((line) => /^\[([a-z-]+)\]/.exec(line)?.[1]).filter(Boolean);
    const [asked, done] = [
      kitEvents.indexOf('account-switch'),
      kitEvents.indexOf('account-switched'),
    ];
    assert.ok(asked >= 0 && asked < done, kitEvents.join(', '));
    assert.ok(kitEvents.slice(asked, done).includes('session-change'), kitEvents.join(', '));
  });

  test('a second tab follows a switch and a revoke made in the first, without a reload', async () => {
    const desktop = await signedInDevice('desktop');
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    const second = await laptop.page.context().newPage();
    await openAccountPage(laptop.page);
    await openAccountPage(second);
    const secondTrigger = second.locator('account-switcher [part~="trigger"]');
    assert.match(await secondTrigger.innerText(), /Ben Okafor/);

    await laptop.page.locator('account-switcher [part~="trigger"]').click();
    await laptop.page.getByRole('menuitemradio', { name: /Ana Sousa/ }).click();
    await second.waitForFunction(
      `document.querySelector('account-switcher').shadowRoot.querySelector('[part~="trigger"]').textContent.includes('Ana Sousa')`,
    );

    const revokeName = { name: 'Sign out of Firefox 132 on Ubuntu' };
    await second.getByRole('button', revokeName).waitFor();
    await laptop.page.getByRole('button', revokeName).click();
    await laptop.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
    await second.getByRole('button', revokeName).waitFor({ state: 'detached' });
    assert.equal(await session(desktop.page), null);
  });

  test('<organization-switcher>: a new token carries the new organization', async () => {
    const laptop = await signedInDevice('laptop');
    await openAccountPage(laptop.page);
    assert.equal((await pageToken(laptop.page)).org, null, 'personal account to start with');

    await laptop.page.locator('organization-switcher [part~="trigger"]').click();
    await laptop.page.getByRole('menuitemradio', { name: /Acme Inc/ }).click();
    await laptop.page.waitForFunction(
      `document.querySelector('organization-switcher').shadowRoot.querySelector('[part~="trigger"]').textContent.includes('Acme Inc')`,
    );

    const now = await session(laptop.page);
    const org = now?.active_signin?.active_organization_membership_id;
    assert.ok(org, 'the server switched organization');
    assert.equal((await pageToken(laptop.page)).org, org);
    assert.ok(
      await laptop.page.locator('workspace-switcher [part~="trigger"]').isVisible(),
      'the workspace switcher appears for an organization with workspaces',
    );
  });

  test('<sign-out-button scope="everywhere"> confirms with the device count, then every device is out', async () => {
    const phone = await signedInDevice('phone');
    const laptop = await signedInDevice('laptop');
    await openAccountPage(laptop.page);

    await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    const dialog = laptop.page.getByRole('alertdialog', { name: 'Sign out everywhere?' });
    assert.match(await dialog.innerText(), /You will be signed out on \d+ devices\./);
    await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
    await laptop.page.getByRole('heading', { name: "You're signed out" }).waitFor();

    assert.equal(await session(laptop.page), null);
    assert.equal(await session(phone.page), null);
  });

  test('the signed-in page has no axe violations, light and dark, menus open and closed', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    await openAccountPage(laptop.page);
    assert.deepEqual(await axeViolations(laptop.page), [], 'light');
    await laptop.page.evaluate(`document.documentElement.dataset.theme = 'dark'`);
    assert.deepEqual(await axeViolations(laptop.page), [], 'dark');
    await laptop.page.locator('account-switcher [part~="trigger"]').click();
    await laptop.page.getByRole('menu').waitFor();
    assert.deepEqual(await axeViolations(laptop.page), [], 'dark, account menu open');
  });

  describe('faults injected from the demo panel', () => {
    async function injectFault(page: Page, label: string): Promise<void> {
      await page.getByLabel('The session API').selectOption({ label });
      await page
        .getByRole('status')
        .filter({ hasText: `The session API now ${label}.` })
        .waitFor();
    }

    test('a failing server shows the error state with a retry that recovers', async () => {
      const laptop = await signedInDevice('laptop');
      await openAccountPage(laptop.page);
      await injectFault(laptop.page, 'fails with 500');
      const retry = laptop.page.locator('active-sessions [part~="retry-button"]');
      await retry.waitFor();
      // Behind the page's back (the panel would refresh the page itself), then the user retries.
      const status = await laptop.page.evaluate(
        `fetch('/api/demo/fault', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Session-Elements': '1' }, body: '{"fault":"none"}' }).then((r) => r.status)`,
      );
      assert.equal(status, 200);
      await retry.click();
      await laptop.page.locator('active-sessions [part~="item-current"]').waitFor();
    });

    test('rate limiting keeps the last list on screen with one message about it', async () => {
      const laptop = await signedInDevice('laptop');
      await openAccountPage(laptop.page);
      await injectFault(laptop.page, 'answers 429 (Retry-After 5 s)');
      try {
        // The session refresh and the list both fail: one problem, one message.
        const message = laptop.page.locator(
          'active-sessions [part~="stale"], active-sessions [part~="error"]',
        );
        await message.first().waitFor({ timeout: 60_000 });
        assert.equal(await message.count(), 1, 'one message');
        assert.match((await message.innerText()) ?? '', /Too many requests|may be out of date/);
        assert.ok(await laptop.page.locator('active-sessions [part~="item-current"]').isVisible());
      } finally {
        await injectFault(laptop.page, 'answers normally');
      }
    });

    test('a server asking to re-authenticate gets the "Confirm it\'s you" state, and nothing is revoked', async () => {
      const desktop = await signedInDevice('desktop');
      const laptop = await signedInDevice('laptop');
      await openAccountPage(laptop.page);
      await injectFault(laptop.page, 'asks to re-authenticate on changes');
      await laptop.page.getByRole('button', { name: 'Sign out of Firefox 132 on Ubuntu' }).click();
      await laptop.page.getByRole('alertdialog').getByRole('button', { name: 'Sign out' }).click();
      await laptop.page.locator('active-sessions [part~="reauth"]').waitFor();
      assert.match(
        await laptop.page.locator('active-sessions [part~="reauth"]').innerText(),
        /Confirm it’s you/,
      );
      await injectFault(laptop.page, 'answers normally');
      assert.ok(await session(desktop.page), 'the other device is still signed in');
    });
  });

  test('a signed-out visit logs no console error: the session reads answer 200, not 401', async () => {
    const page = await device('tablet');
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    const answers: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/session/')) {
        answers.push(response.status());
      }
    });
    await page.goto(`${demoUrl()}/`);
    await page.getByRole('heading', { name: "You're signed out" }).waitFor();
    assert.deepEqual(errors, []);
    assert.ok(answers.length > 0, 'the page asked for the session');
    assert.deepEqual(new Set(answers), new Set([200]));
  });

  test('rows named by the server: the page never loads the user-agent parser', async () => {
    const laptop = await signedInDevice('laptop');
    await signedInDevice('desktop');
    const requested: string[] = [];
    laptop.page.on('request', (request) => requested.push(request.url()));
    await openAccountPage(laptop.page);
    await laptop.page
      .locator('active-sessions [part~="item"] [part~="title"]', { hasText: /Firefox 132/ })
      .first()
      .waitFor();
    assert.deepEqual(
      requested.filter((url) => /ua-parser/i.test(url)),
      [],
    );
  });

  test('signed out, the page shows nothing user-specific', async () => {
    const page = await device('tablet');
    await page.goto(`${demoUrl()}/`);
    await page.getByRole('heading', { name: "You're signed out" }).waitFor();
    assert.equal(await page.locator('active-sessions').isVisible(), false);
    // The demo panel (not part of the kit) lists the seeded users, so only the kit's page counts.
    assert.doesNotMatch(
      await page.locator('session-provider').innerText(),
      /Sousa|Okafor|@demo\.test/,
    );
  });
});
