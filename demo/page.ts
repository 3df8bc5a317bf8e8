/**
 * The demo page's own script, a module rather than an inline script so the page
 * runs under a Content-Security-Policy without 'unsafe-inline': every event the
 * kit dispatches is logged with its detail, for anyone watching the console, and
 * a sign-in made on another device asks "was this you?" (the provider's opt-in
 * `new-signin` event).
 */
import type { SignIn } from '../src/core/types.js';
import type { SessionProvider } from '../src/elements/session-provider/session-provider.js';
import { SESSION_EVENTS } from '../src/events.js';

for (const name of SESSION_EVENTS) {
  document.addEventListener(name, (event) => console.info(`[${name}]`, event.detail));
}

const notice = document.getElementById('new-signin') as HTMLElement;
const noticeText = document.getElementById('new-signin-text') as HTMLElement;
let noticed: SignIn | undefined;

/** "Firefox 132 on Ubuntu in Madrid, Spain": whatever the sign-in tells, as text only. */
function describe(signIn: SignIn): string {
  const device =
    [signIn.browser, signIn.device].filter(Boolean).join(' on ') || 'an unknown device';
  const place = [signIn.city, signIn.country].filter(Boolean).join(', ');
  return place ? `${device} in ${place}` : device;
}

document.addEventListener('new-signin', (event) => {
  noticed = event.detail.signin;
  // textContent: the names come from a user agent and a geo header, never markup.
  noticeText.textContent = `New sign-in from ${describe(noticed)}. Was this you?`;
  notice.hidden = false;
});

/** The notice goes; focus goes to the page's heading rather than dropping to the body. */
function dismiss(): void {
  notice.hidden = true;
  document.getElementById('security')?.focus();
}

document.getElementById('new-signin-mine')!.addEventListener('click', dismiss);

document.getElementById('new-signin-revoke')!.addEventListener('click', () => {
  const provider = document.querySelector<SessionProvider>('session-provider');
  if (noticed) void provider?.sessionController?.removeSignIn(noticed.id);
  dismiss();
});
