import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';

const commonjs = fromRollup(rollupCommonjs);

/** Writes the pass/fail totals, and what failed, where scripts/test.mjs can add them up. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      // What failed and why, for the recap `npm test` prints last (CI shows only the tail).
      const failures = [];
      const walk = (suite, path) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else {
            failed++;
            failures.push({ name: [...path, test.name].join(' › '), error: test.error?.message });
          }
        }
        for (const child of suite.suites) walk(child, [...path, child.name]);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, [relative('.', session.testFile)]);
        // A file that failed to load ran no tests but is still a failure.
        if (!session.passed && (!session.testResults || session.errors?.length)) {
          failed++;
          failures.push({
            name: relative('.', session.testFile),
            error: session.errors?.map((error) => error.message).join('\n'),
          });
        }
      }
      writeFileSync(file, JSON.stringify({ passed, failed, skipped, failures }));
    },
  };
}

/**
 * Lets a test make the next request for a module fail (a lazy chunk that cannot be loaded):
 * `fetch('/__test/fail-next?path=/listing-view.')` arms it, the next request whose path
 * holds that answers 503, `?path=` empty disarms. Test files run one at a time.
 */
function failNextModule() {
  let failing = '';
  return async (context, next) => {
    if (context.path === '/__test/fail-next') {
      failing = context.query.path ?? '';
      context.body = 'ok';
      return;
    }
    if (failing && context.path.includes(failing)) {
      failing = '';
      context.status = 503;
      return;
    }
    await next();
  };
}

export default {
  nodeResolve: { exportConditions: ['browser', 'production'] },
  hostname: '127.1',
  rootDir: '.',
  // test/security/server holds the node half of the adversarial suite; test/security/browser runs here.
  files: [
    'test/**/*.test.ts',
    '!test/e2e/**',
    '!test/server/**',
    '!test/integration/**',
    '!test/security/server/**',
  ],
  concurrency: 1,
  middleware: [failNextModule()],
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    commonjs({ include: ['**/node_modules/ua-parser-js/**'], strictRequires: false }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.base.json' }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [
    defaultReporter(),
    summaryReporter({ flatten: false }),
    countingReporter(process.env.WTR_RESULTS ?? '.wtr-results.json'),
  ],
};
