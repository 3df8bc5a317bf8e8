// The session API on this app's origin, forwarded to the server that runs it. Astro has no
// rewrites to another server, so this endpoint is the proxy: it sends the page's host and
// scheme in X-Forwarded-Host/-Proto (replacing any a client sent), which the handler trusts
// with `trustProxy: true` (or name this app's origin in `trustedOrigins`).
import type { APIRoute } from 'astro';
import { sessionApi } from '../../../session-api';

export const ALL: APIRoute = async ({ request, params }) => {
  const url = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.delete('host');
  headers.set('x-forwarded-host', url.host);
  headers.set('x-forwarded-proto', url.protocol.slice(0, -1));
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const answer = await fetch(`${sessionApi}/api/session/${params.path ?? ''}${url.search}`, {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    redirect: 'manual',
  });
  // fetch has already decoded the body: its length and encoding no longer apply.
  const out = new Headers(answer.headers);
  out.delete('content-encoding');
  out.delete('content-length');
  return new Response(answer.body, { status: answer.status, headers: out });
};
