// `npm run time:demo`: how long a new user waits for the demo. Clones this repository's
// committed HEAD into a temporary directory, runs `npm start` there, and prints the seconds from
// `git clone` until the page and the kit's bundle both answer 200. Then it stops the demo and
// deletes the clone. `--cold` gives npm an empty cache, as on a new machine (packages are then
// downloaded from the registry).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = 10 * 60_000;
const cold = process.argv.includes('--cold');

/** A port nothing listens on right now. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** True once `url` answers 200. */
async function answers(url) {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

const work = mkdtempSync(join(tmpdir(), 'session-elements-time-demo-'));
const clone = join(work, 'clone');
const port = await freePort();
const env = {
  ...process.env,
  PORT: String(port),
  // Its own database, so the run neither reuses nor touches your demo's data.
  SESSION_ELEMENTS_DEMO_DATA: join(work, 'data'),
  ...(cold ? { npm_config_cache: join(work, 'npm-cache') } : {}),
};
let demo;
let exited;
let status = 1;
try {
  const start = performance.now();
  const git = spawnSync('git', ['clone', '--quiet', ROOT, clone], { stdio: 'inherit' });
  if (git.status !== 0) throw new Error('git clone failed');
  const cloned = seconds(start);
  console.log(`Cloned in ${cloned} s; running npm start${cold ? ' with an empty npm cache' : ''}…`);
  // Its own process group, so stopping it stops npm, the server and anything they started.
  demo = spawn('npm', ['start'], { cwd: clone, env, detached: true, stdio: 'inherit' });
  exited = new Promise((done) => demo.on('exit', done));
  const base = `http://127.0.0.1:${port}`;
  let ready = false;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!ready && !gone && performance.now() - start < TIMEOUT_MS) {
    ready = (await answers(`${base}/`)) && (await answers(`${base}/kit/session-elements.js`));
    if (!ready) await new Promise((done) => setTimeout(done, 200));
  }
  if (!ready) throw new Error(gone ? 'npm start ended before the demo answered' : 'timed out');
  console.log(
    `\nThe demo answered ${seconds(start)} s after git clone (clone ${cloned} s)` +
      `${cold ? ', with an empty npm cache' : ''}.`,
  );
  status = 0;
} catch (error) {
  console.error(`\nNo demo: ${error.message}`);
} finally {
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    process.kill(-demo.pid, 'SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise((done) => setTimeout(() => done(false), 10_000)),
    ]);
    if (!stopped) process.kill(-demo.pid, 'SIGKILL');
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(status);
