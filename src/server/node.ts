import type { IncomingMessage, ServerResponse } from 'node:http';

/** The contract's bodies are a few bytes; anything bigger is not ours. */
const MAX_BODY = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * Serves a fetch-style handler (such as `createSessionHandler()`) from Node's
 * `http` server, Express or Connect.
 */
export function toNodeHandler(handler: (request: Request) => Promise<Response>) {
  return async function nodeHandler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const protocol = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    const url = new URL(req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
    const method = req.method ?? 'GET';
    let body: Buffer | null = null;
    if (method !== 'GET' && method !== 'HEAD') {
      body = await readBody(req);
      if (body === null) {
        res.writeHead(413, {
          'Content-Type': 'application/json; charset=utf-8',
          Connection: 'close',
        });
        res.end(
          JSON.stringify({
            error: { code: 'unsupported', message: 'The request body is too large.' },
          }),
        );
        return;
      }
    }
    const response = await handler(
      new Request(url, {
        method,
        headers: toHeaders(req),
        body: body?.length ? new Uint8Array(body) : undefined,
      }),
    );
    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) headers['set-cookie'] = cookies;
    res.writeHead(response.status, headers);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}
