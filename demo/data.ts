import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project: the demo server serves its page and modules from here. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where an older demo kept its database, inside the served project; only ever deleted. */
export const LEGACY_DATA_DIR = join(ROOT, '.data');

/**
 * Where `npm start` keeps its SQLite database and cookie secret: a per-user state
 * directory outside the project, so no request to the demo can ever reach them.
 * `SESSION_ELEMENTS_DEMO_DATA` overrides it.
 */
export function demoDataDir(): string {
  const override = process.env.SESSION_ELEMENTS_DEMO_DATA;
  if (override) return resolve(override);
  const state = process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return join(state, 'session-elements-demo');
}

/** True when `path` is the project directory or anywhere below it. */
export function isInsideRoot(path: string): boolean {
  const rel = relative(ROOT, resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Deletes the demo's data (and a legacy `.data` directory), so the next start seeds afresh. */
export function resetDemoData(): string[] {
  const removed = [demoDataDir(), LEGACY_DATA_DIR].filter((dir) => existsSync(dir));
  for (const dir of removed) rmSync(dir, { recursive: true, force: true });
  return removed;
}
