import { expect, html, oneEvent } from '@open-wc/testing';
import { MemoryBackend } from '../../src/backends/memory.js';
import type { WorkspaceSwitcher } from '../../src/elements/workspace-switcher/workspace-switcher.js';
import type { SessionErrorEvent } from '../../src/events.js';
import {
  type MountOptions,
  activeSignIn,
  checked,
  expectAccessibleMenu,
  item,
  labels,
  mount,
  mountInProvider,
  open,
  part,
  ready,
  signedOutBackend,
  switchTwice,
  text,
  trigger,
} from './switchers.helpers.js';
import { loadLocale } from '../../src/internal/localize.js';
import { waitUntil } from '../helpers/wait-until.js';

function mountSwitcher(options: MountOptions = {}, lang = 'en') {
  return mountInProvider<WorkspaceSwitcher>(
    'workspace-switcher',
    html`<workspace-switcher></workspace-switcher>`,
    options,
    { lang },
  );
}

const triggerLabel = (el: WorkspaceSwitcher) => text(trigger(el)?.querySelector('[part~="label"]'));

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
    const { element, backend, controller, before, after } = await switchTwice(
      mountSwitcher({ backendOptions: { latency: 30 } }),
      'workspace',
      'Engineering',
    );
    expect((await before).detail.workspace.id).to.equal('ws_engineering');
    expect((await after).detail.workspace.id).to.equal('ws_engineering');
    expect(backend.calls.switchWorkspace).to.equal(1);
    expect(activeSignIn(controller).active_workspace_membership_id).to.equal('wsm_ada_engineering');
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
    await expectAccessibleMenu(element);
  });

  it('speaks German with lang="de"', async () => {
    // German is a lazy module; loaded first so the text is there on the first render.
    await loadLocale('de');
    const { element, controller } = await mountSwitcher({}, 'de');
    await ready(element);
    expect(text(trigger(element).querySelector('.visually-hidden'))).to.equal('Arbeitsbereich');
    await controller.switchOrganization('org_globex');
    await waitUntil(() => triggerLabel(element) === 'Arbeitsbereich auswählen');
    await open(element);
    expect(part(element, 'menu')!.getAttribute('aria-label')).to.equal('Arbeitsbereiche');
  });
});
