import type { EnvironmentEvent, SessionEnvironment } from '../../src/core/environment.js';

/** Visibility and connectivity under the test's control. */
export class FakeEnvironment implements SessionEnvironment {
  visible = true;
  online = true;
  #listeners = new Set<(event: EnvironmentEvent) => void>();

  isVisible = () => this.visible;
  isOnline = () => this.online;

  listen(fn: (event: EnvironmentEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  emit(event: EnvironmentEvent): void {
    if (event === 'hidden') this.visible = false;
    if (event === 'visible') this.visible = true;
    if (event === 'offline') this.online = false;
    if (event === 'online') this.online = true;
    for (const fn of this.#listeners) fn(event);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
