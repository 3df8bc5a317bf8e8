// What every benchmark script shares: bundling with vite, gzip sizes, a loopback page server,
// and headless Chromium.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { minifyCss } from '../scripts/minify-css.mjs';
import { minifyHtml } from '../scripts/minify-html.mjs';

export const root = resolve(fileURLToPath(import.meta.url), '../..');

/**
 * Minified ES chunks from the absolute path `entry`, lit and every other
 * dependency inlined unless `external`; css`` and html`` templates minified as
 * in the package build. Library mode, so no preload helper wraps the lazy imports.
 */
async function chunks(entry, name, external, split) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [minifyCss(), minifyHtml()],
    build: {
      target: 'es2022',
      write: false,
      lib: { entry: { [name]: entry }, formats: ['es'] },
      rollupOptions: {
        external,
        // As in an app's own build: lazy chunks import what they share with the page from the
        // entry, rather than from a shared chunk that library mode would split off for them.
        preserveEntrySignatures: 'allow-extension',
        output: { minify: true, ...(split ? {} : { codeSplitting: false }) },
      },
    },
  });
  return (Array.isArray(result) ? result : [result])
    .flatMap((r) => r.output)
    .filter((o) => o.type === 'chunk');
}

/** One minified ES module from the absolute path `entry`, lazy imports inlined; returns its code. */
export async function bundle(entry, name, external = []) {
  const [only] = await chunks(entry, name, external, false);
  return only.code;
}

/**
 * The gzip bytes a page importing `entry` downloads before first render (the
 * entry and every chunk it imports statically) and those it loads lazily
 * (German, the user-agent parser, the confirm dialog, the token cache), counted apart.
 */
export async function sizes(entry, name, external = []) {
  const all = await chunks(entry, name, external, true);
  const byName = new Map(all.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (chunk) => {
    if (initial.has(chunk)) return;
    initial.add(chunk);
    for (const file of chunk.imports) if (byName.has(file)) visit(byName.get(file));
  };
  visit(all.find((chunk) => chunk.isEntry));
  const sum = (list) => list.reduce((total, chunk) => total + gz(chunk.code), 0);
  return { initial: sum([...initial]), lazy: sum(all.filter((chunk) => !initial.has(chunk))) };
}

/**
 * What each module adds to the gzip bytes a page importing `entry` downloads
 * before first render, largest first: `{ module, bytes }`, `module` relative
 * to the project (dependencies as `node_modules/…`). A module's share is what
 * leaving it out saves on the gzip of the modules' code joined, scaled to the
 * minified chunk (gzip is not additive, so the shares only roughly sum up).
 */
export async function moduleShares(entry, name, external = []) {
  const entryChunk = (await chunks(entry, name, external, true)).find((chunk) => chunk.isEntry);
  const modules = Object.entries(entryChunk.modules).filter(([, module]) => module.code);
  const joined = (skip) =>
    gz(
      modules
        .filter((_, index) => index !== skip)
        .map(([, module]) => module.code)
        .join('\n'),
    );
  const whole = joined(-1);
  const scale = gz(entryChunk.code) / whole;
  return modules
    .map(([id], index) => ({
      module: id
        .replace(/^\0/, '')
        .replace(`${root}/`, '')
        .replace(/^.*\/node_modules\//, 'node_modules/'),
      bytes: Math.round((whole - joined(index)) * scale),
    }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** The same two figures for a built file on disk and the chunks it imports (`./x.js`). */
export function fileSizes(path) {
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(
      /(?:^|[;\s])import\s*(?:[^'"`(]*?from\s*)?["'`](\.[^"'`]+)["'`]/g,
    )) {
      visit(resolve(dirname(file), spec));
    }
  };
  visit(path);
  const lazy = new Set();
  for (const file of initial) {
    const code = readFileSync(file, 'utf8');
    for (const [, spec] of code.matchAll(/import\(\s*["'`](\.[^"'`]+)["'`]\s*\)/g)) {
      const target = resolve(dirname(file), spec);
      if (!initial.has(target)) lazy.add(target);
    }
  }
  const sum = (files) => [...files].reduce((total, file) => total + gz(readFileSync(file)), 0);
  return { initial: sum(initial), lazy: sum(lazy) };
}

export const LIT = [/^lit($|\/)/, /^@lit\//];
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const gz = (code) => gzipSync(code, { level: 9 }).length;

const PAGE = '<!doctype html><html lang="en"><body><script type="module" src="/page.js"></script>';

/**
 * Serves `/page.js` (the given code) inside a blank page on 127.0.0.1; `api`
 * answers any other path when given. Resolves to { url, close }.
 */
export async function servePage(code, api) {
  const server = createServer(async (request, response) => {
    if (request.url === '/page.js') {
      response.setHeader('content-type', 'text/javascript');
      response.end(code);
    } else if (request.url === '/' || !api) {
      response.setHeader('content-type', 'text/html');
      response.end(PAGE);
    } else {
      await api(request, response);
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Runs `use(page)` on a fresh headless Chromium tab and closes everything afterwards. */
export async function withBrowserPage(use) {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    return await use(await browser.newPage({ viewport: { width: 1024, height: 768 } }));
  } finally {
    await browser.close();
  }
}
