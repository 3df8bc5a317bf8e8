import type { SessionController } from '../core/session-controller.js';

/**
 * How many of the user's sign-ins are live (online or offline; an expired one
 * signs nobody out), asked of the backend by status; null when it cannot tell.
 */
export async function countLiveSignIns(controller: SessionController): Promise<number | null> {
  if (!controller.capabilities.statusFilter) return null;
  try {
    const pages = await Promise.all(
      (['online', 'offline'] as const).map((status) =>
        controller.listSignIns({ status, pageSize: 1 }),
      ),
    );
    return pages[0].total + pages[1].total;
  } catch {
    return null;
  }
}
