import { expect, fixture, html } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { controllerFor, part, parts, text } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

const TOO_MANY = 'Too many requests. Please wait a moment and try again.';

/** A provider whose first session load answers 429 with a long Retry-After. */
async function rateLimitedOnLoad(tag: string) {
  const backend = new MemoryBackend().rateLimitNext(30, 'getSession');
  const controller = controllerFor(backend, { maxRetries: 3 });
  const wrapper = await fixture<HTMLElement>(
    tag === 'account-switcher'
      ? html`<session-provider .controller=${controller}
          ><account-switcher></account-switcher
        ></session-provider>`
      : html`<session-provider .controller=${controller}
          ><organization-switcher></organization-switcher
        ></session-provider>`,
  );
  return { element: wrapper.querySelector(tag)!, controller, backend };
}

describe('failed loads say so once, and early (issue 12, defect 7)', () => {
  for (const tag of ['account-switcher', 'organization-switcher']) {
    it(`<${tag}> says why at the first 429 and retries now on "Try again"`, async () => {
      const { element, controller } = await rateLimitedOnLoad(tag);
      // Retry-After is 30 s: anything shown within a second came from the first failure.
      await waitUntil(() => part(element, 'error'), 'only "Loading…" after a 429', {
        timeout: 1000,
      });
      expect(text(part(element, 'error'))).to.contain(TOO_MANY);
      expect(controller.getSnapshot().status).to.equal('loading');
      part(element, 'retry-button')!.click();
      await waitUntil(
        () => controller.getSnapshot().status === 'signed-in',
        '"Try again" waited for the backoff',
        { timeout: 1000 },
      );
      await waitUntil(() => !part(element, 'error'), 'the message stayed');
    });
  }

  it('a failed refresh shows one message in <active-sessions>', async () => {
    const backend = new MemoryBackend();
    const controller = controllerFor(backend);
    const wrapper = await fixture<HTMLElement>(
      html`<session-provider .controller=${controller}
        ><active-sessions></active-sessions
      ></session-provider>`,
    );
    const element = wrapper.querySelector('active-sessions') as ActiveSessions;
    await waitUntil(() => parts(element, 'item').length > 0, 'the list never loaded');
    backend.failNext('rate-limited', { method: 'getSession', status: 429, retryAfter: 1 });
    await controller.refetch();
    backend.failNext('rate-limited', { method: 'listSignIns', status: 429, retryAfter: 1 });
    element.refresh();
    await waitUntil(() => part(element, 'error'), 'the failed list refresh said nothing');
    const messages = [...parts(element, 'error'), ...parts(element, 'stale')];
    expect(messages.map((m) => text(m))).to.have.length(1);
  });
});
