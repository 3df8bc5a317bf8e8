// `npm run bench`: prints the kit's size and request figures, then the <active-sessions>
// benchmark. Numbers only; nothing here passes or fails.
//   1. gzip sizes, lit inlined, before first render with lazy chunks (German, ua-parser-js, …) apart:
//      session-elements/core with RestBackend (target ≤ 5 KB), a page with <session-provider> and
//      <account-switcher> only (≤ 16 KB), the whole kit, and the CDN file as built by
//      `npm run build` (≤ 30 KB), each also as a ratio to Hanko Elements' 44.4 KB
//   2. request counts through real fetch on loopback: 20 consumers under one provider → 1 session
//      request; 100 concurrent getToken('x') → 1 token request
//   3. round trips, from the time at 150 and at 300 ms added to every answer: a cold page to
//      rows, a confirmed revoke to the row gone
//   4. bench/server.mjs: the server handler against better-auth's own routes, live-update
//      latency and idle-stream memory
// `--sizes` prints part 1 only, with each module's share of the two-tag page and of the core.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryBackend } from '../src/backends/memory.ts';
import {
  LIT,
  bundle,
  fileSizes,
  kb,
  moduleShares,
  root,
  servePage,
  sizes,
  withBrowserPage,
} from './lib.mjs';

/** Hanko Elements, minified + gzip, as measured for the issue that set these targets. */
const HANKO_KB = 44.4;

/** `--sizes`: the size figures only, with a module breakdown; nothing runs in a browser. */
const SIZES_ONLY = process.argv.includes('--sizes');

const out = mkdtempSync(join(tmpdir(), 'session-elements-bench-'));

/** The contract's session, list and revoke routes on a MemoryBackend, each answer `latency` ms late. */
function memoryApi(latency) {
  const backend = new MemoryBackend();
  const options = { signal: new AbortController().signal };
  const answer = async (request) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/session/, '');
    if (path === '/') return backend.getSession(options);
    if (path === '/signins') {
      const query = Object.fromEntries(url.searchParams);
      return backend.listSignIns(
        { page: Number(query.page ?? 1), pageSize: Number(query.pageSize ?? 10) },
        options,
      );
    }
    const removed = /^\/signins\/([^/]+)$/.exec(path);
    if (removed && request.method === 'DELETE') return backend.removeSignIn(removed[1], options);
    throw new Error(`not in this bench: ${request.method} ${path}`);
  };
  return async (request, response) => {
    await new Promise((done) => setTimeout(done, latency));
    try {
      const body = await answer(request);
      response.statusCode = body === undefined ? 204 : 200;
      response.setHeader('content-type', 'application/json');
      response.end(body === undefined ? undefined : JSON.stringify(body));
    } catch (error) {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { code: 'not-found', message: String(error) } }));
    }
  };
}

/** A loopback stand-in for the HTTP contract's two read routes, counting every request. */
function countingApi(counts) {
  const backend = new MemoryBackend();
  const options = { signal: new AbortController().signal };
  return async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    counts[url.pathname] = (counts[url.pathname] ?? 0) + 1;
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/session/') {
      response.end(JSON.stringify(await backend.getSession(options)));
    } else if (url.pathname === '/api/session/token') {
      response.end(
        JSON.stringify(
          await backend.getToken(url.searchParams.get('template') ?? undefined, options),
        ),
      );
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: { code: 'not-found', message: 'Not found.' } }));
    }
  };
}

