/**
 * The demo page's console log, a module rather than an inline script so the page
 * runs under a Content-Security-Policy without 'unsafe-inline': every event the
 * kit dispatches, with its detail, for anyone watching the console.
 */
import { SESSION_EVENTS } from '../src/events.js';

for (const name of SESSION_EVENTS) {
  document.addEventListener(name, (event) => console.info(`[${name}]`, event.detail));
}
