import type { ListSignInsQuery, Page, SignIn } from '../core/types.js';

/** A positive whole number, or the fallback for anything else (missing, NaN, zero, negative). */
function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

function activity(signIn: SignIn): number {
  const time = Date.parse(signIn.lastActiveAt ?? '');
  return Number.isNaN(time) ? -Infinity : time;
}

/** Sort order of sign-in lists: this browser's first, then the most recently active. */
export function currentThenRecent(a: SignIn, b: SignIn): number {
  if (Boolean(a.current) !== Boolean(b.current))
    return Number(Boolean(b.current)) - Number(Boolean(a.current));
  const gap = activity(b) - activity(a);
  return Number.isNaN(gap) ? 0 : gap;
}

/**
 * The page number and size a query asks for: whole numbers from 1, defaults 1
 * and 10, and a size above `maxPageSize` clamped to it.
 */
export function pageQuery(
  q: ListSignInsQuery,
  maxPageSize = Infinity,
): { page: number; pageSize: number } {
  return { page: positive(q.page, 1), pageSize: Math.min(positive(q.pageSize, 10), maxPageSize) };
}

/** One page of a list held in memory, for sources that have no paging of their own. */
export function pageOf<T>(items: readonly T[], q: ListSignInsQuery, maxPageSize?: number): Page<T> {
  const { page, pageSize } = pageQuery(q, maxPageSize);
  return {
    items: items.slice((page - 1) * pageSize, page * pageSize),
    total: items.length,
    page,
    pageSize,
  };
}
