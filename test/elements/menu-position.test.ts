import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { MemoryBackend, demoSeed } from '../../src/backends/memory.js';
import { mount, open, part } from './switchers.helpers.js';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** Accounts with the long names and emails real people have. */
function longNames(): MemoryBackend {
  const seed = demoSeed();
  for (const signIn of seed.signins) {
    if (!signIn.user) continue;
    signIn.user.first_name = 'Maximiliane Alexandrina';
    signIn.user.last_name = 'Featherstonehaugh-Cholmondeley';
    signIn.user.primary_email_address = {
      email: 'maximiliane.featherstonehaugh-cholmondeley@department.example.org',
      verified: true,
    };
  }
  return new MemoryBackend({ seed });
}

interface Place {
  width: number;
  dir: 'ltr' | 'rtl';
  edge: 'left' | 'right';
  vertical: 'top' | 'bottom';
}

async function mountAt(tag: string, { dir, edge, vertical }: Place) {
  // Like a header's top corner (or a footer's bottom one): the usual places for these menus.
  const style = `position: absolute; ${edge}: 8px; ${vertical}: 8px;`;
  const inner =
    tag === 'account-switcher'
      ? html`<account-switcher manage-account-url="/account"></account-switcher>`
      : html`<organization-switcher></organization-switcher>`;
  return mount<Updating>(
    tag,
    (c) =>
      html`<session-provider .controller=${c}
        ><div dir=${dir} style=${style}>${inner}</div></session-provider
      >`,
    { backend: longNames() },
  );
}

function expectOnScreen(element: Element, where: string) {
  const menu = part(element, 'menu')!;
  const rect = menu.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  const box = `menu ${JSON.stringify(rect.toJSON())} in ${width}×${height} (${where})`;
  expect(rect.width, box).to.be.greaterThan(0);
  expect(rect.left, box).to.be.at.least(0);
  expect(rect.right, box).to.be.at.most(width);
  expect(rect.top, box).to.be.at.least(0);
  expect(rect.bottom, box).to.be.at.most(height);
  const scrolling = document.documentElement;
  // Focusing the first item would scroll a menu below the fold into view: the page must not move.
  expect(window.scrollY, `the page scrolled to reach the menu (${where})`).to.equal(0);
  expect(scrolling.scrollHeight, `vertical overflow (${where})`).to.be.at.most(
    scrolling.clientHeight,
  );
  expect(scrolling.scrollWidth, `horizontal overflow (${where})`).to.be.at.most(
    scrolling.clientWidth,
  );
  // Every item can still be reached: the menu scrolls rather than growing off screen.
  expect(
    menu.scrollHeight > menu.clientHeight ? getComputedStyle(menu).overflowY : 'auto',
  ).to.equal('auto');
}

describe('menus stay on screen (issue 12, defect 1)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 375, 320]) {
    for (const dir of ['ltr', 'rtl'] as const) {
      for (const edge of ['left', 'right'] as const) {
        for (const vertical of ['top', 'bottom'] as const) {
          const place: Place = { width, dir, edge, vertical };
          const where = `${width}px ${dir}, ${vertical} ${edge}`;
          it(`the account menu at ${where}`, async () => {
            await setViewport({ width, height: vertical === 'bottom' ? 700 : 800 });
            const { element } = await mountAt('account-switcher', place);
            await open(element);
            expectOnScreen(element, where);
          });
        }
      }
    }
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    for (const edge of ['left', 'right'] as const) {
      it(`the organization menu at 320px ${dir}, bottom ${edge}`, async () => {
        await setViewport({ width: 320, height: 480 });
        const { element } = await mountAt('organization-switcher', {
          width: 320,
          dir,
          edge,
          vertical: 'bottom',
        });
        await open(element);
        expectOnScreen(element, `320px ${dir}, bottom ${edge}`);
      });
    }
  }

  it('a menu taller than the room it has scrolls inside the viewport', async () => {
    await setViewport({ width: 375, height: 260 });
    const { element } = await mountAt('account-switcher', {
      width: 375,
      dir: 'ltr',
      edge: 'right',
      vertical: 'top',
    });
    await open(element);
    expectOnScreen(element, '375×260');
    const menu = part(element, 'menu')!;
    expect(menu.scrollHeight, 'the menu does not need to scroll here').to.be.greaterThan(
      menu.clientHeight,
    );
  });

  it('lines names up beside their avatars in a right-to-left menu, whatever their script', async () => {
    await setViewport({ width: 1280, height: 800 });
    for (const tag of ['account-switcher', 'organization-switcher']) {
      const { element } = await mountAt(tag, {
        width: 1280,
        dir: 'rtl',
        edge: 'right',
        vertical: 'top',
      });
      await open(element);
      const root = element.shadowRoot!;
      const names = [...root.querySelectorAll<HTMLElement>('[part~="menu"] [part~="label"]')];
      expect(names.length, tag).to.be.greaterThan(0);
      for (const name of names) {
        // A Latin name runs left to right, but stands at the right of its column, by the avatar.
        const words = document.createRange();
        words.selectNodeContents(name);
        const column = name.parentElement!.getBoundingClientRect();
        expect(
          column.right - words.getBoundingClientRect().right,
          `${tag}: ${name.textContent}`,
        ).to.be.below(2);
      }
    }
  });

  it('follows a resize while open', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { element } = await mountAt('account-switcher', {
      width: 1280,
      dir: 'ltr',
      edge: 'right',
      vertical: 'top',
    });
    await open(element);
    await setViewport({ width: 320, height: 800 });
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expectOnScreen(element, 'resized to 320px');
  });
});
