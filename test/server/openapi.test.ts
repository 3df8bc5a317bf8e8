import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { SESSION_ERROR_CODES } from '../../src/core/errors.js';
import type { Session } from '../../src/core/types.js';
import { MAX_PAGE_SIZE } from '../../src/core/backend.js';
import { HTTP_ROUTES } from '../../src/core/routes.js';
import { SIGN_IN_STATUSES } from '../../src/core/types.js';
import { ROUTES } from '../../src/server/index.js';
import { createApp, type App } from './fixture.js';

const text = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');

/** The operations under `paths:` — our own document, two-space indented, parsed by shape. */
function documentedOperations(): { method: string; path: string; operationId: string }[] {
  const paths = text.slice(text.indexOf('\npaths:\n'), text.indexOf('\ncomponents:\n'));
  const found: { method: string; path: string; operationId: string }[] = [];
  let path = '';
  let method = '';
  for (const line of paths.split('\n')) {
    const pathMatch = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathMatch) path = pathMatch[1]!;
    const methodMatch = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (methodMatch) method = methodMatch[1]!.toUpperCase();
    const idMatch = /^ {6}operationId: (\S+)\s*$/.exec(line);
    if (idMatch) found.push({ method, path, operationId: idMatch[1]! });
  }
  return found;
}

/** Property names of a schema in components.schemas. */
function schemaProperties(name: string): string[] {
  const start = text.indexOf(`\n    ${name}:\n`, text.indexOf('\n  schemas:\n'));
  assert.ok(start > 0, `schema ${name} documented`);
  const block = text.slice(start + 1).split(/\n {4}\S/)[0]!;
  const props = block.slice(block.indexOf('properties:'));
  return [...props.matchAll(/^ {8}(\w+):/gm)].map((m) => m[1]!);
}

const key = (o: { method: string; path: string }) => `${o.method} ${o.path}`;

test('openapi.yaml is OpenAPI 3.1 and documents exactly the shared routes, by operation', () => {
  assert.match(text, /^openapi: 3\.1\.\d+$/m);
  const documented = documentedOperations();
  const shared = Object.entries(HTTP_ROUTES).map(([operation, route]) => ({ ...route, operation }));
  assert.deepEqual(documented.map(key).sort(), shared.map(key).sort());
  for (const route of shared) {
    assert.equal(documented.find((d) => key(d) === key(route))?.operationId, route.operation);
  }
  // The handler serves the same table.
  assert.deepEqual(ROUTES.map(key).sort(), shared.map(key).sort());
});

test('the documented error codes are the kit’s error codes', () => {
  const block = text.slice(text.indexOf('\n    Error:\n'), text.indexOf('\n    CurrentUser:\n'));
  const codes = [...block.matchAll(/^ +- ([\w-]+)$/gm)].map((m) => m[1]);
  assert.deepEqual(codes, [...SESSION_ERROR_CODES]);
});

test('the list query is documented from the shared constants: statuses and page-size maximum', () => {
  const list = text.slice(
    text.indexOf('\n  /signins:\n'),
    text.indexOf('\n  /signins/revoke-others:'),
  );
  assert.match(list, new RegExp(`enum: \\[${SIGN_IN_STATUSES.join(', ')}\\]`));
  assert.match(list, new RegExp(`clamped to ${MAX_PAGE_SIZE}`));
  assert.doesNotMatch(list, /maximum:/, 'a larger page size is clamped, not refused');
});

let app: App;
before(async () => {
  app = await createApp();
  await app.signUp('Ana Sousa', 'ana@example.com');
});
after(() => app.close());

test('every documented operation is served (no 404/405 for the route itself)', async () => {
  const browser = app.browser();
  for (const { method, path } of documentedOperations()) {
    const concrete = path.replace('{id}', 'some-id');
    const body = path === '/exchange-ticket' ? { ticket: 'not-a-ticket' } : {};
    const response = await browser.request(
      method,
      `/api/session${concrete}`,
      method === 'GET' ? undefined : body,
    );
    assert.ok(response.status !== 405, `${method} ${path} → 405`);
    const error = (response.json as { error?: { message?: string } })?.error?.message ?? '';
    assert.ok(!error.startsWith('That endpoint'), `${method} ${path} is not routed`);
    // Reading the session and the first page of sign-ins are where signed out is an answer.
    const expected = method === 'GET' && (path === '/' || path === '/signins') ? 200 : 401;
    assert.equal(
      response.status,
      expected,
      `${method} ${path} answers a signed-out caller with ${expected}`,
    );
  }
});

test('what the handler sends is documented, field by field', async () => {
  const browser = app.browser({
    headers: {
      'cf-ipcity': 'Porto',
      'cf-ipcountry': 'PT',
      'cf-region': 'Porto',
      'cf-region-code': '13',
    },
  });
  await browser.signIn('ana@example.com');
  const session = (await browser.get('/')).json as Session;
  assert.deepEqual(Object.keys(session).sort(), schemaProperties('Session').sort());
  const signInFields = schemaProperties('SignIn');
  for (const field of Object.keys(session.active_signin!)) {
    assert.ok(signInFields.includes(field), `SignIn.${field} is documented`);
  }
  const userFields = schemaProperties('CurrentUser');
  for (const field of Object.keys(session.active_signin!.user!)) {
    assert.ok(userFields.includes(field), `CurrentUser.${field} is documented`);
  }
  assert.deepEqual(schemaProperties('SignInPage'), ['items', 'total', 'page', 'pageSize']);
  assert.deepEqual(Object.keys((await browser.get('/signins')).json as object).sort(), [
    'items',
    'page',
    'pageSize',
    'total',
  ]);
});
