import { expect } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { SessionError } from '../../src/core/errors.js';

const o = () => ({ signal: new AbortController().signal });

describe('MemoryBackend', () => {
  it('lists only the signed-in user’s sign-ins, current first, paged', async () => {
    const backend = new MemoryBackend();
    const first = await backend.listSignIns({ page: 1, pageSize: 3 }, o());
    expect(first.total).to.equal(8);
    expect(first.items).to.have.length(3);
    expect(first.items[0]).to.include({ id: 'si_ada_mac', current: true });
    expect(first.items.every((s) => s.user_id === 'user_ada')).to.equal(true);
    const last = await backend.listSignIns({ page: 3, pageSize: 3 }, o());
    expect(last.items).to.have.length(2);
  });

  it('answers a page larger than its maxPageSize with its largest page, like the server', async () => {
    const backend = new MemoryBackend({ capabilities: { maxPageSize: 5 } });
    const page = await backend.listSignIns({ pageSize: 1000 }, o());
    expect([page.pageSize, page.items.length, page.total]).to.deep.equal([5, 5, 8]);
  });

  it('refuses an unknown status filter with bad-request, like the server', async () => {
    const backend = new MemoryBackend();
    const query = { status: 'idle' } as unknown as Parameters<MemoryBackend['listSignIns']>[0];
    const error = await backend.listSignIns(query, o()).catch((e: SessionError) => e);
    expect((error as SessionError).code).to.equal('bad-request');
  });

  it('filters by status', async () => {
    const backend = new MemoryBackend();
    const expired = await backend.listSignIns({ status: 'expired' }, o());
    expect(expired.items.map((s) => s.id)).to.deep.equal(['si_ada_linux']);
    const online = await backend.listSignIns({ status: 'online' }, o());
    expect(online.items.map((s) => s.id)).to.include.members(['si_ada_mac', 'si_ada_iphone']);
    expect(online.items.some((s) => s.id === 'si_ada_linux')).to.equal(false);
  });

  it('refuses to revoke another user’s sign-in', async () => {
    const backend = new MemoryBackend();
    const error = await backend.removeSignIn('si_grace_linux', o()).catch((e: SessionError) => e);
    expect((error as SessionError).code).to.equal('not-found');
    expect(backend.data.signins.some((s) => s.id === 'si_grace_linux')).to.equal(true);
  });

  it('injects failures once, by method', async () => {
    const backend = new MemoryBackend().failNext('server', { method: 'listOrganizations' });
    expect(await backend.getSession(o())).to.not.equal(null);
    const error = await backend.listOrganizations(o()).catch((e: SessionError) => e);
    expect((error as SessionError).code).to.equal('server');
    expect(await backend.listOrganizations(o())).to.have.length(2);
  });

  it('adds latency that an abort cuts short', async () => {
    const backend = new MemoryBackend({ latency: 10_000 });
    const controller = new AbortController();
    const pending = backend.getSession({ signal: controller.signal }).catch((e: SessionError) => e);
    controller.abort();
    expect(((await pending) as SessionError).code).to.equal('aborted');
  });

  it('lists the workspaces of the active organization', async () => {
    const backend = new MemoryBackend();
    const workspaces = await backend.listWorkspaces(undefined, o());
    expect(workspaces.map((w) => w.name)).to.deep.equal(['Design', 'Engineering']);
    await backend.switchOrganization(null, o());
    expect(await backend.listWorkspaces(undefined, o())).to.deep.equal([]);
  });
});
