import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { renderedText, useDemoServer } from '../e2e/harness.js';
import { openExample, switchToBen } from './example-helpers.js';

/**
 * The example apps under examples/ as their users would run them: each is built with Vite,
 * served by the real demo server, and driven in headless Chromium while two accounts are
 * signed in. And the template types they use: a misspelt attribute or a wrong event
 * handler fails their typecheck.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLES = ['react19', 'react18', 'vue3', 'html-cdn'] as const;
const examplePath = (...parts: string[]) => join(ROOT, 'examples', ...parts);

/** React 18 cannot share the root node_modules with React 19: react18 has its own. */
function ensureReact18Packages(): void {
  const lock = examplePath('react18', 'package-lock.json');
  const installed = examplePath('react18', 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  const npm = spawnSync(
    'npm',
    ['ci', '--prefix', examplePath('react18'), '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  assert.equal(npm.status, 0, 'npm ci in examples/react18');
}

useDemoServer();

before(async () => {
  ensureReact18Packages();
  // html-cdn loads the CDN build from /dist, exactly as `npm run build` makes it.
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    mode: 'cdn',
    logLevel: 'warn',
  });
  for (const name of EXAMPLES) {
    await build({ configFile: examplePath(name, 'vite.config.ts') });
  }
});

describe('the examples, built, against the real server', () => {
  for (const name of EXAMPLES) {
    test(`${name}: devices listed with the page's strings and page size; the account-switched listener runs`, async () => {
      const { page, errors, current } = await openExample(name);
      const undefinedTags = await page.evaluate(
        `['session-provider', 'account-switcher', 'active-sessions'].filter((tag) => !customElements.get(tag))`,
      );
      assert.deepEqual(undefinedTags, [], 'every tag is defined');
      assert.match(await renderedText(current), /Chrome 141 on macOS[\s\S]*You are here/);
      assert.equal(
        await page.locator('active-sessions [part~="item"]').count(),
        5,
        'page size 5 instead of the default 10',
      );
      assert.match(
        await page.locator('active-sessions [part~="summary"]').innerText(),
        /^1–5 of ([7-9]|\d\d)$/,
        "Ana's six seeded devices and this one",
      );

      await switchToBen(page);
      assert.deepEqual(errors, []);
    });
  }
});

interface Diagnostic {
  file: string;
  message: string;
}

/** Runs a TypeScript checker on a project; its diagnostics, file paths relative to the repo. */
function typecheck(bin: 'tsc' | 'vue-tsc', project: string): Promise<Diagnostic[]> {
  return new Promise((done, fail) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', bin),
      ['-p', project, '--pretty', 'false'],
      {
        cwd: ROOT,
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', () =>
      done(
        // A diagnostic is its first line plus the indented lines that explain it.
        [...output.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+: .*(?:\n[ \t]+.*)*)/gm)].map(
          ([, file, message]) => ({
            file: resolve(ROOT, file!).slice(ROOT.length + 1),
            message: message!.replace(/\s+/g, ' '),
          }),
        ),
      ),
    );
  });
}

/**
 * The examples' own files plus one with mistakes, checked together with the first example's
 * tsconfig: no error in the examples, one per mistake. The extra file lives under
 * node_modules/.cache, which nobody lints or commits.
 */
async function typecheckWithMistakes(
  bin: 'tsc' | 'vue-tsc',
  examples: string[],
  file: string,
  source: string,
): Promise<string[]> {
  const dir = join(ROOT, 'node_modules', '.cache', 'examples-typecheck', examples[0]!);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, file), source);
  const include = examples.flatMap((example) =>
    ['src', 'vite.config.ts'].map((path) => examplePath(example, path)),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: examplePath(examples[0]!, 'tsconfig.json'),
      include: [...include, examplePath('vite.shared.ts'), file],
    }),
  );
  const diagnostics = await typecheck(bin, join(dir, 'tsconfig.json'));
  const elsewhere = diagnostics.filter((d) => !d.file.endsWith(file));
  assert.deepEqual(elsewhere, [], `examples/${examples.join(', ')} typecheck`);
  return diagnostics.map((d) => d.message);
}

describe('template types catch mistakes', { concurrency: true }, () => {
  test('React 19 JSX (types/jsx.d.ts) and the React 18 wrappers (session-elements/react)', async () => {
    const messages = await typecheckWithMistakes(
      'tsc',
      ['react19', 'react18'],
      'mistakes.tsx',
      `import type {} from 'session-elements/types/jsx';
import { ActiveSessions } from 'session-elements/react';
export const misspelt = <active-sessions stauts="online" />;
export const wrongValue = <active-sessions status="everything" />;
export const wrongDetail = <account-switcher onaccount-switched={(event) => event.detail.organization} />;
export const wrapper = <ActiveSessions pageSise={5} />;
`,
    );
    assert.equal(messages.length, 4, messages.join('\n'));
    assert.match(messages[0]!, /'stauts' does not exist/);
    assert.match(messages[1]!, /'"everything"' is not assignable/);
    assert.match(messages[2]!, /'organization' does not exist on type 'AccountSwitchDetail'/);
    assert.match(messages[3]!, /'pageSise' does not exist/);
  });

  test('Vue SFC templates (types/vue.d.ts, vue-tsc)', async () => {
    const messages = await typecheckWithMistakes(
      'vue-tsc',
      ['vue3'],
      'Mistakes.vue',
      `<template>
  <active-sessions page-sise="5" />
  <active-sessions :page-size="'five'" />
  <account-switcher @account-switched="(event) => event.detail.organization" />
</template>
`,
    );
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0]!, /'pageSise' does not exist/);
    assert.match(messages[1]!, /'"five"' is not assignable/);
    assert.match(messages[2]!, /'organization' does not exist on type 'AccountSwitchDetail'/);
  });
});
