import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { WorkspaceSwitcher } from '../../src/elements/workspace-switcher/workspace-switcher.js';
import type {
  SessionErrorEvent,
  WorkspaceSwitchEvent,
  WorkspaceSwitchedEvent,
} from '../../src/events.js';
import {
  expectAccessible,
  mount,
  part,
  parts,
  signedOutBackend,
  text,
} from './switchers.helpers.js';

function mountSwitcher(options: Parameters<typeof mount>[2] = {}, lang = 'en') {
  return mount<WorkspaceSwitcher>(
    'workspace-switcher',
    (c) =>
      html`<session-provider .controller=${c}
        ><div lang=${lang}><workspace-switcher></workspace-switcher></div
      ></session-provider>`,
    options,
  );
}

const trigger = (el: WorkspaceSwitcher) => part(el, 'trigger') as HTMLButtonElement;
const items = (el: WorkspaceSwitcher) => parts(el, 'menu-item');
const labels = (el: WorkspaceSwitcher) =>
  items(el).map((i) => text(i.querySelector('[part~="label"]')));
const checked = (el: WorkspaceSwitcher) =>
  items(el)
    .filter((i) => i.getAttribute('aria-checked') === 'true')
    .map((i) => text(i.querySelector('[part~="label"]')));
const item = (el: WorkspaceSwitcher, label: string) =>
  items(el).find((i) => text(i.querySelector('[part~="label"]')) === label)!;
const triggerLabel = (el: WorkspaceSwitcher) => text(trigger(el)?.querySelector('[part~="label"]'));

async function ready(el: WorkspaceSwitcher) {
  await waitUntil(() => trigger(el)?.localName === 'button', 'the list never loaded');
}

async function open(el: WorkspaceSwitcher) {
  await ready(el);
  trigger(el).click();
  await el.updateComplete;
}

describe('<workspace-switcher>', () => {
  it('lists the workspaces of the active organization, the active one checked', async () => {
    const { element } = await mountSwitcher();
    await open(element);
    expect(labels(element)).to.deep.equal(['Design', 'Engineering']);
    expect(checked(element)).to.deep.equal(['Design']);
    expect(triggerLabel(element)).to.equal('Design');
    expect(text(trigger(element).querySelector('.visually-hidden'))).to.equal('Workspace');
  });

  it('switches workspace: events, new session', async () => {
    const { element, backend, controller } = await mountSwitcher({
      backendOptions: { latency: 30 },
    });
    await open(element);
    const before = oneEvent(element, 'workspace-switch') as Promise<WorkspaceSwitchEvent>;
    const after = oneEvent(element, 'workspace-switched') as Promise<WorkspaceSwitchedEvent>;
    item(element, 'Engineering').click();
    item(element, 'Engineering').click();
    expect((await before).detail.workspace.id).to.equal('ws_engineering');
    expect((await after).detail.workspace.id).to.equal('ws_engineering');
    expect(backend.calls.switchWorkspace).to.equal(1);
    const state = controller.getSnapshot();
    expect(
      state.status === 'signed-in' && state.session.active_signin?.active_workspace_membership_id,
    ).to.equal('wsm_ada_engineering');
    await waitUntil(() => triggerLabel(element) === 'Engineering');
  });

  it('a cancelled workspace-switch sends nothing', async () => {
    const { element, backend } = await mountSwitcher();
    element.addEventListener('workspace-switch', (e) => e.preventDefault());
    await open(element);
    item(element, 'Engineering').click();
    await element.updateComplete;
    expect(backend.calls.switchWorkspace ?? 0).to.equal(0);
  });

  it('follows the active organization', async () => {
    const { element, controller } = await mountSwitcher();
    await ready(element);
    await controller.switchOrganization('org_globex');
    await waitUntil(() => triggerLabel(element) === 'Select a workspace', 'did not follow');
    await open(element);
    expect(labels(element)).to.deep.equal(['Lab']);
    expect(checked(element)).to.deep.equal([]);
  });

  it('renders nothing on the personal account (no organization, no workspaces)', async () => {
    const { element, controller } = await mountSwitcher();
    await ready(element);
    await controller.switchOrganization(null);
    await waitUntil(() => !element.shadowRoot!.querySelector('[part]'), 'still rendered');
  });

  it('a failed switch shows a message and fires session-error', async () => {
    const { element, backend } = await mountSwitcher();
    backend.failNext('timeout', { method: 'switchWorkspace' });
    await open(element);
    const error = oneEvent(element, 'session-error') as Promise<SessionErrorEvent>;
    item(element, 'Engineering').click();
    expect((await error).detail.action).to.equal('switch-workspace');
    await element.updateComplete;
    expect(text(part(element, 'error'))).to.equal(
      'The server took too long to answer. Try again in a moment.',
    );
  });

  it('renders nothing without the workspaces capability, or signed out', async () => {
    const unsupported = await mountSwitcher({
      backendOptions: { capabilities: { workspaces: false } },
    });
    expect(unsupported.element.shadowRoot!.querySelector('[part]')).to.equal(null);
    expect(unsupported.backend.calls.listWorkspaces ?? 0).to.equal(0);
    const signedOut = await mountSwitcher({ backend: await signedOutBackend() });
    expect(signedOut.element.shadowRoot!.querySelector('[part]')).to.equal(null);
  });

  it('works with its own .controller, no provider', async () => {
    const { element } = await mount<WorkspaceSwitcher>(
      'workspace-switcher',
      (c) => html`<workspace-switcher .controller=${c}></workspace-switcher>`,
      { backend: new MemoryBackend() },
    );
    await ready(element);
    expect(triggerLabel(element)).to.equal('Design');
  });

  it('has no axe violations, closed and open', async () => {
    const { element } = await mountSwitcher();
    await ready(element);
    await expectAccessible(element);
    await open(element);
    await expectAccessible(element);
  });

  it('speaks German with lang="de"', async () => {
    const { element, controller } = await mountSwitcher({}, 'de');
    await ready(element);
    expect(text(trigger(element).querySelector('.visually-hidden'))).to.equal('Arbeitsbereich');
    await controller.switchOrganization('org_globex');
    await waitUntil(() => triggerLabel(element) === 'Arbeitsbereich wählen');
    await open(element);
    expect(part(element, 'menu')!.getAttribute('aria-label')).to.equal('Arbeitsbereiche');
  });
});
