import { html, nothing } from 'lit';
import { SessionElement } from '../shared/session-element.js';
import { tokens } from '../../internal/styles/base.js';

/**
 * Shows its content only once the session is known to be signed out.
 *
 * @summary Content for signed-out visitors.
 * @tag signed-out
 * @slot - Shown while nobody is signed in.
 */
export class SignedOut extends SessionElement {
  static override styles = tokens;
  protected readonly translations = { en: {} };

  protected override render() {
    return this.state.status === 'signed-out' ? html`<slot></slot>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'signed-out': SignedOut;
  }
}
