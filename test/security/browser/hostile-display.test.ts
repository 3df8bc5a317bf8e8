import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { MemoryBackend, type MemorySeed, demoSeed } from '../../../src/backends/memory.js';
import type { SessionController } from '../../../src/core/session-controller.js';
import { displayText } from '../../../src/internal/format.js';
import { settled } from '../../elements/active-sessions.helpers.js';
import { controllerFor, open, part, parts } from '../../elements/switchers.helpers.js';
import { waitUntil } from '../../helpers/wait-until.js';

/**
 * Every string a server controls is hostile: markup, script URLs for
 * pictures, bidirectional overrides, 10 KB without a break. Each element
 * renders such a world at a desktop and a phone width and must stay inert
 * (no script runs, no markup becomes elements), honest (no bidi control
 * reaches the screen, each server string sits in its own isolating element and
 * reads in order) and inside its box.
 */

declare global {
  interface Window {
    __pwned?: number;
  }
}

const RLO = '\u202E';
const PDF = '\u202C';
const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';
/** Every bidirectional control the elements must keep off the screen. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ALL_CONTROLS = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SCRIPT_URL = 'javascript:window.__pwned=1';
const LONG = 'W'.repeat(10_240);
const hostile = (label: string) =>
  `${IMG}${SCRIPT} ${label} ${RLO}live${PDF}${LRI}x${PDI}\u200e\u200f\u061c ${LONG}`;

/** How many hostile values each world plants per element. */
const PAYLOADS = [IMG, SCRIPT, SCRIPT_URL, RLO, LRI, LONG].length;

/** The demo world with every server string replaced by a hostile one. */
function hostileSeed(): MemorySeed {
  const seed = demoSeed();
  for (const user of seed.users) {
    user.first_name = hostile('first');
    user.last_name = LONG;
    user.username = hostile('username');
    user.primary_email_address = { email: `${LONG}@${IMG}${RLO}.example`, verified: true };
    user.profile_picture_url = SCRIPT_URL;
  }
  for (const signIn of seed.signins) {
    signIn.user = seed.users.find((user) => user.id === signIn.user_id);
    signIn.userAgent = hostile('agent');
    signIn.browser = hostile('browser');
    signIn.device = hostile('device');
    signIn.city = hostile('city');
    signIn.region = IMG;
    signIn.country = `${RLO}${LONG}`;
    signIn.ipAddress = `${IMG}${RLO}`;
  }
  seed.organizations.forEach((org, i) => {
    org.name = hostile('organization');
    org.role = `${IMG}${RLO}`;
    org.logo = i % 2 ? SCRIPT_URL : `data:text/html,${SCRIPT}`;
  });
  for (const workspace of seed.workspaces) workspace.name = hostile('workspace');
  return seed;
}

/** Readable strings with bidi controls inside, to check what the screen shows. */
function bidiSeed(): MemorySeed {
  const seed = demoSeed();
  const ada = seed.users[0];
  ada.first_name = `Ada${RLO}`;
  ada.last_name = `${LRI}Lovelace${PDI}`;
  ada.primary_email_address = { email: `${RLO}ada@example.com`, verified: true };
  const mac = seed.signins.find((s) => s.id === 'si_ada_mac')!;
  Object.assign(mac, {
    user: ada,
    city: `Lisbon${RLO}`,
    country: `Portugal${RLI}`,
    browser: `\u200fChrome`,
    device: `${RLI}Mac${PDI}\u061c`,
  });
  for (const signIn of seed.signins) if (signIn.user_id === ada.id) signIn.user = ada;
  const acme = seed.organizations.find((o) => o.membership_id === 'mem_ada_acme')!;
  acme.name = `${RLO}gro.elgoog`;
  acme.role = `${RLO}steward\u202d`;
  seed.workspaces.find((w) => w.id === 'ws_design')!.name = `${LRI}Design${RLO} Team`;
  return seed;
}

interface Case {
  name: string;
  tag: string;
  template: TemplateResult;
  /** Brings the element into the state that shows the most server text. */
  show: (element: HTMLElement & { updateComplete: Promise<unknown> }) => Promise<void>;
}

