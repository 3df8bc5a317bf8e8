// `npm run bench`: prints the kit's size and request figures, then the <active-sessions>
// benchmark. Numbers only; nothing here passes or fails.
//   1. gzip sizes: headless core + RestBackend (target ≤ 4 KB), the whole kit with lit and
//      ua-parser-js inlined (target ≤ 30 KB), and the CDN file as built by `npm run build`
//   2. request counts through real fetch on loopback: 20 consumers under one provider → 1 session
//      request; 100 concurrent getToken('x') → 1 token request
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryBackend } from '../src/backends/memory.ts';
import { LIT, bundle, gz, kb, root, servePage, withBrowserPage } from './lib.mjs';

const out = mkdtempSync(join(tmpdir(), 'session-elements-bench-'));

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
    `export { SessionController } from '${root}/src/core/session-controller.ts';\n` +
      `export { RestBackend } from '${root}/src/backends/rest.ts';\n`,
  );
  const core = await bundle(coreEntry, 'core', LIT);
  const kit = await bundle(join(root, 'src/define.ts'), 'kit');
  const kitOwn = await bundle(join(root, 'src/define.ts'), 'kit-own', [...LIT, /^ua-parser-js/]);
  console.log('sizes (minified + gzip):');
  console.log(`  core + RestBackend, no lit:          ${kb(gz(core))}  (target ≤ 4 KB)`);
  console.log(`  whole kit, lit and ua-parser-js in:  ${kb(gz(kit))}  (target ≤ 30 KB)`);
  console.log(`  whole kit, own code only:            ${kb(gz(kitOwn))}`);
  const cdn = join(root, 'dist/session-elements.js');
  if (existsSync(cdn)) {
    console.log(`  dist/session-elements.js (CDN file): ${kb(gz(readFileSync(cdn)))}`);
  }

  // ---- requests --------------------------------------------------------------------------------
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
} finally {
  rmSync(out, { recursive: true, force: true });
}

console.log('');
const activeSessions = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'bench/active-sessions.mjs')],
  { stdio: 'inherit' },
);
process.exitCode = activeSessions.status ?? 1;
