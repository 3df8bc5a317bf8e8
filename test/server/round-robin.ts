/**
 * The contract through two instances (`SESSION_ELEMENTS_INSTANCES=2`, with
 * `SESSION_ELEMENTS_STORE=postgres+redis`): two processes running
 * instance-worker.ts, and every request of a test app sent to the next one in
 * turn, over HTTP on loopback. Two requests in a row never reach the same
 * process, so a test passes only if whatever one request leaves for the next
 * lives in PostgreSQL or Redis, not in an instance's memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import type { InstanceStore } from './instance-worker.js';

/** Whether this test process runs its apps through two instances. */
export function instancesWanted(): boolean {
  return process.env.SESSION_ELEMENTS_INSTANCES === '2';
}

interface Instance {
  name: string;
  child: ChildProcess;
  port: number;
}

let instances: Promise<Instance[]> | undefined;

/** A POST here closes the store `X-Test-Store` names: its test app is done, its database goes. */
export const RELEASE_PATH = '/__instance/release';

function startInstance(name: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/server/instance-worker.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Stopped with the test process, also when a test fails; before its PostgreSQL and Redis
  // stop (exit handlers run in order), or every lost connection prints an error.
  process.prependOnceListener('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`instance ${name} did not start`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        // The instances live as long as the test process, and never keep it alive themselves.
        child.unref();
        (child.stdout as unknown as { unref(): void }).unref();
        resolve({ name, child, port: Number(port) });
      }
    });
    child.once('exit', (code) => reject(new Error(`instance ${name} exited (${code})`)));
  });
}

/** Sends one request to `instance` as if it were addressed to the app's own origin. */
async function forward(instance: Instance, store: string, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string | string[]> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  headers.host = url.host;
  headers['x-test-store'] = store;
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: '127.0.0.1',
        port: instance.port,
        method: request.method,
        path: url.pathname + url.search,
        headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const out = new Headers();
          for (const [name, value] of Object.entries(answer.headers)) {
            for (const one of [value ?? []].flat()) out.append(name, one);
          }
          out.set('x-upstream', instance.name);
          const status = answer.statusCode ?? 502;
          const empty = status === 204 || status === 304 || request.method === 'HEAD';
          resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers: out }));
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * A handle for one test app: request n goes to instance n mod 2 (A, B, A, …),
 * and its answer says which in `X-Upstream`. `release` makes both instances close
 * the app's store, before its database is dropped under their connections.
 */
export async function viaInstances(store: InstanceStore): Promise<{
  handle: (request: Request) => Promise<Response>;
  release: () => Promise<void>;
}> {
  instances ??= Promise.all([startInstance('a'), startInstance('b')]);
  const [a, b] = await instances;
  const header = JSON.stringify(store);
  let turn = 0;
  return {
    handle: (request) => forward(turn++ % 2 === 0 ? a! : b!, header, request),
    async release() {
      const done = new Request(`http://instance${RELEASE_PATH}`, { method: 'POST' });
      await Promise.all([a!, b!].map((instance) => forward(instance, header, done.clone())));
    },
  };
}
