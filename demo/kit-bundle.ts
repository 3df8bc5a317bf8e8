import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ROOT } from './data.js';

/** Where the demo page loads the kit from: `<script type="module" src="/kit/session-elements.js">`. */
export const KIT_PATH = '/kit/';

/** The bundle's files: the entry and its lazy chunks, as `vite build --mode cdn` names them. */
const KIT_FILE = /^\/kit\/(session-elements\.js|cdn\/[\w-]+\.js)$/;

/** The kit as the demo page runs it, rebuilt after a change to its sources. */
export interface KitBundle {
  /** Settles when the current build does: rejects when it failed. */
  ready(): Promise<void>;
  /** True for a request this bundle answers. */
  owns(path: string): boolean;
  /** Answers a request under {@link KIT_PATH}: a bundle file, or 404. */
  serve(path: string, res: ServerResponse): Promise<void>;
  /** Marks the bundle stale when `file` is one of its sources; true when it was. */
  invalidate(file: string): boolean;
  /** Deletes the built files. */
  close(): void;
}

/** True for the files the browser bundle is made of: src/ except the server half. */
function isKitSource(file: string): boolean {
  const path = relative(ROOT, file);
  return path.startsWith(`src${sep}`) && !path.startsWith(`src${sep}server${sep}`);
}

/**
 * Runs the CDN build exactly as `npm run build` does, in its own process so the demo server's
 * development Vite cannot switch it to Lit's development build: NODE_ENV is production, as for
 * a user's build. The output goes to `outDir`, outside the project.
 */
function buildInto(outDir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--mode', 'cdn', '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`Building the kit failed:\n${output}`)),
    );
  });
}

/** A build directory's name: this prefix, the demo server's process id, a dash, random letters. */
const KIT_DIR_PREFIX = 'session-elements-kit-';
const KIT_DIR = new RegExp(`^${KIT_DIR_PREFIX}(\\d+)-`);

/** True while process `pid` runs (a process of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the build directories of demo servers that were killed before they could. */
function removeOrphans(): void {
  for (const name of readdirSync(tmpdir())) {
    const owner = KIT_DIR.exec(name);
    if (owner && !isRunning(Number(owner[1]))) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/**
 * Builds the kit's production bundle (dist/session-elements.js and its lazy chunks, the file a
 * CDN user loads) for the demo page, so the page runs what users get: Lit's production build,
 * minified. Each build has a directory of its own; a change makes the next request build again.
 */
export function createKitBundle(): KitBundle {
  removeOrphans();
  const dir = mkdtempSync(join(tmpdir(), `${KIT_DIR_PREFIX}${process.pid}-`));
  let count = 0;
  let current: Promise<string> | undefined;

  const build = (): Promise<string> => {
    if (!current) {
      const outDir = join(dir, String(++count));
      const attempt = buildInto(outDir).then(() => outDir);
      // A failed build is tried again on the next request, not remembered.
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
      current = attempt;
    }
    return current;
  };

  return {
    ready: () => build().then(() => undefined),
    owns: (path) => path.startsWith(KIT_PATH),
    async serve(path, res) {
      const match = KIT_FILE.exec(path.split('?')[0] ?? '');
      if (!match) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      let body: Buffer;
      try {
        body = readFileSync(join(await build(), match[1]!));
      } catch (error) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        if (!missing) console.error(error);
        res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(missing ? 'Not found' : 'The kit did not build; see the server log.');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    },
    invalidate(file) {
      if (!isKitSource(file)) return false;
      current = undefined;
      return true;
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
