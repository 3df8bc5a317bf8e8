// Benchmarks <active-sessions> in headless Chromium and prints the numbers (no assertions):
//   1. 1,000 sign-ins: data ready → rows laid out, as a ratio to a bare lit-html template (target ≤ 1.5×)
//   2. nodes a revocation mutates outside the removed row (target ≤ 5)
//   3. gzip size of the element with its share of the core
// Run: node bench/active-sessions.mjs
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const out = mkdtempSync(join(tmpdir(), 'active-sessions-bench-'));

/** One minified ES module from the absolute path `entry`; returns its code. */
async function bundle(entry, name, external = []) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      target: 'es2022',
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: name },
      rollupOptions: { external },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (code) => gzipSync(code, { level: 9 }).length;

try {
  // ---- size ------------------------------------------------------------------------------------
  const sizeEntry = join(out, 'size-entry.ts');
  writeFileSync(
    sizeEntry,
    `import { ActiveSessions } from '${root}/src/elements/active-sessions/active-sessions.ts';\n` +
      `customElements.define('active-sessions', ActiveSessions);\n`,
  );
  const whole = await bundle(sizeEntry, 'size-all');
  const withoutLit = await bundle(sizeEntry, 'size-no-lit', [/^lit($|\/)/, /^@lit\//]);
  const withoutDeps = await bundle(sizeEntry, 'size-own', [
    /^lit($|\/)/,
    /^@lit\//,
    /^ua-parser-js/,
  ]);

  // ---- render ----------------------------------------------------------------------------------
  const page = await bundle(join(root, 'bench/active-sessions.page.ts'), 'page');
  writeFileSync(join(out, 'page.js'), page);
  writeFileSync(
    join(out, 'index.html'),
    '<!doctype html><html lang="en"><body><script type="module" src="/page.js"></script></body></html>',
  );
  const server = createServer((request, response) => {
    const file = request.url === '/page.js' ? 'page.js' : 'index.html';
    response.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
    response.end(readFileSync(join(out, file)));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await tab.goto(`http://127.0.0.1:${port}/`);
    await tab.waitForFunction(() => 'runBench' in window);
    const result = await tab.evaluate(() => window.runBench(7));
    const ratio = result.element / result.bare;
    console.log(`active-sessions, ${result.rows} sign-ins (median of 7, headless Chromium):`);
    console.log(
      `  render, data ready → rows laid out: ${result.element.toFixed(1)} ms  ` +
        `(bare lit-html: ${result.bare.toFixed(1)} ms, ratio ${ratio.toFixed(2)}×, target ≤ 1.5×)`,
    );
    console.log(
      `  revoke one row: ${result.mutations.nodes} nodes mutated outside the removed row ` +
        `(target ≤ 5): ${result.mutations.detail.join(' ')}`,
    );
  } finally {
    await browser.close();
    server.close();
  }
  console.log(
    `  size (minified + gzip): ${kb(gz(whole))} all-in (lit, ua-parser-js, core); ` +
      `${kb(gz(withoutLit))} without lit; ${kb(gz(withoutDeps))} own code (element + core share)`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
