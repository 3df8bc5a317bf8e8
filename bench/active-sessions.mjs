// Benchmarks <active-sessions> in headless Chromium and prints the numbers (no assertions):
//   1. 1,000 sign-ins: data ready → rows laid out, as a ratio to a bare lit-html template (target ≤ 1.5×)
//   2. nodes a revocation mutates outside the removed row (target ≤ 5)
//   3. gzip size of the element with its share of the core
// Run: node bench/active-sessions.mjs
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIT, bundle, gz, kb, root, servePage, withBrowserPage } from './lib.mjs';

const out = mkdtempSync(join(tmpdir(), 'active-sessions-bench-'));

try {
  // ---- size ------------------------------------------------------------------------------------
  const sizeEntry = join(out, 'size-entry.ts');
  writeFileSync(
    sizeEntry,
    `import { ActiveSessions } from '${root}/src/elements/active-sessions/active-sessions.ts';\n` +
      `customElements.define('active-sessions', ActiveSessions);\n`,
  );
  const whole = await bundle(sizeEntry, 'size-all');
  const withoutLit = await bundle(sizeEntry, 'size-no-lit', LIT);
  const withoutDeps = await bundle(sizeEntry, 'size-own', [...LIT, /^ua-parser-js/]);

  // ---- render ----------------------------------------------------------------------------------
  const page = await servePage(await bundle(join(root, 'bench/active-sessions.page.ts'), 'page'));
  try {
    const result = await withBrowserPage(async (tab) => {
      await tab.goto(page.url);
      await tab.waitForFunction(() => 'runBench' in window);
      return tab.evaluate(() => window.runBench(7));
    });
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
    await page.close();
  }
  console.log(
    `  size (minified + gzip): ${kb(gz(whole))} all-in (lit, ua-parser-js, core); ` +
      `${kb(gz(withoutLit))} without lit; ${kb(gz(withoutDeps))} own code (element + core share)`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
