import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KeyedActionController } from '../../controllers/keyed-action.js';
import type { SessionController } from '../../core/session-controller.js';
import type { SessionState } from '../../core/session-state.js';
import type { Page, SignIn, SignInStatusFilter } from '../../core/types.js';
import { validatePage } from './check-page.js';

/** A page of sign-ins on screen. */
export interface Listing {
  page: Page<SignIn>;
  /** The session revision the page was fetched at. */
  revision: number;
  /** The status filter it was fetched with. */
  status: SignInStatusFilter;
}

export interface SignInListOptions {
  controller: () => SessionController | undefined;
  state: () => SessionState;
  pageSize: () => number;
  status: () => SignInStatusFilter;
  /** Loads count as fresh evidence for its messages (see KeyedActionController.loadStarted). */
  actions: KeyedActionController;
  /** Called with the page that answers a page or filter change, to announce it. */
  onAnswer?: (page: Page<SignIn>) => void;
}

type TaskArgs = [SessionController | undefined, number, number, number, SignInStatusFilter];

interface Loaded {
  listing: Listing;
  /** The ticket of KeyedActionController.loadStarted. */
  load: number;
}

/** The list's revision argument while there is no list to show, and while the session loads. */
const NO_LIST = -1;
const SESSION_LOADING = -2;

/**
 * The page of sign-ins `<active-sessions>` shows: fetched again on every session
 * revision, page, size or filter change; the last good page stays on screen
 * while refetching or when a refetch fails; rows leave as soon as the server
 * confirmed their revocation.
 */
export class SignInListController implements ReactiveController {
  /** The 1-based page asked for. */
  page = 1;
  /** The last page that loaded, if any. */
  shown: Listing | undefined;

  #host: ReactiveControllerHost;
  #options: SignInListOptions;
  #task: Task<TaskArgs, Loaded>;
  /** The user asked for another page or filter: the page that answers is announced. */
  #asked = false;

  constructor(host: ReactiveControllerHost, options: SignInListOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#task = new Task(host, {
      args: (): TaskArgs => [
        options.controller(),
        this.#revision,
        this.page,
        options.pageSize(),
        options.status(),
      ],
      task: ([controller, revision, page, pageSize, status], { signal }) =>
        this.#load(controller, revision, { page, pageSize, status }, signal),
      onComplete: ({ listing, load }) => {
        this.#show(listing);
        options.actions.loadSucceeded(load);
        if (this.#asked) options.onAnswer?.(listing.page);
        this.#asked = false;
      },
      onError: (error) =>
        options.actions.fail('list', 'list-signins', error, this.refresh, { load: true }),
    });
  }

  hostConnected(): void {}

  /** True while a page is on its way. */
  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** Settles when the page on its way (if any) has arrived or failed. */
  settled(): Promise<void> {
    return this.#task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  /** The last load's failure, or undefined. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** Fetches the page again. */
  refresh = (): void => void this.#task.run();

  /** Turns to `page`, as the user asked. */
  goTo = (page: number): void => {
    this.page = page;
    this.#asked = true;
    this.#host.requestUpdate();
  };

  /** Back to page 1 after the filter or page size changed. */
  restart(): void {
    this.goTo(1);
  }

  /** Forgets everything user-specific (after a sign-out). */
  reset(): void {
    this.shown = undefined;
    this.page = 1;
    this.#asked = false;
    this.#host.requestUpdate();
  }

  /** The server confirmed: the rows leave now; the list and session reconcile after. */
  drop(gone: (signIn: SignIn) => boolean): void {
    const shown = this.shown;
    if (!shown) return;
    const items = shown.page.items.filter((signIn) => !gone(signIn));
    const removed = shown.page.items.length - items.length;
    const total = Math.max(items.length, shown.page.total - removed);
    this.#show({ ...shown, page: { ...shown.page, items, total } });
    this.#host.requestUpdate();
  }

  get #revision(): number {
    const state = this.#options.state();
    if (state.status === 'loading') return SESSION_LOADING;
    return state.status === 'signed-in' ? state.revision : NO_LIST;
  }

  async #load(
    controller: SessionController | undefined,
    revision: number,
    query: { page: number; pageSize: number; status: SignInStatusFilter },
    signal: AbortSignal,
  ): Promise<Loaded | typeof initialState> {
    if (!controller || revision === NO_LIST) return initialState;
    if (revision === SESSION_LOADING) {
      // The first page sets off beside the session; the controller hands its answer to the
      // revision that session produces, or drops it if nobody is signed in.
      void controller.listSignIns(query).catch(() => undefined);
      return initialState;
    }
    const load = this.#options.actions.loadStarted();
    const result = await controller.listSignIns(query, { signal });
    return { listing: { page: validatePage(result), revision, status: query.status }, load };
  }

  #show(listing: Listing): void {
    this.shown = listing;
    const { page, pageSize, total, items } = listing.page;
    // A revocation emptied the last page: show the new last page instead.
    if (!items.length && page > 1 && total > 0) this.page = Math.ceil(total / pageSize);
  }
}
