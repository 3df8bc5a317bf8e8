// What every benchmark script shares: bundling with vite, gzip sizes, a loopback page server,
// and headless Chromium.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

export const root = resolve(fileURLToPath(import.meta.url), '../..');

/** One minified ES module from the absolute path `entry`; returns its code. */
export async function bundle(entry, name, external = []) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      target: 'es2022',
      write: false,
      minify: true,
      // Not library mode: vite keeps whitespace in ES libraries, and a page's bundler would not.
      rollupOptions: {
        input: { [name]: entry },
        external,
        preserveEntrySignatures: 'strict',
        output: { format: 'es' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
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
