import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type {
  Organization,
  Page as ListPage,
  Session,
  SignIn,
  Workspace,
} from '../../src/core/types.js';
import {
  DEVICES,
  backend,
  demoKeepsExpiredSessions,
  demoUrl,
  device,
  session,
  signIn,
  signedInDevice,
  useDemoServer,
} from './harness.js';

useDemoServer();

describe('a real browser against the demo server', () => {
  test('signed out, the session is null; after signing in it is the seeded user', async () => {
    const page = await device('laptop');
    assert.equal(await session(page), null);
    await signIn(page, 'ana@demo.test');
    const current = await session(page);
    assert.equal(current?.active_signin?.user?.first_name, 'Ana');
    assert.equal(current?.active_signin?.user?.last_name, 'Sousa');
    assert.match(current?.active_signin?.user?.profile_picture_url ?? '', /^data:image\/svg\+xml,/);
    assert.equal(current?.active_signin?.current, true);
    assert.equal(current?.active_signin?.city, 'Lisbon');
    assert.equal(current?.active_signin?.country, 'Portugal');
    assert.equal(current?.active_signin?.userAgent, DEVICES.laptop.userAgent);
    assert.deepEqual(
      current?.signins.map((s) => s.id),
      [current?.active_signin?.id],
    );
  });

  test('sign-ins from other devices appear in listSignIns with their device and place', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    const tablet = await signedInDevice('tablet');
    const page = await backend<ListPage<SignIn>>(laptop.page, 'listSignIns', {
      page: 1,
      pageSize: 100,
    });
    assert.equal(page.items[0]?.id, laptop.id, 'this device first');
    const byId = new Map(page.items.map((s) => [s.id, s]));
    assert.equal(byId.get(phone.id)?.city, 'Berlin');
    assert.equal(byId.get(phone.id)?.userAgent, DEVICES.phone.userAgent);
    assert.equal(byId.get(tablet.id)?.city, 'São Paulo');
    assert.equal(byId.get(tablet.id)?.countryCode, 'BR');
    // New York: a seeded device of Ana's, last seen 19 days ago, still signed in.
    assert.ok(
      page.items.some((s) => s.city === 'New York'),
      'seeded devices are listed too',
    );
    const online = await backend<ListPage<SignIn>>(laptop.page, 'listSignIns', {
      pageSize: 100,
      status: 'online',
    });
    assert.ok(online.items.some((s) => s.id === phone.id));
    assert.ok(
      !online.items.some((s) => s.city === 'New York'),
      'a device idle for weeks is not online',
    );
    const expired = await backend<ListPage<SignIn>>(laptop.page, 'listSignIns', {
      pageSize: 100,
      status: 'expired',
    });
    // Tokyo expired a week ago: still stored and listed, except in Redis, where its key expired.
    assert.deepEqual(
      expired.items.map((s) => s.city),
      demoKeepsExpiredSessions() ? ['Tokyo'] : [],
    );
    assert.equal(expired.total, expired.items.length);
  });

  test('revoking a device by id signs that device out', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    await backend(laptop.page, 'removeSignIn', phone.id);
    assert.equal(await session(phone.page), null);
    assert.ok(await session(laptop.page));
    const list = await backend<ListPage<SignIn>>(laptop.page, 'listSignIns', { pageSize: 100 });
    assert.ok(!list.items.some((s) => s.id === phone.id));
  });

  test('switching between accounts on this browser', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    const both = await session(laptop.page);
    assert.equal(both?.active_signin?.user?.first_name, 'Ben');
    assert.deepEqual(both?.signins.map((s) => s.user?.first_name).sort(), ['Ana', 'Ben']);
    const switched = await backend<Session>(laptop.page, 'switchSignIn', laptop.id);
    assert.equal(switched.active_signin?.user?.first_name, 'Ana');
    assert.equal((await session(laptop.page))?.active_signin?.id, laptop.id);
  });

  test('switching organization and workspace', async () => {
    const laptop = await signedInDevice('laptop');
    const orgs = await backend<Organization[]>(laptop.page, 'listOrganizations');
    assert.deepEqual(orgs.map((o) => o.name).sort(), ['Acme Inc', 'Globex Research']);
    const acme = orgs.find((o) => o.slug === 'acme')!;
    const afterOrg = await backend<Session>(laptop.page, 'switchOrganization', acme.id);
    assert.equal(afterOrg.active_signin?.active_organization_membership_id, acme.membership_id);
    const workspaces = await backend<Workspace[]>(laptop.page, 'listWorkspaces', undefined);
    assert.deepEqual(workspaces.map((w) => w.name).sort(), ['Design', 'Marketing', 'Platform']);
    const design = workspaces.find((w) => w.name === 'Design')!;
    const afterWorkspace = await backend<Session>(laptop.page, 'switchWorkspace', design.id);
    assert.equal(
      afterWorkspace.active_signin?.active_workspace_membership_id,
      design.membership_id,
    );
    const personal = await backend<Session>(laptop.page, 'switchOrganization', null);
    assert.equal(personal.active_signin?.active_organization_membership_id, undefined);
  });

  test('getToken returns a JWT that verifies against the server JWKS', async () => {
    const laptop = await signedInDevice('laptop');
    const { token, expiresAt } = await backend<{ token: string; expiresAt: number }>(
      laptop.page,
      'getToken',
      undefined,
    );
    const jwks = createRemoteJWKSet(new URL(`${demoUrl()}/api/auth/jwks`));
    const { payload } = await jwtVerify(token, jwks);
    assert.equal(payload.sub, laptop.session.active_signin?.user?.id);
    assert.equal(expiresAt, (payload.exp ?? 0) * 1000);
  });

  test('sign out one account on this browser: the other account stays', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    await backend(laptop.page, 'signOut', { signInId: laptop.id });
    const left = await session(laptop.page);
    assert.deepEqual(
      left?.signins.map((s) => s.user?.first_name),
      ['Ben'],
    );
  });

  test('sign out all accounts on this browser: other devices stay signed in', async () => {
    const laptop = await signedInDevice('laptop');
    await signIn(laptop.page, 'ben@demo.test');
    const phone = await signedInDevice('phone');
    await backend(laptop.page, 'signOut', { all: true });
    assert.equal(await session(laptop.page), null);
    assert.ok(await session(phone.page));
  });

  test('revoke others, then sign out everywhere', async () => {
    const laptop = await signedInDevice('laptop');
    const phone = await signedInDevice('phone');
    const tablet = await signedInDevice('tablet');
    const { revoked } = await backend<{ revoked: number }>(laptop.page, 'revokeOtherSignIns');
    assert.ok(revoked >= 2);
    assert.equal(await session(phone.page), null);
    assert.equal(await session(tablet.page), null);
    const listed = await backend<ListPage<SignIn>>(laptop.page, 'listSignIns', {
      status: 'online',
    });
    assert.deepEqual(
      listed.items.map((s) => s.id),
      [laptop.id],
    );

    const again = await signedInDevice('phone');
    await backend(laptop.page, 'signOut', { everywhere: true });
    assert.equal(await session(laptop.page), null);
    assert.equal(await session(again.page), null);
  });

  test('the demo panel mounts itself, signs in as a seeded user and toggles the theme', async () => {
    const page = await device('laptop');
    await page.addScriptTag({ type: 'module', url: '/demo/panel.ts' });
    const panel = page.getByRole('complementary', { name: /Demo controls/ });
    // The panel reloads the page once the sign-in went through.
    await Promise.all([
      page.waitForEvent('framenavigated'),
      panel.getByRole('button', { name: 'Ben Okafor' }).click(),
    ]);
    await page.waitForLoadState('load');
    assert.equal((await session(page))?.active_signin?.user?.first_name, 'Ben');
    await page.addScriptTag({ type: 'module', url: '/demo/panel.ts' });
    // Used once, the panel starts collapsed.
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('button', { name: 'Toggle light / dark' }).click();
    assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'dark');
    const before = await backend<ListPage<SignIn>>(page, 'listSignIns', { pageSize: 100 });
    await page.getByRole('button', { name: 'Simulate a sign-in from another device' }).click();
    await page.getByRole('status').filter({ hasText: 'New sign-in from' }).waitFor();
    const after = await backend<ListPage<SignIn>>(page, 'listSignIns', { pageSize: 100 });
    assert.equal(after.total, before.total + 1, 'one more sign-in, from another device');
    const added = after.items.find((s) => !before.items.some((b) => b.id === s.id));
    assert.ok(added?.city && added.current === false);
  });
});
