import { CUSTOM_ELEMENTS_SCHEMA, Component, signal } from '@angular/core';
import type { AccountSwitchedEvent, SignInRevokedEvent } from 'session-elements';

/** Angular passes custom events to `(event-name)` handlers as plain `Event`s: narrow them here. */
@Component({
  selector: 'account-page',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <session-provider>
      <account-switcher (account-switched)="onSwitched($event)"></account-switcher>
      <p id="last-switch" role="status">
        {{ switchedTo() ? 'Switched to ' + switchedTo() : 'No switch yet' }}
      </p>
      <active-sessions
        page-size="5"
        [strings]="strings"
        (signin-revoked)="onRevoked($event)"
      ></active-sessions>
      <p id="last-revoke" role="status">{{ revoked() ?? 'Nothing revoked yet' }}</p>
      <sign-out-button extent="session"></sign-out-button>
    </session-provider>
  `,
})
export class AccountPage {
  protected readonly strings = { thisDevice: 'You are here', confirmSignOut: 'Yes, sign out' };
  protected readonly switchedTo = signal<string | undefined>(undefined);
  protected readonly revoked = signal<string | undefined>(undefined);

  protected onSwitched(event: Event): void {
    this.switchedTo.set((event as AccountSwitchedEvent).detail.signin.user?.first_name);
  }

  protected onRevoked(event: Event): void {
    this.revoked.set(`Revoked ${(event as SignInRevokedEvent).detail.signins.length} sign-in`);
  }
}
