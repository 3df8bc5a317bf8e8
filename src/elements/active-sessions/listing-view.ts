import { type ReactiveControllerHost, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DeviceParserController } from '../../controllers/device-parser.js';
import { LiveClock } from '../../controllers/live-clock.js';
import type { SessionError } from '../../core/errors.js';
import type { SignInStatusFilter } from '../../core/types.js';
import { textDirection } from '../../internal/localize.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';
import { buttonNames } from './button-names.js';
import { showsFlags } from './flags.js';
import type { Listing } from './list.js';
import { paginationTemplate } from './pagination.js';
import { OTHERS, RowActions, type RowActionsOptions } from './row-actions.js';
import { rowTemplate } from './row.js';
import { toRow } from './row-model.js';
import { errorTemplate } from './states.js';
import { toolbarTemplate } from './toolbar.js';

/** How the host wants the listing drawn; read on every render. */
export interface ListingSettings {
  lang: string;
  hideIp: boolean;
  hideLocation: boolean;
  maskIp: boolean;
  /** The `flags` attribute (see flags.ts). */
  flags: string;
  /** The status filter shown in the toolbar, or null when the backend has none. */
  status: SignInStatusFilter | null;
  revokeOthers: boolean;
  onFilter: (event: Event) => void;
}

/**
 * What `<active-sessions>` draws once the list answered: the toolbar, the rows
 * with their buttons (RowActions), the pagination, and what keeps them current
 * (relative times, the user-agent parser). Loaded with `import()` beside the
 * first list request: rows cannot show before the answer anyway, so a page
 * pays for none of this before first render.
 */
export class ListingView {
  readonly #clock: LiveClock;
  readonly #rows: RowActions;
  readonly #actions: RowActionsOptions['actions'];
  readonly #list: RowActionsOptions['list'];

  constructor(host: ReactiveControllerHost & HTMLElement, options: RowActionsOptions) {
    this.#clock = new LiveClock(host);
    // Rows drawn before the user-agent parser arrived are redrawn when it does.
    new DeviceParserController(host);
    this.#rows = new RowActions(host, options);
    this.#actions = options.actions;
    this.#list = options.list;
  }

  /** The confirmation dialog, for the host's template. */
  dialog() {
    return this.#rows.dialog();
  }

  render(
    listing: Listing,
    t: ActiveSessionsStrings,
    error: SessionError | undefined,
    settings: ListingSettings,
  ) {
    const { items, total } = listing.page;
    const others = total - (items.some((signIn) => signIn.current) ? 1 : 0) > 0;
    const textDir = textDirection(settings.lang);
    return html`${toolbarTemplate(t, {
      status: settings.status,
      revokeOthers: settings.revokeOthers && others,
      pending: this.#actions.isPending(OTHERS),
      error: this.#actions.errorOf(OTHERS)?.message,
      onFilter: settings.onFilter,
      onRevokeOthers: this.#rows.onRevokeOthers,
    })}
    ${error ? errorTemplate(t, error, this.#list.refresh) : nothing}
    ${
      items.length
        ? this.#rowsOf(listing, t, settings, textDir)
        : html`<p part="empty" class="empty" tabindex="-1">${t.empty}</p>`
    }
    ${paginationTemplate(listing.page, t, this.#list.goTo, textDir)}`;
  }

  /** The `<ul>` of rows; focusable so focus can land there when the last row it held leaves. */
  #rowsOf(
    listing: Listing,
    t: ActiveSessionsStrings,
    settings: ListingSettings,
    textDir: 'ltr' | 'rtl',
  ) {
    const options = {
      now: this.#clock.now,
      lang: settings.lang,
      hideIp: settings.hideIp,
      hideLocation: settings.hideLocation,
      maskIp: settings.maskIp,
      flags: showsFlags(settings.flags),
    };
    const rows = listing.page.items.map((signIn) => toRow(signIn, t, options));
    const names = buttonNames(rows, t);
    return html`<ul
      part="list"
      class="list"
      tabindex="-1"
      aria-label=${t.listLabel}
      @click=${this.#rows.onListClick}
    >
      ${repeat(
        rows,
        (row) => row.id,
        (row) =>
          rowTemplate(row, t, {
            pending: this.#actions.isPending(row.id),
            error: this.#actions.errorOf(row.id)?.message,
            label: names.get(row.id),
            textDir,
          }),
      )}
    </ul>`;
  }
}
