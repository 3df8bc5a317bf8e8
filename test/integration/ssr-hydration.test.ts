import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { demoUrl, device, signIn, useDemoServer } from '../e2e/harness.js';
import { recordErrors } from './example-helpers.js';

/**
 * The README's tree rendered by Lit SSR in Node (ssr-render.ts), loaded in Chromium from the
 * demo server's origin and hydrated with @lit-labs/ssr-client: no error, the server's DOM kept
 * (no render from scratch), and then the elements work against the real server.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Named through a variable: the app's dependency, which typechecking must not need.
const CLIENT = '@lit-labs/ssr-client';
const SSR_MISSING = await import(CLIENT).then(
  () => false,
  () => `${CLIENT} is not installed`,
);

/** The page's script: hydrate support first (it must run before LitElement loads), then the tags. */
async function bundleClient(): Promise<Map<string, string>> {
  const dir = join(ROOT, 'node_modules', '.cache', 'ssr-hydration');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'client.ts');
  writeFileSync(
    entry,
    `import '@lit-labs/ssr-client/lit-element-hydrate-support.js';\nimport '${join(ROOT, 'src', 'define.ts')}';\n`,
  );
  const outputs = (await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      modulePreload: { polyfill: false },
      lib: { entry, formats: ['es'], fileName: 'client' },
      // One module: a shared Lit chunk would run before the entry's first import, too early.
      rollupOptions: { output: { codeSplitting: false } },
    },
  })) as Rollup.RollupOutput[];
  const files = new Map<string, string>();
  for (const file of outputs.flatMap((output) => output.output)) {
    if (file.type === 'chunk') files.set(file.fileName, file.code);
  }
  return files;
}

/** The tree as the server renders it, without a session: every tag in its loading state. */
function renderOnServer(): string {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL('./ssr-render.ts', import.meta.url)), 'default'],
    { encoding: 'utf8', timeout: 15_000 },
  );
  assert.equal(child.status, 0, child.stderr);
  return (JSON.parse(child.stdout) as { html: string }).html;
}

useDemoServer();

describe('Lit SSR hydration in Chromium', { skip: SSR_MISSING }, () => {
  let client: Map<string, string>;
  let rendered: string;
  before(async () => {
    client = await bundleClient();
    rendered = renderOnServer();
  });

  it('hydrates the server-rendered tree without errors or a fresh render, then lists the devices', async () => {
    const page = await device('laptop');
    await signIn(page, 'ana@demo.test');
    const errors = recordErrors(page);
    const base = `${demoUrl()}/ssr-hydration/`;
    // A classic script runs before module scripts: it keeps nodes of the server's shadow roots.
    const document_ = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
${rendered}
<script>
  window.serverNodes = {
    providerSlot: document.querySelector('session-provider').shadowRoot.querySelector('slot'),
  };
</script>
<script type="module" src="${base}client.js"></script>
</body></html>`;
    await page.route(`${base}**`, (route) => {
      const name = route.request().url().slice(base.length);
      if (name === 'index.html')
        return route.fulfill({ contentType: 'text/html', body: document_ });
      const code = client.get(name);
      return code === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ contentType: 'text/javascript', body: code });
    });
    await page.goto(`${base}index.html`);

    const kept = await page.evaluate(`(() => {
      const { providerSlot } = window.serverNodes;
      return {
        serverRendered: Boolean(providerSlot),
        providerSlot: providerSlot === document.querySelector('session-provider').shadowRoot.querySelector('slot'),
        providerSlotConnected: providerSlot.isConnected,
      };
    })()`);
    assert.deepEqual(kept, {
      serverRendered: true,
      providerSlot: true,
      providerSlotConnected: true,
    });

    await page
      .locator('active-sessions [part~="item-current"]', { hasText: 'Chrome 141 on macOS' })
      .waitFor();
    assert.equal(
      await page.evaluate(
        `window.serverNodes.providerSlot === document.querySelector('session-provider').shadowRoot.querySelector('slot')`,
      ),
      true,
      "the provider's server-rendered slot survives the session's arrival",
    );
    assert.match(await page.locator('account-switcher [part~="trigger"]').innerText(), /Ana Sousa/);
    assert.deepEqual(errors, []);
  });
});
