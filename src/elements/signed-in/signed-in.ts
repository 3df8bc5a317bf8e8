import { html, nothing } from 'lit';
import { SessionElement } from '../shared/session-element.js';
import { tokens } from '../../internal/styles/base.js';

/**
 * Shows its content only while someone is signed in.
 *
 * @summary Content for signed-in users.
 * @tag signed-in
 * @slot - Shown while the session is signed in.
 */
export class SignedIn extends SessionElement {
  static override styles = tokens;
  protected readonly translations = { en: {} };

  protected override render() {
    return this.state.status === 'signed-in' ? html`<slot></slot>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'signed-in': SignedIn;
  }
}
