// `npm test`: every gate in order, then one plain line with the real totals.
// Gates that are not test suites (typecheck, lint, build, manifest) count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
/** Each failed test with its reason, repeated at the end: CI keeps only the tail of the log. */
const failures = [];
const WTR_RESULTS = '.wtr-results.json';
const NODE_RESULTS = '.node-test-results.tap';

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

function gate(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed']++;
  if (!ok) {
    console.error(`✗ ${label} failed`);
    failures.push({ name: label, error: 'see its output above' });
  }
  return ok;
}

function suite(label, command, args, resultsFile, parse, env = {}) {
  rmSync(resultsFile, { force: true });
  const ok = run(label, command, args, env);
  const counts = existsSync(resultsFile) ? parse(readFileSync(resultsFile, 'utf8')) : null;
  if (!counts) {
    totals.failed++;
    console.error(`✗ ${label} produced no results`);
    failures.push({ name: label, error: 'produced no results' });
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  for (const failure of counts.failures ?? []) failures.push({ ...failure, suite: label });
  if (!ok && counts.failed === 0) {
    totals.failed++;
    failures.push({ name: label, error: 'exited with an error although no test failed' });
  }
  rmSync(resultsFile, { force: true });
}

const bin = (name) => `node_modules/.bin/${name}`;

gate('typecheck (browser)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
gate('typecheck (server)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.server.json']);
gate('lint', bin('eslint'), ['.']);
gate('format', bin('prettier'), ['--check', '.']);
gate('build', 'npm', ['run', '--silent', 'build']);
gate('package contents', 'node', ['scripts/check-pack.mjs']);
gate('manifest is fresh', 'node', ['scripts/check-manifest.mjs']);

suite(
  'browser tests',
  'node',
  ['--import', 'tsx', bin('wtr'), '--config', 'web-test-runner.config.mjs'],
  WTR_RESULTS,
  (text) => JSON.parse(text),
  { WTR_RESULTS },
);

// Node 20's test runner does not expand globs, so the files are listed here.
const nodeTestFiles = [
  'test/server',
  'test/security/server',
  'test/e2e',
  'test/integration',
].flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.test.ts'))
        .sort()
        .map((file) => join(dir, file))
    : [],
);

const nodeTestArgs = [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${NODE_RESULTS}`,
];

function parseTap(text) {
  const pass = /^# pass (\d+)/m.exec(text);
  const fail = /^# fail (\d+)/m.exec(text);
  return pass && fail
    ? { passed: Number(pass[1]), failed: Number(fail[1]), failures: tapFailures(text) }
    : null;
}

/**
 * The failed tests of a node:test TAP report, each named with its suites and given the
 * error and location from its YAML block; suites that failed only through a test are left out.
 */
function tapFailures(text) {
  const lines = text.split('\n');
  const found = [];
  const suites = [];
  for (let i = 0; i < lines.length; i++) {
    const subtest = /^( *)# Subtest: (.*)$/.exec(lines[i]);
    if (subtest) {
      const depth = subtest[1].length / 4;
      suites.length = depth;
      suites[depth] = subtest[2];
      continue;
    }
    const notOk = /^( *)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!notOk) continue;
    const indent = notOk[1];
    const block = [];
    if (lines[i + 1] === `${indent}  ---`) {
      for (i += 2; i < lines.length && lines[i] !== `${indent}  ...`; i++) {
        block.push(lines[i].slice(indent.length + 2));
      }
    }
    if (block.some((line) => line.includes("failureType: 'subtestsFailed'"))) continue;
    const start = block.findIndex((line) => line.startsWith('error:'));
    let error = start < 0 ? '' : block[start].replace(/^error: ?(\|-)?/, '');
    for (let j = start + 1; start >= 0 && j < block.length && block[j].startsWith('  '); j++) {
      error += `\n${block[j].slice(2)}`;
    }
    const location = block.find((line) => line.startsWith('location:'));
    found.push({
      name: [...suites.slice(0, indent.length / 4), notOk[2]].join(' › '),
      error: [error.trim(), location].filter(Boolean).join('\n'),
    });
  }
  return found;
}

if (nodeTestFiles.length > 0) {
  suite('server tests', 'node', [...nodeTestArgs, ...nodeTestFiles], NODE_RESULTS, parseTap);
}

// The server contract, the security tests that touch the store and the e2e flows again,
// with the same assertions, on the production stores: each test file starts its own
// throwaway PostgreSQL (and Redis), and its apps and demo servers get fresh databases.
// Left on SQLite only: tests of code that never reaches the store (fuzz, ReDoS, demo
// headers, OpenAPI, the page's UI states in page.test.ts) and those with stores of their
// own (instances, shared-bus, demo-stores start both stores themselves).
const STORE_MATRIX = [
  'test/server/handler.test.ts',
  'test/server/paging.test.ts',
  'test/security/server/csrf.test.ts',
  'test/security/server/idor.test.ts',
  'test/security/server/race.test.ts',
  'test/security/server/token-leak.test.ts',
  'test/e2e/sessions.test.ts',
  'test/e2e/live.test.ts',
];
const storesRequired = process.env.SESSION_ELEMENTS_REQUIRE_STORES === '1';

for (const store of ['postgres', 'postgres+redis']) {
  const check = spawnSync('node', ['--import', 'tsx', 'test/server/stores.ts', store], {
    encoding: 'utf8',
  });
  if (check.status !== 0) {
    const reason = (check.stdout || check.stderr).trim();
    if (storesRequired) {
      totals.failed++;
      console.error(`\n✗ server tests on ${store} cannot run: ${reason}`);
    } else {
      console.warn(`\n⚠ server tests on ${store} SKIPPED (${reason}); only SQLite was tested.`);
    }
    continue;
  }
  const started = Date.now();
  suite(
    `server tests on ${store}`,
    'node',
    [...nodeTestArgs, ...STORE_MATRIX],
    NODE_RESULTS,
    parseTap,
    { SESSION_ELEMENTS_STORE: store },
  );
  console.log(`server tests on ${store}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // The whole contract and the live e2e flow once more through two instance processes
  // that take turns per request (test/server/round-robin.ts, test/e2e/harness.ts).
  if (store === 'postgres+redis') {
    suite(
      'contract and live e2e flow through two instances on postgres+redis',
      'node',
      [...nodeTestArgs, 'test/server/handler.test.ts', 'test/e2e/live.test.ts'],
      NODE_RESULTS,
      parseTap,
      { SESSION_ELEMENTS_STORE: store, SESSION_ELEMENTS_INSTANCES: '2' },
    );
  }
}

if (failures.length > 0) {
  console.log(`\nFailed (${failures.length}):`);
  for (const { name, error, suite: label } of failures.slice(0, 20)) {
    console.log(`✗ ${label ? `[${label}] ` : ''}${name}`);
    const detail = (error ?? '').split('\n').slice(0, 25);
    for (const text of detail) console.log(`    ${text}`);
  }
  if (failures.length > 20) console.log(`…and ${failures.length - 20} more above.`);
}

const line = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync('.test-summary', line + '\n');
console.log(`\n${line}`);
process.exit(totals.failed === 0 ? 0 : 1);
