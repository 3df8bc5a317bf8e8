import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { renderedText, useDemoServer } from '../e2e/harness.js';
import { openExample, switchToBen } from './example-helpers.js';

/**
 * The Svelte 5, Solid and Angular example apps as their users would run them. Each has its own
 * package.json and lockfile (its toolchain stays out of the repository's install), is built with
 * its own toolchain, served by the real demo server and driven in headless Chromium with two
 * accounts signed in. And their template types: a misspelt attribute or a wrong event handler
 * fails svelte-check and tsc.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const APPS = ['svelte5', 'solid', 'angular'] as const;
type App = (typeof APPS)[number];
const appPath = (app: App, ...parts: string[]) => join(ROOT, 'examples', app, ...parts);

interface Run {
  code: number | null;
  output: string;
}

/** Runs a command to its end, collecting stdout and stderr together. */
function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

/** `npm ci` in the app when its lockfile is newer than its install (or it has none). */
async function ensurePackages(app: App): Promise<void> {
  const lock = appPath(app, 'package-lock.json');
  const installed = appPath(app, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  const npm = await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], appPath(app));
  assert.equal(npm.code, 0, `npm ci in examples/${app}\n${npm.output}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
/** What the app adds by using the kit: its modules, Lit and ua-parser-js, none of the app's. */
const isKitModule = (id: string) => !id.includes('/examples/');

/**
 * Builds a Vite app and measures the kit's share of its minified output: per chunk, the kit's
 * share of the rendered modules times the chunk's size (minification is per chunk, not per module).
 */
async function buildWithVite(app: App): Promise<string> {
  let initial = 0;
  let lazy = 0;
  const measure: Plugin = {
    name: 'measure-kit',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const modules = Object.entries(chunk.modules);
        const total = modules.reduce((sum, [, m]) => sum + m.renderedLength, 0) || 1;
        const kit = modules.reduce((s, [id, m]) => s + (isKitModule(id) ? m.renderedLength : 0), 0);
        const share = Math.round((chunk.code.length * kit) / total);
        if (chunk.isEntry) initial += share;
        else lazy += share;
      }
    },
  };
  await build({ configFile: appPath(app, 'vite.config.ts'), plugins: [measure] });
  return `kit ≈ ${kb(initial)} minified in the entry, ${kb(lazy)} in lazy chunks`;
}

/** `ng build` with its esbuild stats: the kit's bytes per output file, as esbuild counts them. */
async function buildWithAngular(): Promise<string> {
  const ng = await run(
    process.execPath,
    [
      appPath('angular', 'node_modules', '@angular', 'cli', 'bin', 'ng.js'),
      'build',
      '--stats-json',
    ],
    appPath('angular'),
  );
  assert.equal(ng.code, 0, `ng build\n${ng.output}`);
  // allowedCommonJsDependencies in angular.json keeps ua-parser-js's CommonJS warning away.
  assert.doesNotMatch(ng.output, /WARNING/, ng.output);
  const stats = JSON.parse(readFileSync(appPath('angular', 'dist', 'stats.json'), 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const html = readFileSync(appPath('angular', 'dist', 'index.html'), 'utf8');
  let initial = 0;
  let lazy = 0;
  for (const [file, output] of Object.entries(stats.outputs)) {
    if (!file.endsWith('.js')) continue;
    const kit = Object.entries(output.inputs)
      .filter(([input]) => !input.startsWith('src/') && !input.includes('node_modules/@angular'))
      .filter(([input]) => !input.includes('examples/angular/node_modules'))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    if (html.includes(file)) initial += kit;
    else lazy += kit;
  }
  return `kit ${kb(initial)} minified in the entry, ${kb(lazy)} in lazy chunks`;
}

/** The gzip size of every script the built page loads first, and of all of them. */
function distSize(app: App): string {
  const dist = appPath(app, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? scripts(join(dir, entry.name))
        : entry.name.endsWith('.js')
          ? [join(dir, entry.name)]
          : [],
    );
  let first = 0;
  let all = 0;
  for (const file of scripts(dist)) {
    const gzip = gzipSync(readFileSync(file)).length;
    all += gzip;
    if (html.includes(file.slice(dist.length + 1))) first += gzip;
  }
  return `app ${kb(first)} gzip on first load, ${kb(all)} gzip in all`;
}

useDemoServer();

before(async () => {
  // Installs in parallel (network and disk), builds one after the other (CPU).
  await Promise.all(APPS.map(ensurePackages));
  for (const app of APPS) {
    const kit = app === 'angular' ? await buildWithAngular() : await buildWithVite(app);
    process.stdout.write(`examples/${app}: ${kit}; ${distSize(app)}\n`);
  }
});

describe('the Svelte 5, Solid and Angular examples, built, against the real server', () => {
  for (const app of APPS) {
    test(`${app}: devices listed with the app's strings, one revoked through the dialog, the account switched, both events handled`, async () => {
      const { page, errors, current } = await openExample(app);
      assert.match(await renderedText(current), /You are here/, "the app's strings");
      const rows = page.locator('active-sessions [part~="item"]');
      assert.equal(await rows.count(), 5, 'page-size 5');

      const summary = await page.locator('active-sessions [part~="summary"]').innerText();
      const total = Number(/of (\d+)$/.exec(summary)?.[1]);
      assert.ok(total > 5, summary);
      const other = page.locator('active-sessions [part~="item"]:not([part~="item-current"])');
      const revoke = other.first().getByRole('button');
      const label = (await revoke.getAttribute('aria-label'))!;
      const device_ = /^Sign out of (.+?)(?:, |$)/.exec(label)?.[1];
      assert.ok(device_, label);
      await revoke.click();
      const dialog = page.getByRole('alertdialog', { name: `Sign out of ${device_}?` });
      await dialog.getByRole('button', { name: 'Yes, sign out' }).click();
      await page.locator('#last-revoke', { hasText: 'Revoked 1 sign-in' }).waitFor();
      await page
        .locator('active-sessions [part~="summary"]', { hasText: `of ${total - 1}` })
        .waitFor();

      await switchToBen(page);
      assert.deepEqual(errors, []);
      await page.context().close();
    });
  }
});

