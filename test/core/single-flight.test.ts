import { expect } from '@open-wc/testing';
import { SessionError } from '../../src/core/errors.js';
import { SingleFlight } from '../../src/core/single-flight.js';

/** A request the test settles by hand, recording the signal it was given. */
function manual<T>() {
  const started: { signal: AbortSignal; resolve: (v: T) => void; reject: (e: unknown) => void }[] =
    [];
  const start = (signal: AbortSignal) =>
    new Promise<T>((resolve, reject) => started.push({ signal, resolve, reject }));
  return { started, start };
}

async function rejection(promise: Promise<unknown>): Promise<SessionError> {
  try {
    await promise;
  } catch (error) {
    return error as SessionError;
  }
  throw new Error('expected a rejection');
}

describe('SingleFlight', () => {
  it('starts afresh for a caller arriving right after every waiter gave up (a list refreshed mid-fetch)', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const first = new AbortController();
    const gaveUp = flights.run('k', start, first.signal);
    first.abort();
    const again = flights.run('k', start, new AbortController().signal);
    expect((await rejection(gaveUp)).code).to.equal('aborted');
    expect(started.length, 'a new request, not the aborted one').to.equal(2);
    started[0]!.reject(new SessionError('aborted', 'Aborted.'));
    started[1]!.resolve('fresh');
    expect(await again).to.equal('fresh');
  });

  it('shares one request among concurrent calls with the same key, not across keys', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const a = flights.run('k', start);
    const b = flights.run('k', start);
    const other = flights.run('other', start);
    expect(started.length).to.equal(2);
    started[0]!.resolve('shared');
    started[1]!.resolve('own');
    expect(await Promise.all([a, b, other])).to.deep.equal(['shared', 'shared', 'own']);
  });

  it('forgets a settled request, so the next call starts a new one (failures too)', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const first = flights.run('k', start);
    expect(flights.has('k')).to.equal(true);
    started[0]!.reject(new SessionError('server'));
    expect((await rejection(first)).code).to.equal('server');
    expect(flights.has('k')).to.equal(false);
    const second = flights.run('k', start);
    expect(started.length).to.equal(2);
    started[1]!.resolve('again');
    expect(await second).to.equal('again');
  });

  it('aborts the shared request only when every waiting caller has given up', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const one = new AbortController();
    const two = new AbortController();
    const a = flights.run('k', start, one.signal);
    const b = flights.run('k', start, two.signal);
    one.abort();
    expect((await rejection(a)).code).to.equal('aborted');
    expect(started[0]!.signal.aborted).to.equal(false);
    two.abort();
    expect((await rejection(b)).code).to.equal('aborted');
    expect(started[0]!.signal.aborted).to.equal(true);
  });

  it('a caller without a signal keeps the request alive whatever the others do', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const impatient = new AbortController();
    const patient = flights.run('k', start);
    const gone = flights.run('k', start, impatient.signal);
    impatient.abort();
    await rejection(gone);
    started[0]!.resolve('done');
    expect(await patient).to.equal('done');
  });

  it('refuses an already aborted call without starting anything', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    const error = await rejection(flights.run('k', start, AbortSignal.abort()));
    expect(error.code).to.equal('aborted');
    expect(started.length).to.equal(0);
  });

  it('abortAll aborts every request and forgets it', async () => {
    const flights = new SingleFlight<string>();
    const { started, start } = manual<string>();
    void flights.run('a', start).catch(() => undefined);
    void flights.run('b', start).catch(() => undefined);
    flights.abortAll();
    expect(started.map((s) => s.signal.aborted)).to.deep.equal([true, true]);
    expect([flights.has('a'), flights.has('b')]).to.deep.equal([false, false]);
  });
});
