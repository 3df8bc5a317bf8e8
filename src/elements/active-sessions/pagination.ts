import { html, nothing } from 'lit';
import type { Page, SignIn } from '../../core/types.js';
import type { ActiveSessionsStrings } from './active-sessions.strings.js';

/**
 * "1–10 of 23" (in `textDir`, its language's direction) and, when there is more than one
 * page, previous and next; `go` turns the page.
 */
export function paginationTemplate(
  page: Page<SignIn>,
  t: ActiveSessionsStrings,
  go: (page: number) => void,
  textDir: 'ltr' | 'rtl',
) {
  if (!page.items.length) return nothing;
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  const from = (page.page - 1) * page.pageSize + 1;
  const to = from + page.items.length - 1;
  const first = page.page <= 1;
  const last = page.page >= pageCount;
  return html`<div part="pagination" class="pagination">
    <span part="summary" class="summary" dir=${textDir}>${t.range(from, to, page.total)}</span>
    ${
      pageCount > 1
        ? html`<div class="pages" role="group" aria-label=${t.paginationLabel}>
            <button
              part="previous-button"
              class="btn"
              type="button"
              aria-disabled=${first ? 'true' : 'false'}
              @click=${() => !first && go(page.page - 1)}
            >
              ${t.previousPage}
            </button>
            <button
              part="next-button"
              class="btn"
              type="button"
              aria-disabled=${last ? 'true' : 'false'}
              @click=${() => !last && go(page.page + 1)}
            >
              ${t.nextPage}
            </button>
          </div>`
        : nothing
    }
  </div>`;
}
