// Fails when custom-elements.json differs from what the analyzer generates now.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The analyzer joins --outdir onto the working directory, so it must be relative.
const outdir = join('node_modules', '.cache', 'cem-check');
rmSync(outdir, { recursive: true, force: true });
const result = spawnSync(
  'node_modules/.bin/cem',
  ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
if (result.status !== 0) process.exit(result.status ?? 1);
const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
const committed = readFileSync('custom-elements.json', 'utf8');
if (fresh !== committed) {
  console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
  process.exit(1);
}
console.log('custom-elements.json is up to date.');
