// Installs what `npm start` / `npm test` need on a fresh clone: npm packages when
// node_modules is missing or older than package-lock.json, and (with --browser) a Chromium.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

// npm rewrites this file on every install, so it is newer than the lockfile it installed.
const INSTALLED = 'node_modules/.package-lock.json';

function ensurePackages() {
  const fresh =
    existsSync(INSTALLED) && statSync(INSTALLED).mtimeMs >= statSync('package-lock.json').mtimeMs;
  if (fresh) return;
  console.log('Installing npm dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
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

ensurePackages();
if (process.argv.includes('--browser')) ensureChromium();
