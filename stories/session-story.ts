import type { StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import type { BackendCapabilities, RequestOptions } from '../src/core/backend.js';
import { MemoryBackend, type MemoryMethod, type MemorySeed } from '../src/backends/memory.js';
import { SessionError, type SessionErrorCode } from '../src/core/errors.js';
import { SessionController } from '../src/core/session-controller.js';

/**
 * The one way stories get a session: a `<session-provider>` around the story's
 * markup, sharing a SessionController on a fresh MemoryBackend. A story
 * describes its world and faults as data (`session(...)`); the meta's render
 * (`renderWithSession`) builds the backend, so no story repeats the wiring.
 */
export interface SessionScenario {
  /** The world the backend starts from; default: the demo world (Ada on eight devices, two accounts here). */
  seed?: () => MemorySeed;
  /** Added to every backend call, in ms. */
  latency?: number;
  capabilities?: Partial<BackendCapabilities>;
  /** Backend methods that never answer, so their loading state stays on screen. */
  hold?: MemoryMethod[];
  /** Faults queued before anything loads, e.g. `(b) => b.failNext('server', { method: 'listSignIns', status: 500 })`. */
  faults?: (backend: MemoryBackend) => void;
  /** Runs once the first session load settled: e.g. queue a 429 and revalidate to show the stale state. */
  afterLoad?: (controller: SessionController, backend: MemoryBackend) => unknown;
}

/** setTimeout's largest delay (about 24.8 days): "never" for a story. */
const NEVER = 2 ** 31 - 1;

/** A backend call that stays pending until the caller gives up. */
function pending(...args: unknown[]): Promise<never> {
  const { signal } = args[args.length - 1] as RequestOptions;
  return new Promise((_, reject) =>
    signal.addEventListener(
      'abort',
      () => reject(new SessionError('aborted', 'The request was aborted.')),
      { once: true },
    ),
  );
}

/**
 * A controller on a MemoryBackend for a scenario. Stories show one state and
 * stay in it: no polling, no focus revalidation, no cross-tab traffic between
 * the stories of a docs page, and no retries (a 500 shows its error at once;
 * retry and backoff are the controller's own tests' business).
 */
export function createSession(scenario: SessionScenario = {}): {
  backend: MemoryBackend;
  controller: SessionController;
} {
  const backend = new MemoryBackend({
    seed: scenario.seed?.(),
    latency: scenario.latency,
    capabilities: scenario.capabilities,
  });
  for (const method of scenario.hold ?? []) {
    Object.defineProperty(backend, method, { value: pending });
  }
  scenario.faults?.(backend);
  const controller = new SessionController({
    backend,
    refreshInterval: 0,
    revalidateOnFocus: false,
    crossTab: false,
    maxRetries: 0,
    requestTimeout: scenario.hold?.length ? NEVER : 15_000,
  });
  if (scenario.afterLoad) {
    const { afterLoad } = scenario;
    void controller.refetch().then(() => afterLoad(controller, backend));
  }
  return { backend, controller };
}

/** `content` inside a provider on the scenario's backend. */
export function withSession(scenario: SessionScenario, content: TemplateResult): TemplateResult {
  const { controller } = createSession(scenario);
  return html`<session-provider .controller=${controller}>${content}</session-provider>`;
}

/** A meta-level render: the story's markup (from args) inside a provider for the story's scenario. */
export function renderWithSession<A>(template: (args: A) => TemplateResult) {
  return (args: A, { parameters }: { parameters: { session?: SessionScenario } }): TemplateResult =>
    withSession(parameters.session ?? {}, template(args));
}

/** A story for a scenario, e.g. `export const Error = session({ faults: ... })`. */
export function session<A>(scenario: SessionScenario, story: StoryObj<A> = {}): StoryObj<A> {
  return { ...story, parameters: { ...story.parameters, session: scenario } };
}

// ---- scenarios every element meets ------------------------------------------------------------

/** The session never loads: the first paint of every element. */
export const loadingSession: SessionScenario = { hold: ['getSession'] };

/** `method` stays pending: a list loading, a switch or sign-out under way. */
export const pendingCall = (method: MemoryMethod): SessionScenario => ({ hold: [method] });

const STATUS: Partial<Record<SessionErrorCode, number>> = {
  server: 500,
  unauthorized: 401,
  forbidden: 403,
  'reauth-required': 403,
  'not-found': 404,
};

/** The next `method` call fails with `code` (a 500 by default) and the status that goes with it. */
export function failing(method: MemoryMethod, code: SessionErrorCode = 'server'): SessionScenario {
  return { faults: (backend) => backend.failNext(code, { method, status: STATUS[code] }) };
}

/** The next `method` call answers with a payload that breaks the contract. */
export const malformed = (method: MemoryMethod): SessionScenario => ({
  faults: (backend) => backend.malformNext(method),
});

/** Signed in, then the next revalidation meets `fault`. */
function revalidationMeets(fault: (backend: MemoryBackend) => void): SessionScenario {
  return {
    afterLoad: (controller, backend) => {
      fault(backend);
      return controller.refetch();
    },
  };
}

/** A revalidation is rate limited (429, Retry-After: 30): stale, never signed out. */
export const staleSession = revalidationMeets((backend) => backend.rateLimitNext(30, 'getSession'));

/** A revalidation answers 401: the session ended elsewhere, the page is signed out. */
export const endedElsewhere = revalidationMeets((backend) =>
  backend.failNext('unauthorized', { method: 'getSession', status: 401 }),
);

// ---- play helpers: reach into an element's shadow root the way a user would click -------------

type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

/**
 * Waits until `tag`'s shadow root shows a node with `part` (and, if given, text
 * matching `text`): visible, so a menu item is only found once its menu is open,
 * and never a loading placeholder that borrows the part's name.
 */
export async function findPart(
  root: HTMLElement,
  tag: string,
  part: string,
  text?: RegExp,
): Promise<HTMLElement> {
  return waitFor(
    () => {
      const nodes = root
        .querySelector(tag)
        ?.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]:not([part~="loading"])`);
      const node = [...(nodes ?? [])].find(
        (n) => n.checkVisibility() && (!text || text.test(n.textContent ?? '')),
      );
      if (!node)
        throw new Error(`<${tag}> shows no [part~="${part}"] matching ${text ?? 'anything'}`);
      return node;
    },
    { timeout: 5_000 },
  );
}

/** Clicks the parts of `tag` in turn (each waited for): open a menu, pick an item, confirm. */
export function clickParts(tag: string, ...steps: [part: string, text?: RegExp][]): Play {
  return async ({ canvasElement }) => {
    for (const [part, text] of steps) (await findPart(canvasElement, tag, part, text)).click();
  };
}
