import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendMouse, setViewport } from '@web/test-runner-commands';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import { UA } from '../../src/backends/memory-seed.js';
import type { ActiveSessions } from '../../src/elements/active-sessions/active-sessions.js';
import { flagsRender } from '../../src/elements/active-sessions/flags.js';
import { loadLocale } from '../../src/internal/localize.js';
import {
  confirmWith,
  mount,
  part,
  parts,
  rowTitled,
  rows,
  shadow,
  statusText,
  text,
} from './active-sessions.helpers.js';
import { waitUntil } from '../helpers/wait-until.js';

/** Regional-indicator letters: the halves of a flag emoji. */
const REGIONAL_INDICATOR = /[\u{1F1E6}-\u{1F1FF}]/u;

/** WCAG 1.4.12 text spacing, applied inside the element as a user style sheet would. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }`;

/** The focused element, looking into shadow roots. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

const visibleDetails = (row: Element) =>
  [...row.querySelector('[part~="meta"]')!.children].filter(
    (child) => !(child as HTMLElement).hidden,
  ) as HTMLElement[];

const rowButton = (row: Element) => row.querySelector<HTMLButtonElement>('button[data-id]')!;

async function mountAt(width: number) {
  await setViewport({ width, height: 900 });
  const setup = await mount();
  // Rows skip layout (content-visibility) until a frame has shown them.
  await frame();
  await frame();
  return setup;
}

function addStyle(element: ActiveSessions, cssText: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  const root = shadow(element);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('<active-sessions>: rows on narrow screens', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [320, 375]) {
    for (const spacing of [false, true]) {
      it(`wraps every detail instead of cutting it at ${width} px${spacing ? ' with WCAG text spacing' : ''}`, async () => {
        const { element } = await mountAt(width);
        if (spacing) addStyle(element, TEXT_SPACING);
        await frame();
        await frame();
        const clipped: string[] = [];
        for (const row of rows(element)) {
          for (const piece of [
            row.querySelector<HTMLElement>('[part~="title"]')!,
            ...visibleDetails(row),
          ]) {
            if (piece.scrollWidth > piece.clientWidth + 0.5 || text(piece).includes('…')) {
              clipped.push(`${text(piece)} (${piece.scrollWidth} > ${piece.clientWidth})`);
            }
            expect(getComputedStyle(piece).textOverflow).not.to.equal('ellipsis');
          }
          expect(row.getBoundingClientRect().right).to.be.at.most(width + 0.5);
        }
        expect(clipped).to.deep.equal([]);
        const page = document.documentElement;
        expect(page.scrollWidth, 'the page scrolls sideways').to.be.at.most(page.clientWidth);
      });
    }
  }

  it('glues each "·" to the detail before it, so no line starts with one', async () => {
    const { element } = await mountAt(320);
    for (const row of rows(element)) {
      const details = visibleDetails(row);
      details.forEach((detail, i) => {
        expect(getComputedStyle(detail, '::before').content).not.to.contain('·');
        const after = getComputedStyle(detail, '::after').content;
        if (i < details.length - 1) {
          // A no-break space joins the dot to the text before it; the alt text "" keeps it unspoken.
          expect(after).to.contain('\u00a0·');
          expect(after).to.match(/\/\s*""$/);
        } else {
          expect(after).not.to.contain('·');
        }
      });
    }
  });

  for (const width of [375, 800]) {
    it(`keeps every row the same height on hover and focus at ${width} px`, async () => {
      const { element } = await mountAt(width);
      for (const row of rows(element).slice(0, 4)) {
        const before = row.getBoundingClientRect().height;
        const box = row.getBoundingClientRect();
        await sendMouse({
          type: 'move',
          position: [Math.round(box.x + 20), Math.round(box.y + 10)],
        });
        await frame();
        expect(row.matches(':hover')).to.equal(true);
        expect(row.getBoundingClientRect().height, `hover: ${text(row)}`).to.equal(before);
        await sendMouse({ type: 'move', position: [0, 899] });
        rowButton(row).focus();
        await frame();
        expect(row.getBoundingClientRect().height, `focus: ${text(row)}`).to.equal(before);
        rowButton(row).blur();
        for (const time of row.querySelectorAll('time')) {
          expect(time.getAttribute('title')).to.match(/\d{4}/);
        }
      }
    });
  }
});

/** Four sign-ins nobody could tell apart by device, place or time. */
function fourTwins(): MemoryBackend {
  const seed = demoSeed();
  const ada = seed.signins.find((s) => s.id === 'si_ada_mac')!;
  const lastActiveAt = new Date(Date.now() - 5 * 60_000).toISOString();
  seed.signins = seed.signins.filter((s) => s.user_id !== ada.user_id || s.id === ada.id);
  for (let i = 0; i < 4; i++) {
    seed.signins.push({
      ...ada,
      id: `si_twin_${i}`,
      userAgent: UA.firefoxLinux,
      city: 'Berlin',
      region: 'Berlin',
      country: 'Germany',
      countryCode: 'DE',
      ipAddress: '91.64.200.7',
      lastActiveAt,
      active_organization_membership_id: undefined,
      active_workspace_membership_id: undefined,
    });
  }
  return new MemoryBackend({ seed });
}

