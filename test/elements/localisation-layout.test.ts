import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { AccountSwitcher } from '../../src/elements/account-switcher/account-switcher.js';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { SHIPPED_LOCALES, loadLocale } from '../../src/internal/localize.js';
import { settled } from './active-sessions.helpers.js';
import { controllerFor, part, trigger } from './switchers.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

const RTL = new Set(['ar', 'he']);
const WIDTH = 375;

/** Elements that clip by design: the screen-reader-only text. */
const hiddenOnPurpose = (element: Element) => !!element.closest('.visually-hidden');

/**
 * Every box in `root` whose content is wider than the box (cut, ellipsised or
 * spilling out), described for the failure message.
 */
function clipped(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>('*')]
    .filter((element) => {
      if (hiddenOnPurpose(element) || element.getClientRects().length === 0) return false;
      const display = getComputedStyle(element).display;
      if (display === 'inline' || display === 'contents') return false;
      return element.scrollWidth > element.clientWidth + 1;
    })
    .map(
      (element) =>
        `<${element.localName} part="${element.getAttribute('part') ?? ''}" class="${element.className}"> ` +
        `${element.scrollWidth} > ${element.clientWidth}: ${element.textContent?.trim().slice(0, 60)}`,
    );
}

/** Anything reaching past the viewport's inline edges. */
function outsideViewport(root: ShadowRoot): string[] {
  return [...root.querySelectorAll<HTMLElement>('*')]
    .filter((element) => !hiddenOnPurpose(element) && element.getClientRects().length > 0)
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && (box.left < -1 || box.right > WIDTH + 1);
    })
    .map((element) => `<${element.localName} part="${element.getAttribute('part') ?? ''}">`);
}

async function mountPage(lang: string) {
  const backend = new MemoryBackend();
  const controller = controllerFor(backend);
  const page = await fixture<HTMLElement>(
    html`<div lang=${lang} dir=${RTL.has(lang) ? 'rtl' : 'ltr'} style="padding: 8px">
      <account-switcher .controller=${controller}></account-switcher>
      <active-sessions .controller=${controller} page-size="5"></active-sessions>
    </div>`,
  );
  const sessions = page.querySelector('active-sessions') as ActiveSessions;
  const switcher = page.querySelector('account-switcher') as AccountSwitcher;
  await settled(sessions);
  await waitUntil(() => trigger(switcher)?.localName === 'button', 'the switcher never loaded');
  return { sessions, switcher };
}

describe('every shipped language at 375 px: nothing clipped', () => {
  before(() => setViewport({ width: WIDTH, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const lang of SHIPPED_LOCALES) {
    it(`${lang}: <active-sessions> rows and the account menu fit`, async () => {
      await loadLocale(lang);
      const { sessions, switcher } = await mountPage(lang);
      trigger(switcher).click();
      await waitUntil(() => part(switcher, 'menu')?.checkVisibility(), 'the menu never opened');
      const problems = [
        ...clipped(sessions.shadowRoot!),
        ...clipped(switcher.shadowRoot!),
        ...outsideViewport(sessions.shadowRoot!),
      ];
      expect(problems, problems.join('\n')).to.deep.equal([]);
      expect(document.documentElement.scrollWidth).to.be.at.most(WIDTH);
    });
  }
});
