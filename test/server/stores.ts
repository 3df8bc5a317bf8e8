/**
 * Throwaway PostgreSQL and Redis servers for the store matrix: each on a free
 * loopback port, its files in a temp directory, stopped when the process ends
 * (normally, after a failed test, or on SIGINT/SIGTERM).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The stores the server suites run against. */
export type StoreKind = 'sqlite' | 'postgres' | 'postgres+redis';

export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres', 'postgres+redis'];

/** The store of this test process: `SESSION_ELEMENTS_STORE`, SQLite by default. */
export function storeKind(): StoreKind {
  const value = process.env.SESSION_ELEMENTS_STORE || 'sqlite';
  if (!(STORE_KINDS as readonly string[]).includes(value)) {
    throw new Error(`SESSION_ELEMENTS_STORE must be one of ${STORE_KINDS.join(', ')}: ${value}`);
  }
  return value as StoreKind;
}

/** Under CI a missing server fails the suite instead of skipping it. */
export const STORES_REQUIRED = process.env.SESSION_ELEMENTS_REQUIRE_STORES === '1';

function onPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The directory with initdb and pg_ctl: PG_BIN, Debian's versioned directories, or PATH. */
function postgresBin(): string | null {
  const configured = process.env.PG_BIN;
  if (configured) return existsSync(join(configured, 'initdb')) ? configured : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  const initdb = onPath('initdb');
  return initdb ? join(initdb, '..') : null;
}

/** Why the servers of `kind` cannot be started here, or null when they can. */
export function missingStores(kind: StoreKind): string | null {
  if (kind === 'sqlite') return null;
  const missing: string[] = [];
  if (!postgresBin())
    missing.push('PostgreSQL (initdb, pg_ctl; Debian: apt-get install postgresql)');
  if (kind === 'postgres+redis' && !onPath('redis-server'))
    missing.push('redis-server (Debian: apt-get install redis-server)');
  return missing.length ? `not installed: ${missing.join(', ')}` : null;
}

/** A free TCP port on 127.0.0.1 (closed again before the server takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const stops: (() => void)[] = [];
let hooked = false;

/** Runs every registered stop once, synchronously: safe inside an 'exit' handler. */
function stopAll(): void {
  for (const stop of stops.splice(0).reverse()) {
    try {
      stop();
    } catch {
      // The server may already be gone; the others must still be stopped.
    }
  }
}

function onProcessEnd(stop: () => void): void {
  stops.push(stop);
  if (hooked) return;
  hooked = true;
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      process.kill(process.pid, signal);
    });
  }
}

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
}

function run(command: string, args: string[]): void {
  const [cmd, argv] = asPostgres(command, args);
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** A running throwaway server. */
export interface StoreServer {
  url: string;
  stop(): void;
}

/**
 * PostgreSQL with trust authentication on 127.0.0.1 only (its socket in the
 * temp directory, not the system's), tuned for tests: no fsync.
 */
export async function startPostgres(): Promise<StoreServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (initdb, pg_ctl)');
  const dir = mkdtempSync(join(tmpdir(), 'session-elements-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-s']);
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  onProcessEnd(stop);
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  run(join(bin, 'pg_ctl'), [
    'start',
    '-D',
    data,
    '-w',
    '-s',
    '-l',
    join(dir, 'log'),
    '-o',
    settings,
  ]);
  started = true;
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('There is no postgres user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Waits, synchronously (stops run in an 'exit' handler), until process `pid` is gone or `ms` passed. */
function waitForExit(pid: number, ms: number): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + ms; Date.now() < end; Atomics.wait(pause, 0, 0, 20)) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

/** Redis on 127.0.0.1 only, in memory (no snapshots), daemonized with a pid file. */
export async function startRedis(): Promise<StoreServer> {
  const dir = mkdtempSync(join(tmpdir(), 'session-elements-redis-'));
  const pidFile = join(dir, 'redis.pid');
  const port = await freePort();
  const stop = () => {
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0) {
        process.kill(pid, 'SIGTERM');
        // Its last log lines would land in the directory being removed and keep it.
        waitForExit(pid, 2_000);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  onProcessEnd(stop);
  execFileSync(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      ...['--daemonize', 'yes', '--pidfile', pidFile, '--dir', dir],
      ...['--logfile', join(dir, 'log')],
    ],
    { stdio: 'ignore', timeout: 30_000 },
  );
  // Daemonized: the pid file appears once it is up.
  for (let i = 0; i < 100 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 20));
  return { url: `redis://127.0.0.1:${port}`, stop };
}

/** The servers of one test process, started on first use and shared by its apps. */
export interface StoreServers {
  databaseUrl: string;
  redisUrl?: string;
}

let servers: Promise<StoreServers> | undefined;

/**
 * The PostgreSQL (and Redis) of this process for `kind`: the ones named by
 * `SESSION_ELEMENTS_TEST_DATABASE_URL` / `SESSION_ELEMENTS_TEST_REDIS_URL`
 * when set, otherwise throwaway ones started here.
 */
export function storeServers(kind: Exclude<StoreKind, 'sqlite'>): Promise<StoreServers> {
  servers ??= (async () => {
    const databaseUrl =
      process.env.SESSION_ELEMENTS_TEST_DATABASE_URL ?? (await startPostgres()).url;
    if (kind !== 'postgres+redis') return { databaseUrl };
    const redisUrl = process.env.SESSION_ELEMENTS_TEST_REDIS_URL ?? (await startRedis()).url;
    return { databaseUrl, redisUrl };
  })();
  return servers;
}

// `node --import tsx test/server/stores.ts <kind>`: exits 1 naming what is missing for `kind`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reason = missingStores((process.argv[2] ?? 'postgres+redis') as StoreKind);
  if (reason) console.log(reason);
  process.exit(reason ? 1 : 0);
}
