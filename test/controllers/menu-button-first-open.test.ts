import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { MenuButtonController } from '../../src/controllers/menu-button.js';
import { actionItem } from '../../src/internal/templates/menu-items.js';
import { waitUntil } from '../helpers/wait-until.js';

/** A menu button with two items; this file never loads the open menu's code itself. */
class FirstOpenHost extends LitElement {
  readonly menu = new MenuButtonController(this);

  protected override render() {
    return html`${this.menu.renderTrigger('Fruit')}
    ${this.menu.renderMenu(
      ['Apple', 'Banana'].map((label) => actionItem({ label, onSelect: () => this.menu.hide() })),
      { label: 'Fruit' },
    )}`;
  }
}
customElements.define('first-open-host', FirstOpenHost);

describe('MenuButtonController: the first open on a page', () => {
  it('stays closed when closed again while the code was loading', async () => {
    const host = await fixture<FirstOpenHost>(html`<first-open-host></first-open-host>`);
    // Shown and closed in one go, before the code could arrive (these tests run first on the page).
    host.menu.show();
    host.menu.hide();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(host.menu.open).to.equal(false);
  });

  it('opens on the first item when clicked before the open menu’s code has loaded', async () => {
    const host = await fixture<FirstOpenHost>(html`<first-open-host></first-open-host>`);
    const trigger = host.shadowRoot!.querySelector<HTMLButtonElement>('#trigger')!;
    trigger.click();
    await waitUntil(() => host.menu.open, 'the menu never opened');
    await host.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(host.shadowRoot!.querySelector<HTMLElement>('#menu')!.hidden).to.equal(false);
    expect((host.shadowRoot!.activeElement as HTMLElement).dataset.label).to.equal('Apple');
  });
});
