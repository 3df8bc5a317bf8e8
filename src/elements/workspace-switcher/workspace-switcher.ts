import type { SessionController } from '../../core/session-controller.js';
import type { SignIn, Workspace } from '../../core/types.js';
import { WorkspaceSwitchEvent, WorkspaceSwitchedEvent } from '../../events.js';
import { MembershipSwitcher } from '../shared/membership-switcher.js';
import {
  type WorkspaceSwitcherStrings,
  workspaceSwitcherStrings,
} from './workspace-switcher.strings.js';
import { styles } from './workspace-switcher.styles.js';

/**
 * A menu button (WAI-ARIA APG) for the workspaces of the active organization,
 * the active one checked. The list follows the organization: it reloads
 * after every session change. Renders nothing when the backend has no
 * workspaces, nobody is signed in, or the active organization has none (e.g.
 * on the personal account).
 *
 * Keyboard: Enter, Space or ArrowDown open on the first item, ArrowUp on the
 * last; arrows, Home/End and type-ahead move; Escape closes back to the
 * trigger; Tab closes. A click outside closes.
 *
 * @summary Switch the active workspace of the active organization.
 * @tag workspace-switcher
 * @csspart trigger - The menu button (or its placeholder while loading).
 * @csspart loading - The trigger's placeholder while loading.
 * @csspart avatar - Initials on a colour derived from the workspace id.
 * @csspart label - A workspace's name (trigger and items).
 * @csspart chevron - The trigger's arrow.
 * @csspart menu - The popup menu.
 * @csspart menu-item - Every item of the menu.
 * @csspart menu-item-current - The active workspace's item.
 * @csspart check - The active workspace's check mark.
 * @csspart spinner - Shown on an item while switching to it.
 * @csspart error - A failure message.
 * @csspart retry-button - Retries loading the workspaces.
 * @cssprop --session-avatar-size - Avatar diameter (default 2rem).
 * @cssprop --session-trigger-max-width - The trigger's widest extent before names are cut (default 18rem).
 * @cssprop --session-menu-z-index - Stacking of the open menu (default 1000).
 * @fires {WorkspaceSwitchEvent} workspace-switch - Before switching; cancelable. `detail: { workspace }`.
 * @fires {WorkspaceSwitchedEvent} workspace-switched - After the server switched. `detail: { workspace }`.
 * @fires {SessionErrorEvent} session-error - Loading or switching failed. `detail: { error, action }`.
 * @fires {ReauthRequiredEvent} reauth-required - The server wants the user to confirm who they are.
 */
export class WorkspaceSwitcher extends MembershipSwitcher<Workspace, WorkspaceSwitcherStrings> {
  static override styles = styles;

  protected readonly translations = workspaceSwitcherStrings;
  protected readonly capability = 'workspaces';
  protected readonly listAction = 'list-workspaces';
  protected readonly switchAction = 'switch-workspace';

  /** No id: the backend answers for the active organization. */
  protected fetch(controller: SessionController, signal: AbortSignal): Promise<Workspace[]> {
    return controller.listWorkspaces(undefined, { signal });
  }

  /** Another organization has other workspaces: never show the previous one's list. */
  protected override listScope(signIn: SignIn): string {
    return `${signIn.id}\u0000${signIn.active_organization_membership_id ?? ''}`;
  }

  protected activeMembershipId(signIn: SignIn): string | undefined {
    return signIn.active_workspace_membership_id;
  }

  /** Workspaces have no personal entry, so every option carries a workspace. */
  protected personalOption(): null {
    return null;
  }

  protected switchTo(controller: SessionController, workspace: Workspace | null) {
    return controller.switchWorkspace(workspace!.id);
  }

  protected switchEvent(workspace: Workspace | null) {
    return new WorkspaceSwitchEvent({ workspace: workspace! });
  }

  protected switchedEvent(workspace: Workspace | null) {
    return new WorkspaceSwitchedEvent({ workspace: workspace! });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'workspace-switcher': WorkspaceSwitcher;
  }
}
