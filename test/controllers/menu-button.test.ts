import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { MenuButtonController, loadOpenMenu } from '../../src/controllers/menu-button.js';
import { TYPE_AHEAD_RESET } from '../../src/controllers/menu-open.js';
import { tokens } from '../../src/internal/styles/base.js';
import { menuStyles } from '../../src/internal/styles/menu.js';
import { menuPopupStyles } from '../../src/internal/styles/menu-popup.js';
import { actionItem } from '../../src/internal/templates/menu-items.js';

const FRUIT = ['Apple', 'Banana', 'Blueberry', 'Cherry', 'Date'];

class MenuHost extends LitElement {
  static override styles = [tokens, menuStyles, menuPopupStyles];
  readonly menu = new MenuButtonController(this);
  activated: string[] = [];

  protected override render() {
    return html`${this.menu.renderTrigger('Fruit')}
    ${this.menu.renderMenu(
      FRUIT.map((label) =>
        actionItem({
          label,
          disabled: label === 'Date',
          onSelect: () => {
            this.activated.push(label);
            this.menu.hide();
          },
        }),
      ),
      { label: 'Fruit' },
    )}`;
  }
}
customElements.define('menu-host', MenuHost);

interface Page {
  host: MenuHost;
  before: HTMLButtonElement;
  after: HTMLButtonElement;
}

