import type { SessionBackend } from './backend.js';
import type { Clock } from './clock.js';
import type { CrossTabKind } from './cross-tab.js';
import { type RequestPolicy, attempt } from './request.js';
import { SerialQueue } from './serial-queue.js';
import type { SessionError } from './errors.js';
import type { SessionState } from './session-state.js';
import type { Session, SignOutResult, SignOutTarget } from './types.js';

/**
 * Revokes and switches announced while the controller's own mutation runs, or
 * this long after it, are taken for its echo: it reloads after a mutation anyway.
 */
export const LIVE_ECHO_WINDOW = 1_000;

/** What the mutations need from the controller that runs them. */
export interface MutationHost {
  readonly backend: SessionBackend;
  readonly clock: Clock;
  readonly policy: RequestPolicy;
  disposed(): boolean;
  getSnapshot(): SessionState;
  /** Anything in flight now started before a change and must not be applied. */
  overtake(): void;
  /** Live revokes and switches until `until` are echoes of this mutation (see live.ts). */
  echo(until: number): void;
  clearTokens(): void;
  /** Tells other tabs (once the cross-tab channel is there). */
  post(kind: CrossTabKind): void;
  /** Applies a session a mutation returned, moving the revision exactly once. */
  apply(session: Session | null): void;
  /** Reloads the session; `true` bumps the revision, `'bumped'` takes the current one. */
  load(bump: true | 'bumped'): Promise<SessionState>;
  /** Moves the revision without a reload, so mounted lists refetch. */
  bumpRevision(): void;
}

/** A backend call that changes the session; it returns the new session, or none (`undefined`). */
type Change = (signal: AbortSignal) => Promise<Session | null | undefined>;

/**
 * The controller's changing calls (switch, sign out, revoke, ticket exchange),
 * loaded with `import()` on the first one: a page renders, and most pages
 * live, without ever changing anything. They run one after another in call
 * order (two at once, say switching to X while signing X out, could strand the
 * browser), and each moves the revision exactly once.
 */
export class Mutations {
  #host: MutationHost;
  #queue = new SerialQueue();

  constructor(host: MutationHost) {
    this.#host = host;
  }

  switchSignIn(signInId: string): Promise<void> {
    return this.#mutate(
      (signal) => this.#host.backend.switchSignIn(signInId, { signal }),
      'switched',
    );
  }

  switchOrganization(organizationId: string | null): Promise<void> {
    return this.#mutate(
      (signal) => this.#host.backend.switchOrganization(organizationId, { signal }),
      'changed',
    );
  }

  switchWorkspace(workspaceId: string): Promise<void> {
    return this.#mutate(
      (signal) => this.#host.backend.switchWorkspace(workspaceId, { signal }),
      'changed',
    );
  }

  exchangeTicket(ticket: string): Promise<void> {
    return this.#mutate(
      (signal) => this.#host.backend.exchangeTicket(ticket, { signal }),
      'changed',
    );
  }

  async signOut(target: SignOutTarget): Promise<SignOutResult> {
    let result: SignOutResult = {};
    await this.#mutate(async (signal) => {
      result = await this.#host.backend.signOut(target, { signal });
      return undefined;
    }, 'signed-out');
    return result;
  }

  /** Resolves once the server confirmed (see `#mutate`'s `early`). */
  async removeSignIn(signInId: string): Promise<void> {
    await this.#mutate(
      (signal) => this.#host.backend.removeSignIn(signInId, { signal }).then(() => undefined),
      'revoked',
      true,
    );
  }

  async revokeOtherSignIns(): Promise<{ revoked: number }> {
    let revoked = 0;
    await this.#mutate(
      async (signal) => {
        revoked = (await this.#host.backend.revokeOtherSignIns({ signal })).revoked;
        return undefined;
      },
      'revoked',
      true,
    );
    return { revoked };
  }

  /** Rejects every mutation that has not started yet with `error`. */
  cancel(error: SessionError): void {
    this.#queue.cancel(error);
  }

  /**
   * Runs a mutation: in-flight reads are overtaken, the result (a session, or a
   * reload when the backend returns none) is applied with exactly one revision
   * bump, the token cache is cleared and other tabs are told. With `early`, a
   * change the backend returns no session for resolves the caller as soon as
   * the server confirmed it (see `#reconcile`); the queue still waits for the reload.
   */
  #mutate(run: Change, broadcast: CrossTabKind, early = false): Promise<void> {
    if (!early) return this.#queue.run(() => this.#mutateNow(run, broadcast));
    return new Promise<void>((resolve, reject) => {
      this.#queue.run(() => this.#mutateNow(run, broadcast, resolve)).then(resolve, reject);
    });
  }

  async #mutateNow(run: Change, broadcast: CrossTabKind, confirmed?: () => void): Promise<void> {
    const host = this.#host;
    host.overtake();
    host.echo(Infinity);
    let result: Session | null | undefined;
    try {
      result = await attempt(run, host.policy);
    } finally {
      host.overtake();
      host.echo(host.clock.now() + LIVE_ECHO_WINDOW);
    }
    host.clearTokens();
    host.post(broadcast);
    if (host.disposed()) return;
    if (result !== undefined) {
      host.apply(result);
    } else if (!confirmed) {
      await host.load(true);
    } else {
      const reload = this.#reconcile();
      confirmed();
      await reload;
    }
  }

  /**
   * One round trip after a change instead of two: the revision moves now, so
   * lists refetch while the session reloads beside them; the reload's answer
   * then takes that same revision.
   */
  #reconcile(): Promise<SessionState> {
    const host = this.#host;
    if (host.getSnapshot().status !== 'signed-in') return host.load(true);
    const reload = host.load('bumped');
    host.bumpRevision();
    return reload;
  }
}
