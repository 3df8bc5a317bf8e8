// Fails when custom-elements.json differs from what the analyzer generates now, or when a file
// generated from it (template types, VS Code data, React wrappers) differs from what it makes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateTypes } from './generate-types.mjs';

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

const stale = Object.entries(await generateTypes(JSON.parse(fresh)))
  .filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text)
  .map(([path]) => path);
if (stale.length > 0) {
  console.error(`${stale.join(', ')}: stale, run \`npm run types\` and commit the result.`);
  process.exit(1);
}
console.log('custom-elements.json and the files generated from it are up to date.');
