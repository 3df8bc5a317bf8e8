// `npm test`: every gate in order, then one plain line with the real totals.
// Gates that are not test suites (typecheck, lint, build, manifest) count as one test each.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const totals = { passed: 0, failed: 0 };
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
  if (!ok) console.error(`✗ ${label} failed`);
  return ok;
}

function suite(label, command, args, resultsFile, parse, env = {}) {
  rmSync(resultsFile, { force: true });
  const ok = run(label, command, args, env);
  const counts = existsSync(resultsFile) ? parse(readFileSync(resultsFile, 'utf8')) : null;
  if (!counts) {
    totals.failed++;
    console.error(`✗ ${label} produced no results`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  if (!ok && counts.failed === 0) totals.failed++;
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

if (nodeTestFiles.length > 0) {
  suite(
    'server tests',
    'node',
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${NODE_RESULTS}`,
      ...nodeTestFiles,
    ],
    NODE_RESULTS,
    (text) => {
      const pass = /^# pass (\d+)/m.exec(text);
      const fail = /^# fail (\d+)/m.exec(text);
      return pass && fail ? { passed: Number(pass[1]), failed: Number(fail[1]) } : null;
    },
  );
}

const line = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync('.test-summary', line + '\n');
console.log(`\n${line}`);
process.exit(totals.failed === 0 ? 0 : 1);
