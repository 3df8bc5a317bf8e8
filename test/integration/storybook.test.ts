import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
// @ts-expect-error scripts/chromium.mjs is plain JavaScript without types.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

/**
 * The static Storybook as CI builds it, served on loopback and opened story by
 * story in one headless Chromium page: every story's element is defined and
 * rendered into the story root, nothing markup-shaped from the hostile stories
 * ran, and no story logs a console error or throws, including the stories
 * whose backend fails on purpose. Every tag's docs page lists its API from
 * custom-elements.json.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TAGS = [
  'session-provider',
  'signed-in',
  'signed-out',
  'active-sessions',
  'account-switcher',
  'sign-out-button',
  'organization-switcher',
  'workspace-switcher',
];

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  importPath: string;
  type: 'story' | 'docs';
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

let dir: string;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;
let entries: IndexEntry[];
const problems: string[] = [];

function buildStorybook(outputDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'),
        'build',
        '--quiet',
        '--disable-telemetry',
        '-o',
        outputDir,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`storybook build exited with ${code}\n${output}`)),
    );
  });
}

/** A tiny static file server for the build, on 127.0.0.1 only. */
function serve(root: string): Promise<Server> {
  const http = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // Chromium asks every origin for one; the build has favicon.svg instead.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Hashed assets: cached between the page's many navigations.
      'cache-control': file.includes('/assets/') ? 'max-age=3600, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => http.listen(0, '127.0.0.1', () => done(http)));
}

/** STORYBOOK_STATIC_DIR=<dir> tests a build made beforehand instead of building one. */
const prebuilt = process.env.STORYBOOK_STATIC_DIR;

before(async () => {
  if (prebuilt) {
    dir = resolve(prebuilt);
  } else {
    dir = mkdtempSync(join(tmpdir(), 'session-elements-storybook-'));
    await buildStorybook(dir);
  }
  entries = Object.values(
    (
      JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
        entries: Record<string, IndexEntry>;
      }
    ).entries,
  );
  server = await serve(dir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = findChromium();
  assert.ok(executablePath, 'a Chromium is installed (npm test installs one)');
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // The first line says what broke (testing-library appends the whole DOM).
    const text = message.text().split('\n')[0]!.slice(0, 500);
    problems.push(`console.error: ${text}${url ? ` (${url})` : ''}`);
  });
});

after(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  if (dir && !prebuilt) rmSync(dir, { recursive: true, force: true });
});

/** The tag a CSF file is about: stories/<tag>.stories.ts. */
const tagOf = (entry: IndexEntry) => /([a-z-]+)\.stories\.ts$/.exec(entry.importPath)?.[1] ?? '';

/**
 * Opens a page of the preview and waits until Storybook finished it: a story once
 * rendered and played, a docs page once each of its `frames` stories is on it.
 */
async function open(id: string, viewMode: 'story' | 'docs', frames = 0): Promise<void> {
  problems.length = 0;
  await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=${viewMode}`, {
    waitUntil: 'domcontentloaded',
  });
  await page.waitForFunction(
    (frames) => {
      const preview = (
        globalThis as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }
      ).__STORYBOOK_PREVIEW__;
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if (frames) return document.querySelectorAll('#storybook-docs .story-frame').length >= frames;
      return preview?.currentRender?.phase === 'finished';
    },
    viewMode === 'docs' ? frames : 0,
    { timeout: 15_000 },
  );
  // Every element of the kit on the page has finished its updates.
  await page.evaluate(() =>
    Promise.all(
      Array.from(
        document.querySelectorAll<Element & { updateComplete?: Promise<unknown> }>('*'),
        (element) => element.updateComplete,
      ),
    ),
  );
}

async function storybookError(): Promise<string | null> {
  return page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'error display shown')
      : null,
  );
}

describe('Storybook (static build)', () => {
  test('one CSF file per tag, each with Default, Dark and Theming stories', () => {
    const stories = entries.filter((entry) => entry.type === 'story');
    assert.deepEqual([...new Set(stories.map(tagOf))].sort(), [...TAGS].sort());
    for (const tag of TAGS) {
      const names = stories.filter((entry) => tagOf(entry) === tag).map((entry) => entry.name);
      for (const name of ['Default', 'Dark', 'Theming']) {
        assert.ok(names.includes(name), `${tag} has a ${name} story (has ${names.join(', ')})`);
      }
    }
  });

  test('every story renders its element without errors', async (t) => {
    const stories = entries.filter((entry) => entry.type === 'story');
    for (const story of stories) {
      await t.test(story.id, async () => {
        await open(story.id, 'story');
        assert.equal(await storybookError(), null, 'Storybook shows no error');
        const tag = tagOf(story);
        const result = await page.evaluate((tag) => {
          const element = document.querySelector(`#storybook-root ${tag}`);
          return {
            defined: !!customElements.get(tag),
            inRoot: !!element,
            upgraded: !!element && element instanceof customElements.get(tag)!,
            rendered: !!element?.shadowRoot,
            hostile: (globalThis as { __hostile?: unknown }).__hostile ?? null,
          };
        }, tag);
        assert.deepEqual(result, {
          defined: true,
          inRoot: true,
          upgraded: true,
          rendered: true,
          hostile: null,
        });
        assert.deepEqual(problems, [], 'no console errors or page errors');
      });
    }
  });

  test("every tag's docs page lists its API from custom-elements.json", async (t) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
      modules: {
        declarations?: {
          tagName?: string;
          members?: { name: string; kind: string; privacy?: string; static?: boolean }[];
          attributes?: { name: string }[];
          events?: { name: string }[];
          slots?: { name: string }[];
          cssParts?: { name: string }[];
          cssProperties?: { name: string }[];
        }[];
      }[];
    };
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    for (const docs of entries.filter((entry) => entry.type === 'docs')) {
      await t.test(docs.id, async () => {
        const tag = tagOf(docs);
        const declaration = declarations.find((d) => d.tagName === tag);
        assert.ok(declaration, `${tag} is in custom-elements.json`);
        const stories = entries.filter(
          (entry) => entry.type === 'story' && entry.importPath === docs.importPath,
        );
        await open(docs.id, 'docs', stories.length);
        assert.equal(await storybookError(), null, 'Storybook shows no error');
        // The args table of the docs page (the Controls block under the primary story).
        const text = await page.locator('#storybook-docs .docblock-argstable').first().innerText();
        const expected = [
          ...(declaration.members ?? []).filter(
            (member) => member.kind === 'field' && !member.privacy && !member.static,
          ),
          ...(declaration.attributes ?? []),
          ...(declaration.events ?? []),
          ...(declaration.slots ?? []),
          ...(declaration.cssParts ?? []),
          ...(declaration.cssProperties ?? []),
        ].map((item) => item.name || '(default)');
        for (const name of expected) assert.ok(text.includes(name), `${tag} docs list ${name}`);
        assert.deepEqual(problems, [], 'no console errors or page errors');
      });
    }
  });
});
