import { SessionError } from '../../core/errors.js';
import type { Page, SignIn } from '../../core/types.js';

/**
 * Validates a page of sign-ins from the controller. Backends validate their payloads, but a hand-written controller or backend
 * might not; a page the list cannot render becomes an error state, never a
 * crash.
 */
export function validatePage(value: unknown): Page<SignIn> {
  const page = value as Partial<Page<SignIn>> | null;
  const valid =
    !!page &&
    Array.isArray(page.items) &&
    page.items.every((item) => !!item && typeof item === 'object' && typeof item.id === 'string') &&
    isCount(page.total) &&
    isCount(page.page) &&
    page.page >= 1 &&
    isCount(page.pageSize) &&
    page.pageSize >= 1;
  if (!valid) throw new SessionError('invalid-response', 'The sign-in list is malformed.');
  return page as Page<SignIn>;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
