// Installs what a command needs on a fresh clone, and nothing more: the npm packages of the root
// package (the kit and the demo: all `npm start` needs) plus the workspaces the command names,
// and (with --browser) a Chromium. Nothing happens when they are already installed.
//
//   node scripts/ensure-deps.mjs                       the demo (npm start)
//   node scripts/ensure-deps.mjs --workspace stories   the demo and Storybook
//   node scripts/ensure-deps.mjs --all --browser       everything (npm test)
//
// Each install is one `npm ci` from the committed lockfile. A partial one keeps what is already
// installed, so running Storybook after `npm test` does not remove the test tools.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';

// npm rewrites this file on every install, so it is newer than the lockfile it installed.
const INSTALLED = 'node_modules/.package-lock.json';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const WORKSPACES = readJson('package.json').workspaces ?? [];

/** The workspaces this command needs, from `--all` and `--workspace NAME` (repeatable). */
function wantedWorkspaces(args) {
  if (args.includes('--all')) return WORKSPACES;
  const named = args.flatMap((arg, i) => (arg === '--workspace' ? [args[i + 1]] : []));
  for (const name of named) {
    if (!WORKSPACES.includes(name)) throw new Error(`No workspace "${name}" in package.json`);
  }
  return named;
}

/** True when every package that `dir`'s package.json asks for is in node_modules. */
function isInstalled(dir) {
  const manifest = readJson(join(dir, 'package.json'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
  // npm hoists to the root; a version that conflicts stays under the workspace.
  return names.every((name) =>
    [dir, '.'].some((base) => existsSync(join(base, 'node_modules', name, 'package.json'))),
  );
}

function ensurePackages(wanted) {
  const fresh =
    existsSync(INSTALLED) &&
    statSync(INSTALLED).mtimeMs >= statSync('package-lock.json').mtimeMs &&
    isInstalled('.');
  const present = fresh ? WORKSPACES.filter(isInstalled) : [];
  if (fresh && wanted.every((name) => present.includes(name))) return;
  // `npm ci` starts from an empty node_modules: reinstall what is there along with what is new.
  const workspaces = WORKSPACES.filter((name) => wanted.includes(name) || present.includes(name));
  let args;
  if (workspaces.length === WORKSPACES.length) args = [];
  else if (workspaces.length === 0) args = ['--workspaces=false'];
  else args = ['--include-workspace-root', ...workspaces.flatMap((name) => ['--workspace', name])];
  const what = workspaces.length === 0 ? 'the demo' : `the demo and ${workspaces.join(', ')}`;
  console.log(`Installing npm packages for ${what} (npm ci)…`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', ...args], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  if (findChromium()) return;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  const isRoot = process.getuid?.() === 0;
  if (hasApt) {
    console.log('No Chromium found; installing Debian’s chromium package…');
    const sudo = isRoot ? '' : 'sudo ';
    try {
      execSync(`${sudo}apt-get update -qq && ${sudo}apt-get install -y -qq chromium`, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    } catch {
      // Reported below with the manual instructions.
    }
  }
  if (!findChromium()) {
    console.error(
      'The browser tests need Chromium or Google Chrome and none was found.\n' +
        'Install it (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome)\n' +
        'or point CHROME_PATH at the browser executable, then run the command again.',
    );
    process.exit(1);
  }
}

const args = process.argv.slice(2);
ensurePackages(wantedWorkspaces(args));
if (args.includes('--browser')) ensureChromium();
