import assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { demoUrl, device, signIn, useDemoServer } from './harness.js';

/**
 * The demo as a new user first meets it: the page runs the kit's production bundle, and the
 * demo panel stays out of the product's way at every width.
 */

useDemoServer();

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const WIDTHS = [1280, 768, 375, 320];

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** GETs `path` exactly as written (no `..` resolution), for its status and body. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(demoUrl());
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

/** Opens the account page signed in, once the device list shows its rows. */
async function openAccountPage(page: Page): Promise<void> {
  await page.goto(`${demoUrl()}/`);
  await page.locator('active-sessions [part~="item-current"]').waitFor();
}

/** The parts of the product the panel covers at the current width, by name. */
async function coveredByPanel(page: Page): Promise<string[]> {
  const panel = await page.locator('.demo-panel').boundingBox();
  assert.ok(panel, 'the panel is shown');
  const product = {
    'app bar': page.locator('header.app-bar'),
    'page heading': page.locator('h1'),
    'device list': page.locator('active-sessions'),
    'sign-out section': page.locator('section[aria-labelledby="sign-out-title"]'),
  };
  const covered: string[] = [];
  for (const [name, locator] of Object.entries(product)) {
    const box = await locator.boundingBox();
    assert.ok(box, `${name} is shown`);
    if (overlaps(panel, box)) covered.push(name);
  }
  return covered;
}

describe('the demo page', () => {
  test('runs the kit’s production build: no Lit dev-mode warning, every tag defined', async () => {
    const page = await device('laptop');
    await signIn(page, 'ana@demo.test');
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    await openAccountPage(page);
    assert.deepEqual(
      messages.filter((text) => /dev mode|lit\.dev\/msg/i.test(text)),
      [],
      'Lit runs its production build',
    );
    assert.equal(await page.evaluate(`!!customElements.get('active-sessions')`), true);
    const scripts = await page.evaluate(
      `[...document.querySelectorAll('script[src]')].map((s) => new URL(s.src).pathname)`,
    );
    assert.ok((scripts as string[]).includes('/kit/session-elements.js'), 'the bundle is loaded');
  });

  test('an HTML file written elsewhere in the project (an example app being built) does not reload the open page; a kit source does', async () => {
    const page = await device('laptop');
    await signIn(page, 'ana@demo.test');
    await openAccountPage(page);
    await page.evaluate(`window.stillTheSamePage = true`);
    const probe = join(ROOT, 'examples', 'html-cdn', 'dist', `reload-probe-${process.pid}.html`);
    mkdirSync(dirname(probe), { recursive: true });
    try {
      writeFileSync(probe, '<!doctype html><title>probe</title>');
      await page.waitForTimeout(1_500);
      assert.equal(await page.evaluate(`window.stillTheSamePage === true`), true);
    } finally {
      rmSync(probe, { force: true });
    }
    // Touched, not edited: the demo rebuilds the kit and reloads the page all the same.
    utimesSync(join(ROOT, 'src', 'events.ts'), new Date(), new Date());
    await page.waitForFunction(`window.stillTheSamePage === undefined`, null, { timeout: 10_000 });
  });

  test('/kit/ serves the bundle and its chunks, and nothing else', async () => {
    const entry = await rawGet('/kit/session-elements.js');
    assert.equal(entry.status, 200);
    const chunks = [...entry.body.matchAll(/\.\/(cdn\/[\w-]+\.js)/g)].map((match) => match[1]);
    assert.ok(chunks.length > 0, 'the lazy chunks are named in the entry');
    for (const chunk of chunks) assert.equal((await rawGet(`/kit/${chunk}`)).status, 200, chunk);
    for (const path of [
      '/kit/',
      '/kit/../package.json',
      '/kit/%2e%2e/package.json',
      '/kit/cdn/../../package.json',
      '/kit/cdn/nope.js',
      '/kit/session-elements.js.map',
    ]) {
      const answer = await rawGet(path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /"name"/, path);
    }
  });

  test('the demo panel covers nothing of the product at 1280, 768, 375 and 320 px, open or collapsed', async () => {
    const page = await device('laptop');
    await signIn(page, 'ana@demo.test');
    await openAccountPage(page);
    const panel = page.locator('.demo-panel');
    assert.equal(await panel.getAttribute('data-collapsed'), null, 'open on the first visit');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await coveredByPanel(page), [], `open panel at ${width} px`);
    }

    // Its first use (signing in as someone else) leaves it collapsed on the next page loads.
    await page.setViewportSize({ width: 375, height: 740 });
    await Promise.all([
      page.waitForEvent('load'),
      panel.getByRole('button', { name: 'Ben Okafor' }).click(),
    ]);
    await page.locator('active-sessions [part~="item-current"]').waitFor();
    assert.equal(await panel.getAttribute('data-collapsed'), '', 'collapsed after its first use');
    const list = await page.locator('active-sessions').boundingBox();
    assert.ok(list && list.y < 740, 'the device list starts on the first screen of a phone');
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      assert.deepEqual(await coveredByPanel(page), [], `collapsed panel at ${width} px`);
    }

    // Open again, it stays open, still beside or above the page.
    await panel.getByRole('button', { name: 'Show' }).click();
    await page.reload();
    await page.locator('active-sessions [part~="item-current"]').waitFor();
    assert.equal(await panel.getAttribute('data-collapsed'), null, 'the user’s choice is kept');
  });
});