/**
 * The app's own files plus one with mistakes, checked with a tsconfig that extends the app's:
 * no error in the app, the fixture's errors returned. The fixture lives in the app's .mistakes/
 * (ignored by git; svelte-check skips anything under node_modules).
 */
async function checkWithMistakes(
  app: App,
  file: string,
  source: string,
  check: (tsconfig: string) => Promise<Run>,
  parse: (output: string) => { file: string; message: string }[],
): Promise<string[]> {
  const dir = appPath(app, '.mistakes');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), source);
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: appPath(app, 'tsconfig.json'),
      include: [appPath(app, 'src'), file],
    }),
  );
  const { output } = await check(tsconfig);
  const diagnostics = parse(output);
  assert.ok(diagnostics.length > 0, output);
  const elsewhere = diagnostics.filter((d) => !d.file.endsWith(file));
  assert.deepEqual(elsewhere, [], `examples/${app} has no errors`);
  return diagnostics.map((d) => d.message);
}

describe('template types catch mistakes', { concurrency: true }, () => {
  test('Svelte 5 (types/svelte.d.ts, svelte-check)', async () => {
    const messages = await checkWithMistakes(
      'svelte5',
      'Mistakes.svelte',
      `<script lang="ts"></script>

<active-sessions page-sise="5"></active-sessions>
<active-sessions status="everything"></active-sessions>
<account-switcher onaccount-switched={(event) => event.detail.organization}></account-switcher>
`,
      (tsconfig) =>
        run(
          process.execPath,
          [
            appPath('svelte5', 'node_modules', '.bin', 'svelte-check'),
            ...['--workspace', appPath('svelte5'), '--tsconfig', tsconfig, '--output', 'machine'],
          ],
          appPath('svelte5'),
        ),
      // `<time> ERROR|WARNING "<file>" <line>:<col> "<message>"`: warnings count too.
      (output) =>
        [...output.matchAll(/^\d+ (?:ERROR|WARNING) "([^"]+)" \d+:\d+ "(.*)"$/gm)].map(
          ([, file, message]) => ({ file: file!, message: JSON.parse(`"${message!}"`) as string }),
        ),
    );
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0]!, /'"page-sise"' does not exist/);
    assert.match(messages[1]!, /'"everything"' is not assignable/);
    assert.match(messages[2]!, /'organization' does not exist on type 'AccountSwitchDetail'/);
  });

  test('Solid JSX, on:<event> included (types/jsx.d.ts, tsc)', async () => {
    const messages = await checkWithMistakes(
      'solid',
      'mistakes.tsx',
      `import type {} from 'session-elements/types/jsx';
export const misspelt = <active-sessions stauts="online" />;
export const wrongValue = <active-sessions status="everything" />;
export const wrongDetail = <account-switcher on:account-switched={(event) => event.detail.organization} />;
`,
      (tsconfig) =>
        run(
          process.execPath,
          [appPath('solid', 'node_modules', '.bin', 'tsc'), '-p', tsconfig, '--pretty', 'false'],
          appPath('solid'),
        ),
      (output) =>
        // A diagnostic is its first line plus the indented lines that explain it.
        [...output.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+: .*(?:\n[ \t]+.*)*)/gm)].map(
          ([, file, message]) => ({ file: file!, message: message!.replace(/\s+/g, ' ') }),
        ),
    );
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0]!, /'stauts' does not exist/);
    assert.match(messages[1]!, /'"everything"' is not assignable/);
    assert.match(messages[2]!, /'organization' does not exist on type 'AccountSwitchDetail'/);
  });
});
