import { property } from 'lit/decorators.js';
import type { SessionController } from '../../core/session-controller.js';
import type { Organization, SignIn } from '../../core/types.js';
import { OrganizationSwitchEvent, OrganizationSwitchedEvent } from '../../events.js';
import { displayName, displayText } from '../../internal/format.js';
import { avatar } from '../../internal/templates/avatar.js';
import { type MembershipOption, MembershipSwitcher } from '../shared/membership-switcher.js';
import {
  type OrganizationSwitcherStrings,
  organizationSwitcherStrings,
  roleLabel,
} from './organization-switcher.strings.js';
import { styles } from './organization-switcher.styles.js';

/**
 * A menu button (WAI-ARIA APG) for the organizations the user belongs to:
 * logo or initials, name and role, plus "Personal account" unless
 * `hide-personal`; the active one is checked. Choosing one switches the
 * active sign-in's organization. Renders nothing when the backend has no
 * organizations or nobody is signed in.
 *
 * Keyboard: Enter, Space or ArrowDown open on the first item, ArrowUp on the
 * last; arrows, Home/End and type-ahead move; Escape closes back to the
 * trigger; Tab closes. A click outside closes.
 *
 * @summary Switch the active organization.
 * @tag organization-switcher
 * @csspart trigger - The menu button (or its placeholder while loading).
 * @csspart loading - The trigger's placeholder while loading.
 * @csspart avatar - A logo, or initials on a colour derived from the organization id.
 * @csspart label - An organization's name (trigger and items).
 * @csspart detail - The user's role, or the user's name under "Personal account".
 * @csspart chevron - The trigger's arrow.
 * @csspart menu - The popup menu.
 * @csspart menu-item - Every item of the menu.
 * @csspart menu-item-current - The active organization's item.
 * @csspart check - The active organization's check mark.
 * @csspart spinner - Shown on an item while switching to it.
 * @csspart error - A failure message.
 * @csspart retry-button - Retries loading the organizations.
 * @cssprop --session-avatar-size - Logo diameter (default 2rem).
 * @cssprop --session-trigger-max-width - The trigger's widest extent before names are cut (default 18rem).
 * @cssprop --session-menu-z-index - Stacking of the open menu (default 1000).
 * @fires {OrganizationSwitchEvent} organization-switch - Before switching; cancelable. `detail: { organization }` (null: personal account).
 * @fires {OrganizationSwitchedEvent} organization-switched - After the server switched. `detail: { organization }`.
 * @fires {SessionErrorEvent} session-error - Loading or switching failed. `detail: { error, action }`.
 * @fires {ReauthRequiredEvent} reauth-required - The server wants the user to confirm who they are.
 */
export class OrganizationSwitcher extends MembershipSwitcher<
  Organization,
  OrganizationSwitcherStrings
> {
  static override styles = styles;

  /** Leaves "Personal account" out of the menu (for apps where everything lives in an organization). */
  @property({ type: Boolean, attribute: 'hide-personal', reflect: true, useDefault: true })
  hidePersonal = false;

  protected readonly translations = organizationSwitcherStrings;
  protected readonly capability = 'organizations';
  protected readonly listAction = 'list-organizations';
  protected readonly switchAction = 'switch-organization';

  protected fetch(controller: SessionController, signal: AbortSignal): Promise<Organization[]> {
    return controller.listOrganizations({ signal });
  }

  protected activeMembershipId(signIn: SignIn): string | undefined {
    return signIn.active_organization_membership_id;
  }

  /** The user's role in the organization. */
  protected override optionDetail(organization: Organization): string | undefined {
    const role = displayText(organization.role);
    return role ? roleLabel(this.t, role) : undefined;
  }

  protected override optionImage(organization: Organization): string | undefined {
    return organization.logo;
  }

  protected personalOption(signIn: SignIn): MembershipOption<Organization> | null {
    if (this.hidePersonal) return null;
    const user = signIn.user;
    const name = displayName(user, this.t.personal);
    return {
      key: 'personal',
      item: null,
      label: this.t.personal,
      detail: user ? name : undefined,
      avatar: avatar({ id: user?.id ?? signIn.id, name, image: user?.profile_picture_url }),
    };
  }

  protected switchTo(controller: SessionController, organization: Organization | null) {
    return controller.switchOrganization(organization?.id ?? null);
  }

  protected switchEvent(organization: Organization | null) {
    return new OrganizationSwitchEvent({ organization });
  }

  protected switchedEvent(organization: Organization | null) {
    return new OrganizationSwitchedEvent({ organization });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'organization-switcher': OrganizationSwitcher;
  }
}
