import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { KeyedActionController, type ReportError } from '../../src/controllers/keyed-action.js';
import { SessionError } from '../../src/core/errors.js';

/** The smallest host: counts updates, holds controllers. */
class Host implements ReactiveControllerHost {
  updates = 0;
  controllers: ReactiveController[] = [];
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
}

/** A promise the test settles by hand. */
function deferred<T = string>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup(options: { exclusive?: boolean; ownReauth?: boolean } = {}) {
  const host = new Host();
  const reports: { code: string; action: string; retry: () => void }[] = [];
  const report: ReportError = (error, action, retry) => {
    reports.push({ code: (error as SessionError).code, action, retry });
    return options.ownReauth ?? true;
  };
  const actions = new KeyedActionController(host, { report, exclusive: options.exclusive });
  return { host, actions, reports };
}

const failure = (code: ConstructorParameters<typeof SessionError>[0]) =>
  new SessionError(code, code);

describe('KeyedActionController', () => {
  it('registers with its host and keeps a key pending until the work settles', async () => {
    const { host, actions } = setup();
    expect(host.controllers).to.include(actions);
    const work = deferred();
    const run = actions.run('a', 'sign-out', () => work.promise);
    expect(actions.isPending('a')).to.equal(true);
    expect(actions.busy).to.equal(true);
    expect(actions.pending).to.equal('a');
    work.resolve('Done');
    expect(await run).to.equal(true);
    expect(actions.isPending('a')).to.equal(false);
    expect(actions.announcement).to.equal('Done');
    expect(host.updates).to.be.greaterThan(1);
  });

  it('sends one request on a double click', async () => {
    const { actions } = setup({ exclusive: false });
    let calls = 0;
    const work = deferred();
    const first = actions.run('a', 'revoke-signin', () => (calls++, work.promise));
    const second = await actions.run('a', 'revoke-signin', () => (calls++, work.promise));
    expect(second).to.equal(false);
    work.resolve('');
    await first;
    expect(calls).to.equal(1);
  });

  it('runs different keys side by side unless exclusive', async () => {
    const rows = setup({ exclusive: false }).actions;
    const hold = deferred();
    void rows.run('a', 'revoke-signin', () => hold.promise);
    void rows.run('b', 'revoke-signin', () => hold.promise);
    expect(rows.isPending('a') && rows.isPending('b')).to.equal(true);

    const menu = setup().actions;
    void menu.run('a', 'switch-account', () => hold.promise);
    expect(await menu.run('b', 'switch-account', async () => 'x')).to.equal(false);
    hold.resolve('');
  });

  it('keeps and announces a failure per key, reports it, and retries the same work', async () => {
    const { actions, reports } = setup({ exclusive: false });
    let attempts = 0;
    const work = async () => {
      attempts++;
      if (attempts === 1) throw failure('network');
      return 'Signed out';
    };
    const ok = await actions.run('a', 'revoke-signin', work, {
      message: (error) => `Could not: ${error.code}`,
    });
    expect(ok).to.equal(false);
    expect(reports.map((r) => [r.code, r.action])).to.deep.equal([['network', 'revoke-signin']]);
    expect(actions.errorOf('a')?.error.code).to.equal('network');
    expect(actions.announcement).to.equal('Could not: network');
    expect(actions.errorOf('b')).to.equal(undefined);
    reports[0]!.retry();
    await new Promise((r) => setTimeout(r));
    expect(attempts).to.equal(2);
    expect(actions.errorOf('a')).to.equal(undefined);
    expect(actions.announcement).to.equal('Signed out');
  });

  it('clears general failures when another action succeeds, not other keys', async () => {
    const { actions } = setup({ exclusive: false });
    const fail = async () => {
      throw failure('server');
    };
    await actions.run('others', 'revoke-others', fail, { general: true, message: () => 'x' });
    await actions.run('row', 'revoke-signin', fail, { message: () => 'y' });
    await actions.run('other-row', 'revoke-signin', async () => 'ok');
    expect(actions.errorOf('others')).to.equal(undefined);
    expect(actions.errorOf('row')?.error.code).to.equal('server');
  });

  it('drops failures once a load that started after them succeeds', async () => {
    const { actions } = setup({ exclusive: false });
    const early = actions.loadStarted();
    await actions.run('a', 'revoke-signin', () => Promise.reject(failure('network')), {
      message: () => 'Offline',
    });
    actions.loadSucceeded(early);
    expect(actions.errorOf('a'), 'a load already under way proves nothing').to.not.equal(undefined);
    const later = actions.loadStarted();
    actions.loadSucceeded(later);
    expect(actions.errorOf('a')).to.equal(undefined);
    expect(actions.announcement, 'the live region stops repeating it').to.equal('');
  });

  it('shows its own re-auth state unless the event was cancelled', async () => {
    const own = setup();
    const reauth = () => Promise.reject(failure('reauth-required'));
    await own.actions.run('a', 'sign-out', reauth);
    expect(own.actions.reauth?.action).to.equal('sign-out');
    expect(own.actions.error?.code).to.equal('reauth-required');
    expect(own.actions.errorOf('a'), 'no message of its own').to.equal(undefined);

    const handled = setup({ ownReauth: false });
    await handled.actions.run('a', 'sign-out', reauth);
    expect(handled.actions.reauth).to.equal(null);
    expect(handled.actions.error).to.equal(null);
  });

  it('retries from the re-auth state, and a later load ends a load re-auth', async () => {
    const { actions } = setup({ exclusive: false });
    let retried = 0;
    actions.fail('list', 'list-signins', failure('reauth-required'), () => retried++, {
      load: true,
    });
    expect(actions.reauth?.load).to.equal(true);
    await actions.run('a', 'revoke-signin', async () => 'ok');
    expect(actions.reauth, 'an action does not end a load re-auth').to.not.equal(null);
    actions.retryReauth();
    expect(retried).to.equal(1);
    expect(actions.reauth).to.equal(null);
    actions.fail('list', 'list-signins', failure('reauth-required'), () => {}, { load: true });
    actions.loadSucceeded(actions.loadStarted());
    expect(actions.reauth).to.equal(null);
  });

  it('ignores aborted work and resolves false when the work stopped early', async () => {
    const { actions, reports } = setup();
    expect(await actions.run('a', 'sign-out', async () => null)).to.equal(false);
    await actions.run('a', 'sign-out', () => Promise.reject(failure('aborted')));
    expect(reports).to.have.length(0);
    expect(actions.error).to.equal(null);
  });

  it('reset forgets messages, announcement and re-auth', async () => {
    const { actions } = setup();
    await actions.run('a', 'sign-out', () => Promise.reject(failure('server')));
    expect(actions.error?.code).to.equal('server');
    actions.reset();
    expect(actions.error).to.equal(null);
    expect(actions.announcement).to.equal('');
  });
});