async function page(): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="padding: 20px">
      <button id="before">before</button>
      <menu-host></menu-host>
      <button id="after">after</button>
    </div>`,
  );
  return {
    host: wrapper.querySelector('menu-host')!,
    before: wrapper.querySelector('#before')!,
    after: wrapper.querySelector('#after')!,
  };
}

const trigger = (host: MenuHost) => host.shadowRoot!.querySelector<HTMLButtonElement>('#trigger')!;
const menuEl = (host: MenuHost) => host.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
const focusedLabel = (host: MenuHost) =>
  (host.shadowRoot!.activeElement as HTMLElement | null)?.dataset.label ??
  host.shadowRoot!.activeElement?.id ??
  null;

async function press(host: MenuHost, key: string) {
  await sendKeys({ press: key });
  await host.updateComplete;
}

async function openWith(host: MenuHost, key: string) {
  trigger(host).focus();
  await press(host, key);
}

function expectOpen(host: MenuHost, open: boolean) {
  expect(host.menu.open).to.equal(open);
  expect(trigger(host).getAttribute('aria-expanded')).to.equal(String(open));
  expect(menuEl(host).hidden).to.equal(!open);
}

describe('MenuButtonController (APG menu button)', () => {
  // What an open menu does is loaded after the first render; loaded here, every open is at once.
  before(() => loadOpenMenu());

  it('wires the trigger to the menu', async () => {
    const { host } = await page();
    expect(trigger(host).getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger(host).getAttribute('aria-controls')).to.equal(menuEl(host).id);
    expectOpen(host, false);
    expect(host.menu.items.every((item) => item.tabIndex === -1)).to.equal(true);
  });

  for (const key of ['Enter', 'Space', 'ArrowDown']) {
    it(`${key} on the trigger opens on the first item`, async () => {
      const { host } = await page();
      await openWith(host, key);
      expectOpen(host, true);
      expect(focusedLabel(host)).to.equal('Apple');
    });
  }

  it('ArrowUp on the trigger opens on the last item', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowUp');
    expectOpen(host, true);
    expect(focusedLabel(host)).to.equal('Date');
  });

  it('ArrowDown and ArrowUp move through the items and wrap around', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    const seen: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      await press(host, 'ArrowDown');
      seen.push(focusedLabel(host));
    }
    expect(seen).to.deep.equal(['Banana', 'Blueberry', 'Cherry', 'Date', 'Apple']);
    await press(host, 'ArrowUp');
    expect(focusedLabel(host)).to.equal('Date');
    await press(host, 'ArrowUp');
    expect(focusedLabel(host)).to.equal('Cherry');
  });

  it('Home and End jump to the first and last item', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'End');
    expect(focusedLabel(host)).to.equal('Date');
    await press(host, 'Home');
    expect(focusedLabel(host)).to.equal('Apple');
  });

  it('type-ahead moves to the next item starting with the typed letters', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'c');
    expect(focusedLabel(host)).to.equal('Cherry');
    await new Promise((r) => setTimeout(r, TYPE_AHEAD_RESET + 50));
    await press(host, 'b');
    expect(focusedLabel(host)).to.equal('Banana');
    await new Promise((r) => setTimeout(r, TYPE_AHEAD_RESET + 50));
    await press(host, 'b');
    expect(focusedLabel(host), 'the same letter again cycles').to.equal('Blueberry');
    await new Promise((r) => setTimeout(r, TYPE_AHEAD_RESET + 50));
    await press(host, 'a');
    expect(focusedLabel(host)).to.equal('Apple');
    await press(host, 'x');
    expect(focusedLabel(host), 'no match stays put').to.equal('Apple');
  });

  it('type-ahead extends the search while typing fast', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    await sendKeys({ type: 'bl' });
    expect(focusedLabel(host)).to.equal('Blueberry');
  });

  it('Enter and Space activate the focused item', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'Enter');
    expect(host.activated).to.deep.equal(['Apple']);
    expectOpen(host, false);
    await openWith(host, 'ArrowDown');
    await press(host, 'ArrowDown');
    await press(host, 'Space');
    expect(host.activated).to.deep.equal(['Apple', 'Banana']);
  });

  it('a disabled item is focusable but does nothing', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowUp');
    expect(focusedLabel(host)).to.equal('Date');
    await press(host, 'Enter');
    expect(host.activated).to.deep.equal([]);
    expectOpen(host, true);
  });

  it('Escape closes and returns focus to the trigger', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'ArrowDown');
    await press(host, 'Escape');
    expectOpen(host, false);
    expect(focusedLabel(host)).to.equal('trigger');
  });

  it('Tab closes and moves on to the next control after the trigger', async () => {
    const { host, after } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'ArrowDown');
    await press(host, 'Tab');
    expectOpen(host, false);
    expect(document.activeElement).to.equal(after);
  });

  it('Shift+Tab closes and moves to the control before the trigger', async () => {
    const { host, before } = await page();
    await openWith(host, 'ArrowDown');
    await press(host, 'Shift+Tab');
    expectOpen(host, false);
    expect(document.activeElement).to.equal(before);
  });

  it('a click on the trigger toggles the menu', async () => {
    const { host } = await page();
    trigger(host).click();
    await host.updateComplete;
    expectOpen(host, true);
    expect(focusedLabel(host)).to.equal('Apple');
    trigger(host).click();
    await host.updateComplete;
    expectOpen(host, false);
  });

  it('a click outside closes without stealing focus; a click inside does not', async () => {
    const { host, after } = await page();
    await openWith(host, 'ArrowDown');
    const inside = menuEl(host).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(inside.left + 5), Math.round(inside.top + 2)],
    });
    await host.updateComplete;
    expectOpen(host, true);
    const box = after.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.left + 2), Math.round(box.top + 2)],
    });
    await host.updateComplete;
    expectOpen(host, false);
    expect(document.activeElement).to.equal(after);
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('closing an already closed menu leaves focus where the user put it', async () => {
    const { host, after } = await page();
    await openWith(host, 'ArrowDown');
    after.focus();
    await host.updateComplete;
    host.menu.hide();
    expect(document.activeElement).to.equal(after);
  });

  it('focus moving elsewhere closes the menu', async () => {
    const { host, before } = await page();
    await openWith(host, 'ArrowDown');
    before.focus();
    await host.updateComplete;
    expectOpen(host, false);
  });

  it('stops listening to the document once disconnected', async () => {
    const { host } = await page();
    await openWith(host, 'ArrowDown');
    host.remove();
    expect(host.menu.open).to.equal(false);
  });
});
