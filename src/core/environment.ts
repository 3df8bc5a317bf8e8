/** What the page is doing, as far as revalidation cares; injectable for tests and non-DOM hosts. */
export type EnvironmentEvent = 'focus' | 'online' | 'offline' | 'visible' | 'hidden';

export interface SessionEnvironment {
  isVisible(): boolean;
  isOnline(): boolean;
  /** Calls `fn` on every event until the returned function is called. */
  listen(fn: (event: EnvironmentEvent) => void): () => void;
}

/** Always visible and online, never changes: for servers, workers and tests that do not care. */
export const staticEnvironment: SessionEnvironment = {
  isVisible: () => true,
  isOnline: () => true,
  listen: () => () => {},
};

export function browserEnvironment(): SessionEnvironment {
  if (typeof window === 'undefined' || typeof document === 'undefined') return staticEnvironment;
  return {
    isVisible: () => document.visibilityState !== 'hidden',
    isOnline: () => navigator.onLine !== false,
    listen(fn) {
      const onFocus = () => fn('focus');
      const onOnline = () => fn('online');
      const onOffline = () => fn('offline');
      const onVisibility = () => fn(document.visibilityState === 'hidden' ? 'hidden' : 'visible');
      window.addEventListener('focus', onFocus);
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      document.addEventListener('visibilitychange', onVisibility);
      return () => {
        window.removeEventListener('focus', onFocus);
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        document.removeEventListener('visibilitychange', onVisibility);
      };
    },
  };
}