describe('<active-sessions>: button names', () => {
  it('names every revoke button uniquely, even for four identical devices', async () => {
    const { element } = await mount({ backend: fourTwins() });
    const names = parts(element, 'revoke-button').map((b) => b.getAttribute('aria-label')!);
    expect(names).to.have.length(4);
    expect(new Set(names).size).to.equal(4);
    for (const name of names) expect(name).to.match(/^Sign out of Firefox 144 on Linux, Berlin/);
  });

  it('says "active now" in a button name as the row does, in the page language', async () => {
    await loadLocale('de');
    const seed = demoSeed();
    const iphone = seed.signins.find((s) => s.id === 'si_ada_iphone')!;
    iphone.lastActiveAt = new Date().toISOString();
    const { element } = await mount({
      backend: new MemoryBackend({ seed }),
      template: (controller) =>
        html`<session-provider .controller=${controller} lang="de"
          ><active-sessions></active-sessions
        ></session-provider>`,
    });
    const row = rowTitled(element, 'Safari 18 unter iOS 18')!;
    expect(text(row.querySelector('[part~="last-active"]'))).to.equal('Gerade aktiv');
    expect(rowButton(row).getAttribute('aria-label')).to.equal(
      'Von Safari 18 unter iOS 18 abmelden, Porto, Gerade aktiv',
    );
  });

  it('names a revoke button with device, place and last activity', async () => {
    const { element } = await mount();
    const iphone = rowTitled(element, 'Safari 18 on iOS 18')!;
    expect(rowButton(iphone).getAttribute('aria-label')).to.equal(
      'Sign out of Safari 18 on iOS 18, Porto, active 3 minutes ago',
    );
  });
});

describe('<active-sessions>: forced colours', () => {
  afterEach(() => emulateMedia({ forcedColors: 'none' }));

  it('outlines every badge, the "This device" marker included', async () => {
    const { element } = await mount();
    const badges = parts(element, 'badge');
    expect(badges.map((b) => b.getAttribute('part'))).to.include('badge badge-current');
    expect(badges.length).to.be.at.least(3);
    await emulateMedia({ forcedColors: 'active' });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    for (const badge of badges) {
      const style = getComputedStyle(badge);
      expect(parseFloat(style.borderTopWidth), badge.getAttribute('part')!).to.be.greaterThan(0);
      expect(style.borderTopStyle).not.to.equal('none');
    }
  });
});

describe('<active-sessions>: signing out of all other devices counts live sign-ins', () => {
  for (const pageSize of [10, 3]) {
    it(`says 6 of the 7 other devices (one expired) with page-size ${pageSize}`, async () => {
      const { element } = await mount({
        template: (c) =>
          html`<session-provider .controller=${c}
            ><active-sessions page-size=${pageSize}></active-sessions
          ></session-provider>`,
      });
      part(element, 'revoke-others-button')!.click();
      await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
      expect(text(part(element, 'dialog-message'))).to.contain('6 other devices');
      part(element, 'dialog-cancel')!.click();
    });
  }
});

describe('<active-sessions>: focus after a sign-out', () => {
  it('moves to the next row after a row is revoked, then the previous one', async () => {
    const { element } = await mount();
    const all = rows(element);
    const next = rowButton(all[2]);
    await confirmWith(element, rowButton(all[1]), true);
    await waitUntil(() => rows(element).length === 7, 'the row never went away');
    await waitUntil(() => focused() === next, `focus is on ${focused()?.localName}`);

    const last = rows(element).at(-1)!;
    const previous = rowButton(rows(element).at(-2)!);
    await confirmWith(element, rowButton(last), true);
    await waitUntil(() => rows(element).length === 6, 'the last row never went away');
    await waitUntil(() => focused() === previous, `focus is on ${focused()?.localName}`);
  });

  it('lands on the page shown when the last row of the last page leaves', async () => {
    const { element } = await mount({
      template: (c) => html`<active-sessions .controller=${c} page-size="7"></active-sessions>`,
    });
    part(element, 'next-button')!.click();
    await waitUntil(() => rows(element).length === 1, 'page 2 never showed its one row');
    await confirmWith(element, rowButton(rows(element)[0]), true);
    await waitUntil(() => rows(element).length === 7, 'page 1 never came back');
    await waitUntil(
      () => focused() === part(element, 'list'),
      `focus is on ${focused()?.localName}`,
    );
  });

  it('moves to the list after signing out of all other devices', async () => {
    const { element } = await mount();
    await confirmWith(element, part(element, 'revoke-others-button')!, true);
    await waitUntil(() => rows(element).length === 1, 'the other rows never went away');
    await waitUntil(
      () => focused() === part(element, 'list'),
      `focus is on ${focused()?.localName}`,
    );
    expect(focused()).not.to.equal(document.body);
  });
});

