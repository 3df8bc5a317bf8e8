import { nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { localeOf } from '../internal/localize.js';
import type { ConfirmOptions } from '../internal/templates/confirm-dialog.js';

export type { ConfirmOptions } from '../internal/templates/confirm-dialog.js';

type DialogView = typeof import('../internal/templates/confirm-dialog.js');

/**
 * The dialog's template and styles, loaded with the first question: nothing
 * shows the dialog before a user asks for something destructive.
 */
let loading: Promise<DialogView> | undefined;

function loadView(): Promise<DialogView> {
  loading ??= import('../internal/templates/confirm-dialog.js');
  // A failed load is forgotten, so the next question tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Asks before a destructive action in an alert dialog (native modal <dialog>:
 * focus containment, Escape, inert page) with the safe choice focused first,
 * as the APG alert dialog pattern asks.
 *
 * `ask()` resolves true on confirm and false on cancel or Escape; the host
 * renders `render()` somewhere in its shadow root. The dialog's styles are
 * added to the host's shadow root when the first question loads them.
 */
export class ConfirmDialogController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #view: DialogView | null = null;
  #options: ConfirmOptions | null = null;
  #resolve: ((confirmed: boolean) => void) | null = null;
  #opener: Element | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  get open(): boolean {
    return this.#options !== null;
  }

  async ask(options: ConfirmOptions): Promise<boolean> {
    this.#adopt(await loadView());
    this.#close(false);
    this.#opener = activeElement();
    this.#options = options;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog;
    if (!dialog) return false;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('[part="dialog-cancel"]')?.focus();
    return new Promise<boolean>((resolve) => (this.#resolve = resolve));
  }

  hostDisconnected(): void {
    this.#close(false);
  }

  render() {
    const options = this.#options;
    if (!options || !this.#view) return nothing;
    return this.#view.confirmDialog({ ...options, lang: localeOf(this.#host) }, this.#close);
  }

  #adopt(view: DialogView): void {
    this.#view = view;
    const root = this.#host.shadowRoot;
    const sheet = view.dialogStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  }

  /** The host renders one confirm dialog, so a lookup finds it without a ref. */
  get #dialog(): HTMLDialogElement | null {
    return this.#host.shadowRoot?.querySelector('dialog') ?? null;
  }

  #close = (confirmed: boolean): void => {
    const resolve = this.#resolve;
    this.#resolve = null;
    if (!this.#options) return;
    this.#dialog?.close();
    this.#options = null;
    this.#host.requestUpdate();
    const opener = this.#opener;
    this.#opener = null;
    // Focus goes back where it was, unless the action removes that control.
    if (!confirmed && opener instanceof HTMLElement) opener.focus();
    resolve?.(confirmed);
  };
}

/** The focused element, looking inside shadow roots. */
function activeElement(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}