const CASES: Case[] = [
  {
    name: 'active-sessions',
    tag: 'active-sessions',
    template: html`<active-sessions page-size="20"></active-sessions>`,
    show: (element) => settled(element as never),
  },
  {
    name: 'account-switcher (trigger and menu)',
    tag: 'account-switcher',
    template: html`<account-switcher
      add-account-url="/add"
      manage-account-url="/account"
      sign-in-url="/sign-in"
    ></account-switcher>`,
    show: open,
  },
  {
    name: 'organization-switcher',
    tag: 'organization-switcher',
    template: html`<organization-switcher></organization-switcher>`,
    show: open,
  },
  {
    name: 'workspace-switcher',
    tag: 'workspace-switcher',
    template: html`<workspace-switcher></workspace-switcher>`,
    show: open,
  },
  {
    name: 'sign-out-button (confirm dialog)',
    tag: 'sign-out-button',
    template: html`<sign-out-button confirm></sign-out-button>`,
    show: async (element) => {
      await waitUntil(() => part(element, 'button'));
      part(element, 'button')!.click();
      await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog opened');
    },
  },
];

async function render(seed: MemorySeed, c: Case, width?: number) {
  const controller: SessionController = controllerFor(new MemoryBackend({ seed }));
  const wrapper = await fixture<HTMLElement>(
    html`<div style=${width ? `max-width: ${width}px` : ''}>
      <session-provider .controller=${controller}>${c.template}</session-provider>
    </div>`,
  );
  const element = wrapper.querySelector(c.tag) as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  await waitUntil(() => controller.getSnapshot().status !== 'loading', 'session never loaded');
  await element.updateComplete;
  await c.show(element);
  await element.updateComplete;
  return element;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Every text node under `root`, shadow roots of nested elements included. */
function textNodes(root: Node): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) nodes.push(node);
    else if ((node as Element).shadowRoot) nodes.push(...textNodes((node as Element).shadowRoot!));
  }
  return nodes;
}

/** Every attribute value in the shadow root (titles, labels, data-label). */
function attributeValues(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value));
}

/** Whether the element isolates its content from the text around it. */
function isolates(element: Element): boolean {
  const bidi = getComputedStyle(element).unicodeBidi;
  return (
    element.localName === 'bdi' ||
    bidi === 'isolate' ||
    bidi === 'isolate-override' ||
    bidi === 'plaintext'
  );
}

/** The text nodes that show `value`; fails when none does. */
function shown(root: ShadowRoot, value: string): Text[] {
  const nodes = textNodes(root).filter((node) => node.data.includes(value));
  expect(nodes.length, `"${value}" is not on screen`).to.be.above(0);
  return nodes;
}

/** Character boxes of `value` inside `node` go strictly left to right. */
function readsLeftToRight(node: Text, value: string): boolean {
  const start = node.data.indexOf(value);
  const range = document.createRange();
  let previous = -Infinity;
  for (let i = start; i < start + value.length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const { left } = range.getBoundingClientRect();
    if (left <= previous) return false;
    previous = left;
  }
  return true;
}