describe('<active-sessions>: details in a right-to-left row', () => {
  /** Where a piece of text stands on screen. */
  const boxOf = (node: Node, from = 0, to = node.textContent!.length) => {
    const range = document.createRange();
    range.setStart(node, from);
    range.setEnd(node, to);
    return range.getBoundingClientRect();
  };

  it('draws the dot after the left-to-right address on its left, where Arabic details go on', async () => {
    await loadLocale('ar');
    const { element } = await mount({
      template: (c) =>
        html`<div lang="ar" dir="rtl">
          <active-sessions .controller=${c} flags="none"></active-sessions>
        </div>`,
    });
    const ip = [...shadow(element).querySelectorAll<HTMLElement>('.ip:not([hidden])')].find(
      (candidate) => visibleDetails(candidate.closest('li')!).at(-1) !== candidate,
    )!;
    const details = visibleDetails(ip.closest('li')!);
    const next = details[details.indexOf(ip) + 1]!;
    // The title is an Arabic phrase around Latin names: the browser first, on the right.
    const title = ip.closest('li')!.querySelector<HTMLElement>('[part~="title"]')!;
    const [browser, os] = title.textContent!.split(' على ');
    expect(os, title.textContent!).to.be.a('string');
    const words = title.firstChild!;
    const browserBox = boxOf(words, 0, 1);
    const osStart = title.textContent!.lastIndexOf(os!);
    expect(boxOf(words, osStart, osStart + 1).right, `${browser} reads before ${os}`).to.be.at.most(
      browserBox.left + 1,
    );
    expect(getComputedStyle(ip, '::after').content).to.equal('none');
    expect(getComputedStyle(ip, '::before').content).to.contain('·');
    // Right to left, what follows the address stands on its left.
    expect(next.getBoundingClientRect().right).to.be.at.most(ip.getBoundingClientRect().left + 1);
  });

  it('runs English details left to right on a right-to-left page, lined up on its right', async () => {
    // A page in a language without a translation (Persian here) gets English strings.
    await setViewport({ width: 320, height: 900 });
    try {
      const { element } = await mount({
        template: (c) =>
          html`<div lang="fa" dir="rtl">
            <active-sessions .controller=${c} flags="none" page-size="3"></active-sessions>
          </div>`,
      });
      const row = rowTitled(element, 'Safari 18 on iOS 18')!;
      const [city, country] = row.querySelectorAll('[part~="location"] bdi');
      expect(text(city)).to.equal('Porto');
      expect(city!.getBoundingClientRect().right).to.be.at.most(
        country!.getBoundingClientRect().left + 1,
        'Porto, Portugal reads left to right',
      );
      // Each detail follows the one before: to its right, or on a line below.
      const details = visibleDetails(row);
      for (const [before, after] of details.slice(1).map((detail, i) => [details[i]!, detail])) {
        const a = before.getBoundingClientRect();
        const b = after.getBoundingClientRect();
        expect(
          b.top >= a.bottom - 1 || b.left >= a.right - 1,
          `${text(after)} after ${text(before)}`,
        ).to.equal(true);
      }
      const lastActive = row.querySelector('[part~="last-active"]')!.firstChild!;
      const words = lastActive.textContent!;
      const first = boxOf(lastActive, 0, 4);
      const last = boxOf(lastActive, words.length - 3);
      expect(words).to.match(/^Last .* ago$/);
      expect(
        last.top >= first.bottom - 1 || last.left > first.right,
        '"ago" comes after "Last"',
      ).to.equal(true);
      // The details still line up with the row's start, on the right.
      const body = row.querySelector<HTMLElement>('[part~="item-body"]')!.getBoundingClientRect();
      const right = Math.max(...details.map((detail) => detail.getBoundingClientRect().right));
      expect(body.right - right).to.be.below(2);
      const summary = [...part(element, 'summary')!.childNodes].find(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
      )!;
      expect(text(part(element, 'summary'))).to.match(/^1–3 of \d+$/);
      expect(boxOf(summary, 0, 1).left).to.be.below(boxOf(summary, 4, 6).left, '"1–3" before "of"');

      // Sentences too: the confirm dialog's question ends with its question mark, after its
      // last word and on the right.
      rowButton(row).click();
      await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
      for (const name of ['dialog-title', 'dialog-message']) {
        const sentence = part(element, name)!;
        const words = [...sentence.childNodes].find(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim(),
        )!;
        const end = words.textContent!.trimEnd().length;
        const stop = boxOf(words, end - 1, end);
        expect(stop.left, `${name}: its last mark follows its last word`).to.be.at.least(
          boxOf(words, end - 2, end - 1).right - 1,
        );
        expect(
          sentence.getBoundingClientRect().right - stop.right,
          `${name}: on the right`,
        ).to.be.below(2);
      }
      part(element, 'dialog-cancel')!.click();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('<active-sessions>: country flags', () => {
  const flagOf = (element: ActiveSessions) => {
    const location = rows(element)[0].querySelector<HTMLElement>('[part~="location"]')!;
    return getComputedStyle(location, '::before').content;
  };
  const anyRegionalIndicator = (element: ActiveSessions) =>
    REGIONAL_INDICATOR.test(shadow(element).innerHTML) ||
    parts(element, 'location').some((l) =>
      REGIONAL_INDICATOR.test(getComputedStyle(l, '::before').content),
    );

  it('draws no flag where the browser has no emoji font (auto)', async () => {
    const { element } = await mount();
    expect(element.flags).to.equal('auto');
    // This machine has no emoji font: the measurement must say so.
    expect(flagsRender()).to.equal(false);
    expect(anyRegionalIndicator(element)).to.equal(false);
    expect(text(rows(element)[0].querySelector('[part~="location"]'))).to.equal('Lisbon, Portugal');
  });

  it('draws flags when told to (emoji) and never with none', async () => {
    const emoji = await mount({
      template: (c) => html`<active-sessions .controller=${c} flags="emoji"></active-sessions>`,
    });
    expect(flagOf(emoji.element)).to.contain('🇵🇹');
    const none = await mount({
      template: (c) => html`<active-sessions .controller=${c} flags="none"></active-sessions>`,
    });
    expect(anyRegionalIndicator(none.element)).to.equal(false);
  });
});

describe('<active-sessions>: expired sign-ins', () => {
  it('offers "Remove" and says how long ago it expired', async () => {
    const { element, backend } = await mount();
    const linux = rowTitled(element, 'Firefox 144 on Linux')!;
    const button = rowButton(linux);
    expect(text(button)).to.equal('Remove');
    expect(button.getAttribute('aria-label')).to.match(/^Remove Firefox 144 on Linux, Toronto/);
    expect(button.getAttribute('part')).to.contain('remove-button');
    expect(text(linux.querySelector('[part~="expired-at"]'))).to.equal('Expired 5 days ago');

    button.focus();
    button.click();
    await waitUntil(() => part(element, 'dialog')?.hasAttribute('open'), 'no dialog');
    expect(text(part(element, 'dialog-title'))).to.equal('Remove Firefox 144 on Linux?');
    expect(text(part(element, 'dialog-confirm'))).to.equal('Remove');
    part(element, 'dialog-confirm')!.click();
    await waitUntil(() => rows(element).length === 7, 'the row never went away');
    expect(statusText(element)).to.equal('Removed Firefox 144 on Linux.');
    expect(backend.calls.removeSignIn).to.equal(1);
  });
});

describe('<active-sessions>: theming reach', () => {
  it('exposes timestamps, the row layout, the filter label, placeholders and both row buttons', async () => {
    const { element } = await mount();
    const [current] = rows(element);
    expect(current.querySelector('[part~="item-body"]')).not.to.equal(null);
    expect(parts(element, 'timestamp').length).to.be.at.least(8);
    expect(part(element, 'filter-label')).not.to.equal(null);
    expect(rowButton(current).getAttribute('part')).to.equal('sign-out-button');
    expect(parts(element, 'revoke-button').length).to.equal(7);
    element.style.setProperty('--session-color-focus-ring', 'rgb(255, 0, 0)');
    rowButton(current).focus();
    expect(getComputedStyle(rowButton(current)).outlineColor).to.equal('rgb(255, 0, 0)');
  });

  it('names the loading placeholder parts', async () => {
    const { element } = await mount({ backendOptions: { latency: 400 }, settle: false });
    await waitUntil(() => part(element, 'skeleton'), 'no skeleton');
    expect(parts(element, 'skeleton-bone').length).to.be.at.least(3);
  });
});