try {
  // ---- sizes -----------------------------------------------------------------------------------
  const coreEntry = join(out, 'core-entry.ts');
  writeFileSync(
    coreEntry,
    `export { SessionController, RestBackend } from '${root}/src/core.ts';\n`,
  );
  const pageEntry = join(out, 'provider-account-switcher.ts');
  writeFileSync(
    pageEntry,
    `import '${root}/src/define/session-provider.ts';\n` +
      `import '${root}/src/define/account-switcher.ts';\n`,
  );
  const core = await sizes(coreEntry, 'core');
  const twoTags = await sizes(pageEntry, 'page');
  const kit = await sizes(join(root, 'src/define.ts'), 'kit');
  const kitOwn = await sizes(join(root, 'src/define.ts'), 'kit-own', [...LIT, /^ua-parser-js/]);
  const vsHanko = (bytes) => `${(bytes / 1024 / HANKO_KB).toFixed(2)}× Hanko Elements`;
  const row = (label, { initial, lazy }, target) =>
    console.log(
      `  ${label.padEnd(50)}${kb(initial).padStart(8)}  ${vsHanko(initial)}` +
        `${lazy ? `  (+ ${kb(lazy)} lazy)` : ''}${target ? `  (target ≤ ${target} KB)` : ''}`,
    );
  console.log(`sizes (minified + gzip, lit inlined; Hanko Elements: ${HANKO_KB} KB):`);
  row('session-elements/core: controller + Rest', core, 5);
  row('page with <session-provider> + <account-switcher>', twoTags, 16);
  row('whole kit (define)', kit);
  row('whole kit, own code only', kitOwn);
  const cdn = join(root, 'dist/session-elements.js');
  if (existsSync(cdn)) row('dist/session-elements.js before first render', fileSizes(cdn), 30);
  else console.log('  dist/session-elements.js: not built (npm run build)');
  if (SIZES_ONLY) {
    for (const [label, entry] of [
      ['page with <session-provider> + <account-switcher>', pageEntry],
      ['session-elements/core with RestBackend', coreEntry],
    ]) {
      console.log(`${label}, each module's share (gzip, before first render):`);
      for (const { module, bytes } of await moduleShares(entry, 'shares')) {
        console.log(`  ${String(bytes).padStart(6)} B  ${module}`);
      }
    }
  }

  // ---- requests --------------------------------------------------------------------------------
  if (!SIZES_ONLY) await printRequestCounts();
} finally {
  rmSync(out, { recursive: true, force: true });
}
if (SIZES_ONLY) process.exit(0);

/** Part 2: session and token requests counted through real fetch on loopback. */
async function printRequestCounts() {
  const counts = {};
  const page = await servePage(
    await bundle(join(root, 'bench/requests.page.ts'), 'requests'),
    countingApi(counts),
  );
  try {
    const seen = await withBrowserPage(async (tab) => {
      await tab.goto(page.url);
      await tab.waitForFunction(() => 'runRequests' in window);
      return tab.evaluate(() => window.runRequests());
    });
    console.log('requests (headless Chromium, real fetch on loopback):');
    console.log(
      `  20 consumers under one provider: ${counts['/api/session/'] ?? 0} session request(s) ` +
        `(target 1); ${seen.consumersShowing} of 20 show their content`,
    );
    console.log(
      `  100 concurrent getToken('x'):     ${counts['/api/session/token'] ?? 0} token request(s) ` +
        `(target 1); ${seen.distinctTokens} distinct token(s) handed out`,
    );
  } finally {
    await page.close();
  }
}

// ---- round trips -------------------------------------------------------------------------------
// Each figure is measured at two latencies: the difference, divided by the added latency, is the
// number of sequential round trips; what is left is the page's own work (render, parse).
const LATENCY = 150;
const roundTripCode = await bundle(join(root, 'bench/round-trips.page.ts'), 'round-trips');
async function roundTrips(latency) {
  const latent = await servePage(roundTripCode, memoryApi(latency));
  try {
    return await withBrowserPage(async (tab) => {
      await tab.goto(latent.url);
      await tab.waitForFunction(() => 'runRoundTrips' in window);
      return tab.evaluate(() => window.runRoundTrips());
    });
  } finally {
    await latent.close();
  }
}
/** The median of three runs at `latency`, figure by figure. */
async function medianRoundTrips(latency) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await roundTrips(latency));
  const median = (key) => runs.map((run) => run[key]).sort((a, b) => a - b)[1];
  return { rowsMs: median('rowsMs'), revokeMs: median('revokeMs'), requests: runs[0].requests };
}
const once = await medianRoundTrips(LATENCY);
const twice = await medianRoundTrips(2 * LATENCY);
const trips = (key) => {
  const count = (twice[key] - once[key]) / LATENCY;
  const own = once[key] - count * LATENCY;
  return `${count.toFixed(1)} round trips + ${Math.max(own, 0).toFixed(0)} ms of page work  (${once[key].toFixed(0)} ms at ${LATENCY} ms, ${twice[key].toFixed(0)} ms at ${2 * LATENCY} ms)`;
};
console.log(`round trips (latency added to every API answer, real fetch on loopback):`);
console.log(`  cold page, first request → rows visible: ${trips('rowsMs')}  (target 1)`);
console.log(`  revoke, confirm → row gone:              ${trips('revokeMs')}  (target 1)`);
console.log(`    requests after the confirm: ${once.requests.join(', ')}`);

console.log('');
const activeSessions = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'bench/active-sessions.mjs')],
  { stdio: 'inherit' },
);
console.log('');
const server = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/server.mjs')], {
  stdio: 'inherit',
});
// A script that crashed (or was killed) makes the run fail; its numbers are still printed.
process.exitCode = [activeSessions, server].every((run) => run.status === 0) ? 0 : 1;