/** Whether `element` or anything in its shadow root scrolls sideways. */
function overflows(element: HTMLElement): string[] {
  const boxes = [
    ...['base', 'trigger', 'menu', 'list', 'dialog'].flatMap((name) => parts(element, name)),
  ];
  return boxes
    .filter((box) => box.getClientRects().length && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${box.getAttribute('part')}: ${box.scrollWidth} > ${box.clientWidth}`);
}

describe('security: hostile display strings', () => {
  let tried = 0;
  let refused = 0;
  let executed = 0;

  beforeEach(() => {
    delete window.__pwned;
  });

  after(async () => {
    await setViewport({ width: 800, height: 600 });
    console.warn(
      `security hostile-display: tried ${tried}, refused ${refused}, executed ${executed}`,
    );
  });

  describe('displayText', () => {
    it('removes every bidirectional control and nothing else', () => {
      expect(displayText(`a${ALL_CONTROLS}b`)).to.equal('ab');
      expect(displayText(`${RLO}gro.elgoog`)).to.equal('gro.elgoog');
      // Invisible characters that only hide what a name says go too.
      expect(displayText('Lis\u200bbon\u2060\ufeff')).to.equal('Lisbon');
      expect(displayText('Zürich 北京 القاهرة \u200d👩‍💻')).to.equal('Zürich 北京 القاهرة \u200d👩‍💻');
      expect(displayText(undefined)).to.equal('');
      expect(displayText(42)).to.equal('');
    });
  });

  describe('bidirectional text cannot reorder the screen', () => {
    /** What each element shows from the bidi world, cleaned. */
    const expected: Record<string, string[]> = {
      'active-sessions': ['Lisbon', 'Portugal', 'Chrome on Mac', '85.240.12.34'],
      'account-switcher (trigger and menu)': [
        'Ada Lovelace',
        'ada@example.com',
        'Sign out of Ada Lovelace',
      ],
      'organization-switcher': ['gro.elgoog', 'steward', 'Ada Lovelace'],
      'workspace-switcher': ['Design Team'],
    };

    for (const c of CASES.filter((c) => expected[c.name])) {
      it(`${c.name}: no controls, each server string isolated and in order`, async () => {
        const element = await render(bidiSeed(), c);
        const root = element.shadowRoot!;
        const screen = textNodes(root).map((node) => node.data);
        expect(screen.filter((text) => BIDI_CONTROLS.test(text))).to.deep.equal([]);
        expect(attributeValues(root).filter((value) => BIDI_CONTROLS.test(value))).to.deep.equal(
          [],
        );
        for (const value of expected[c.name]) {
          for (const node of shown(root, value)) {
            const box = node.parentElement!;
            expect(isolates(box), `"${value}" in <${box.localName}> is not isolated`).to.equal(
              true,
            );
            expect(readsLeftToRight(node, value), `"${value}" is reordered`).to.equal(true);
          }
        }
      });
    }

    it('active-sessions: ", Portugal" stays to the right of the city', async () => {
      const element = await render(bidiSeed(), CASES[0]);
      const [city] = shown(element.shadowRoot!, 'Lisbon');
      const [country] = shown(element.shadowRoot!, 'Portugal');
      const rect = (node: Text) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        return range.getBoundingClientRect();
      };
      expect(city.parentElement!.closest('[part~="location"]')).to.equal(
        country.parentElement!.closest('[part~="location"]'),
      );
      expect(rect(city).right).to.be.at.most(rect(country).left);
    });

    it('sign-out-button: the confirm message shows no bidi control', async () => {
      const element = await render(bidiSeed(), CASES[4]);
      const message = part(element, 'dialog-message')!.textContent!;
      expect(message).to.contain('Ada Lovelace');
      expect(BIDI_CONTROLS.test(message)).to.equal(false);
    });
  });

  for (const width of [1280, 320]) {
    describe(`a hostile world at ${width} px`, () => {
      before(async () => {
        await setViewport({ width, height: 800 });
      });

      for (const c of CASES) {
        it(`${c.name}: inert, honest and inside its box`, async () => {
          const element = await render(hostileSeed(), c, width);
          await frame();
          await new Promise((resolve) => setTimeout(resolve, 50));
          tried += PAYLOADS;
          const root = element.shadowRoot!;
          const pwned = window.__pwned !== undefined;
          const leaked = [...root.querySelectorAll('script, iframe, object, embed, b, [onerror]')];
          const images = [...root.querySelectorAll('img')];
          if (pwned || leaked.length) executed += PAYLOADS;
          expect(pwned, 'a hostile string ran script').to.equal(false);
          expect(leaked.map((node) => node.outerHTML.slice(0, 80))).to.deep.equal([]);
          for (const img of images) {
            expect(img.closest('[part~="avatar"]'), 'an img outside an avatar').not.to.equal(null);
            expect(new URL(img.src).protocol).to.be.oneOf(['http:', 'https:', 'blob:', 'data:']);
            expect(img.src.startsWith('data:') ? img.src.startsWith('data:image/') : true).to.equal(
              true,
            );
          }
          const screen = textNodes(root).map((node) => node.data);
          expect(
            screen.some((text) => BIDI_CONTROLS.test(text)),
            'a bidi control on screen',
          ).to.equal(false);
          expect(screen.join('')).to.contain(IMG.slice(0, 8));
          expect(overflows(element)).to.deep.equal([]);
          const page = document.documentElement;
          expect(page.scrollWidth, 'the page scrolls sideways').to.be.at.most(page.clientWidth + 1);
          refused += PAYLOADS;
        });
      }
    });
  }
});
