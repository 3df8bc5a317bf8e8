import { html, nothing } from 'lit';

export { dialogStyles } from '../styles/dialog.js';

/** What the confirm dialog says. */
export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** The language of these texts, when it may differ from the page's. */
  lang?: string;
}

/**
 * The APG alert dialog on a native modal <dialog>; styled by `dialogStyles`. Its
 * controller focuses the safe choice, `dialog-cancel`, first.
 */
export function confirmDialog(options: ConfirmOptions, onClose: (confirmed: boolean) => void) {
  return html`<dialog
    part="dialog"
    lang=${options.lang ?? nothing}
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="confirm-title"
    aria-describedby="confirm-message"
    @cancel=${(event: Event) => {
      event.preventDefault();
      onClose(false);
    }}
  >
    <h2 id="confirm-title" part="dialog-title">${options.title}</h2>
    <p id="confirm-message" part="dialog-message">${options.message}</p>
    <div class="dialog-actions" part="dialog-actions">
      <button class="btn" part="dialog-cancel" type="button" @click=${() => onClose(false)}>
        ${options.cancelLabel}
      </button>
      <button
        class="btn primary ${options.danger ? 'danger' : ''}"
        part="dialog-confirm"
        type="button"
        @click=${() => onClose(true)}
      >
        ${options.confirmLabel}
      </button>
    </div>
  </dialog>`;
}
