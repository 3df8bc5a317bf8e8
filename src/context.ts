import { ContextRoot, createContext } from '@lit/context';
import type { SessionController } from './core/session-controller.js';

/**
 * A string key, not a symbol: two copies of the kit on one page (say, two
 * bundles) still find each other's provider.
 */
export const sessionContext = createContext<SessionController | undefined>(
  'session-elements:controller',
);

const ROOT_KEY = Symbol.for('session-elements:context-root');

/**
 * Consumers may ask for the controller before any provider is defined or
 * connected; a ContextRoot on the document replays those requests when one
 * appears. One root per page, whichever copy of the kit attaches it.
 */
export function ensureContextRoot(): void {
  const global = globalThis as unknown as Record<symbol, unknown>;
  if (global[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  global[ROOT_KEY] = root;
}
