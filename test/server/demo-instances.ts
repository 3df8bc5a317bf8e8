/**
 * Demo server processes behind a round-robin balancer on loopback: the
 * several-instances tests (instances.test.ts) and the e2e flows through two
 * instances (`SESSION_ELEMENTS_INSTANCES=2`, see test/e2e/harness.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/** `npm start` in a process of its own; resolves with its origin once it listens. */
export function startInstance(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  url: Promise<string>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/server.ts'], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no demo within 60 s: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /session-elements demo: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}): ${output}`)));
  });
  url.catch(() => undefined);
  return { child, url };
}

/** Stops an instance the way a deployment would (SIGTERM: streams end, then it exits). */
export function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * A load balancer on loopback: request n goes to upstream n mod 2 (or, when that
 * one cannot be reached, to the other), and says which in `X-Upstream`. Every instance builds its own origin from its port, so
 * the proxy presents each request as addressed to that instance: `Host` becomes
 * the upstream's, and an `Origin` of the proxy's own origin becomes the
 * upstream's (any other Origin passes unchanged, so the CSRF check still
 * refuses foreign pages). In production the instances share one public origin
 * and the balancer forwards Host as it is. Cookies pass both ways untouched.
 */
export class RoundRobin {
  readonly server: Server;
  url = '';
  #turn = 0;
  readonly #sockets = new Set<Duplex>();

  constructor(readonly upstreams: { name: string; url: string }[]) {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      this.#forward(req, res, Buffer.concat(chunks), this.#turn++, this.upstreams.length);
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#tunnel(req, socket, head),
    );
  }

  /**
   * Sends the request to upstream `turn`; one that cannot be reached (stopped, killed) passes
   * it to the next while `tries` last, as a production balancer fails over.
   */
  #forward(req: IncomingMessage, res: ServerResponse, body: Buffer, turn: number, tries: number) {
    const upstream = this.upstreams[turn % this.upstreams.length]!;
    const target = new URL(upstream.url);
    const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
    if (headers.origin === this.url) headers.origin = upstream.url;
    const forward = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': upstream.name });
        answer.pipe(res);
        // An upstream gone mid-answer (a killed instance) drops the client's connection too.
        answer.on('close', () => answer.complete || res.destroy());
      },
    );
    forward.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) res.destroy();
      else if (error.code === 'ECONNREFUSED' && tries > 1)
        this.#forward(req, res, body, turn + 1, tries - 1);
      else res.writeHead(502).end();
    });
    // A client that hangs up (an event stream closed) hangs up upstream too.
    res.on('close', () => forward.destroy());
    forward.end(body);
  }

  /** Vite's HMR socket of a page opened through the balancer: passed on as bytes. */
  #tunnel(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const upstream = this.upstreams[this.#turn++ % this.upstreams.length]!;
    const target = new URL(upstream.url);
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    const link = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const name = req.rawHeaders[i]!;
        let value = req.rawHeaders[i + 1]!;
        if (/^host$/i.test(name)) value = target.host;
        if (/^origin$/i.test(name) && value === this.url) value = upstream.url;
        lines.push(`${name}: ${value}`);
      }
      link.write(`${lines.join('\r\n')}\r\n\r\n`);
      link.write(head);
      link.pipe(socket).pipe(link);
    });
    link.on('error', () => socket.destroy());
    socket.on('error', () => link.destroy());
    socket.once('close', () => link.destroy());
  }

  async listen(): Promise<void> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Sends harmless requests until the next one goes to `name`. */
  async nextTo(name: string): Promise<void> {
    while (this.upstreams[this.#turn % this.upstreams.length]!.name !== name) {
      await fetch(`${this.url}/favicon.ico`);
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    for (const socket of this.#sockets) socket.destroy();
    return new Promise((done) => this.server.close(() => done()));
  }
}
