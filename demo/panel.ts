/**
 * The demo's control panel — NOT part of the kit. index.html loads it with
 * `<script type="module" src="/demo/panel.ts"></script>`; it mounts itself, docked
 * beside the page (or above it on narrow screens) so it never covers the product,
 * and collapsed after its first use. It talks to the demo-only /api/demo endpoints,
 * then reloads the page so the kit's elements pick up the new session the way a
 * real app would.
 */

interface DemoUser {
  name: string;
  email: string;
  image?: string;
}

// Docked, never over the product: a band above the page on narrow screens (it is the body's
// first child), and on wide ones a column in a margin the page gives up for it.
const STYLES = `
.demo-panel { box-sizing: border-box; margin: 0.5rem; padding: 0.75rem; border-radius: 0.75rem;
  font: 13px/1.4 system-ui, sans-serif; color: #111827; background: #fffbeb;
  border: 1px solid #f59e0b; }
@media (min-width: 70rem) {
  body:has(> .demo-panel) { margin-inline-end: 17rem; }
  body:has(> .demo-panel[data-collapsed]) { margin-inline-end: 10rem; }
  .demo-panel { position: fixed; inset-block-start: 0; inset-inline-end: 0; inline-size: 16rem;
    max-block-size: calc(100vh - 1rem); overflow: auto; }
  .demo-panel[data-collapsed] { inline-size: 9rem; }
}
.demo-panel[data-collapsed] > :not(header) { display: none; }
.demo-panel header { white-space: nowrap; display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
.demo-panel h2 { margin: 0; font-size: 13px; }
.demo-panel p { margin: 0.5rem 0 0.25rem; color: #78350f; }
.demo-panel .users, .demo-panel .actions { display: grid; gap: 0.25rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 9.5rem), 1fr)); }
.demo-panel button { font: inherit; cursor: pointer; display: flex; align-items: center; gap: 0.5rem;
  inline-size: 100%; padding: 0.3rem 0.5rem; border-radius: 0.5rem; border: 1px solid #d6d3d1;
  background: #fff; color: inherit; text-align: start; }
.demo-panel header button { inline-size: auto; padding: 0.1rem 0.5rem; }
.demo-panel button:hover { border-color: #f59e0b; }
.demo-panel button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.demo-panel img { inline-size: 1.5rem; block-size: 1.5rem; border-radius: 50%; }
.demo-panel .actions { margin-block-start: 0.5rem; }
.demo-panel .fault { display: grid; gap: 0.25rem; }
.demo-panel select { font: inherit; min-inline-size: 0; padding: 0.2rem; border-radius: 0.5rem; }
.demo-panel [role='status'] { min-block-size: 1.2em; margin-block-start: 0.5rem; color: #78350f; }
.demo-panel [role='status']:empty { display: none; }
:root[data-theme='dark'] .demo-panel { color: #f9fafb; background: #292524; border-color: #b45309; }
:root[data-theme='dark'] .demo-panel p,
:root[data-theme='dark'] .demo-panel [role='status'] { color: #fcd34d; }
:root[data-theme='dark'] .demo-panel button { background: #1c1917; border-color: #57534e; }
`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function post(path: string, body: unknown = {}): Promise<Response> {
  return fetch(`/api/demo${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json', 'X-Session-Elements': '1' },
    body: JSON.stringify(body),
  });
}

function applyTheme(theme: 'light' | 'dark'): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  localStorage.setItem('session-elements-demo-theme', theme);
}

/** How the panel starts: 'collapsed' once it has been used, or as the user last left it. */
const PANEL_STATE = 'session-elements-demo-panel';

/** After its first use the panel starts collapsed, so the page is what a visitor sees first. */
function markUsed(): void {
  if (localStorage.getItem(PANEL_STATE) === null) localStorage.setItem(PANEL_STATE, 'collapsed');
}

const FAULT_LABELS: Record<string, string> = {
  none: 'answers normally',
  'server-error': 'fails with 500',
  'rate-limited': 'answers 429 (Retry-After 5 s)',
  slow: 'answers after 3 s',
  malformed: 'sends malformed data',
  reauth: 'asks to re-authenticate on changes',
};

/** Asks the server again, as a user coming back to the tab would: the session and every list. */
function refreshPage(): void {
  type Provider = HTMLElement & { sessionController?: { refetch(): void } };
  document.querySelector<Provider>('session-provider')?.sessionController?.refetch();
  document
    .querySelectorAll<HTMLElement & { refresh(): void }>('active-sessions')
    .forEach((list) => list.refresh());
}

/** Makes the kit's API misbehave, so the elements' failure states can be seen for real. */
function faultPicker(say: (text: string) => void): HTMLLabelElement {
  const select = element('select');
  for (const [value, label] of Object.entries(FAULT_LABELS)) {
    select.append(element('option', { value, textContent: label }));
  }
  select.addEventListener('change', async () => {
    const response = await post('/fault', { fault: select.value });
    if (!response.ok) return say('Could not switch the fault.');
    say(`The session API now ${FAULT_LABELS[select.value]}.`);
    refreshPage();
  });
  return element('label', { className: 'fault' }, 'The session API ', select);
}

function mount(): void {
  const style = element('style', { textContent: STYLES });
  const status = element('div', { role: 'status' } as Partial<HTMLDivElement>);
  const say = (text: string) => (status.textContent = text);
  const users = element('div', { className: 'users' });
  const toggle = element('button', { type: 'button' });
  const setCollapsed = (collapsed: boolean) => {
    panel.toggleAttribute('data-collapsed', collapsed);
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    toggle.setAttribute('aria-expanded', String(!collapsed));
  };
  toggle.addEventListener('click', () => {
    const collapsed = !panel.hasAttribute('data-collapsed');
    setCollapsed(collapsed);
    localStorage.setItem(PANEL_STATE, collapsed ? 'collapsed' : 'expanded');
  });
  const panel = element(
    'aside',
    { className: 'demo-panel' },
    element('header', {}, element('h2', { textContent: 'Demo controls' }), toggle),
    element('p', { textContent: 'Sign in as (adds an account on this browser):' }),
    users,
    element(
      'div',
      { className: 'actions' },
      element('button', {
        type: 'button',
        textContent: 'Simulate a sign-in from another device',
        async onclick() {
          const response = await post('/simulate-device');
          if (!response.ok) return say('Sign in first.');
          const { city } = (await response.json()) as { city: string };
          say(`New sign-in from ${city}.`);
          // Another device's sign-in does not change this browser's session, so ask the list.
          refreshPage();
        },
      }),
      faultPicker(say),
      element('button', {
        type: 'button',
        textContent: 'Toggle light / dark',
        onclick() {
          applyTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
        },
      }),
    ),
    status,
  );
  panel.setAttribute('aria-label', 'Demo controls (not part of session-elements)');
  setCollapsed(localStorage.getItem(PANEL_STATE) === 'collapsed');
  panel.addEventListener('change', markUsed);
  panel.addEventListener('click', (event) => {
    if ((event.target as Element).closest('button')) markUsed();
  });

  void fetch('/api/demo/users')
    .then((response) => response.json() as Promise<DemoUser[]>)
    .then((list) => {
      for (const user of list) {
        users.append(
          element(
            'button',
            {
              type: 'button',
              async onclick() {
                say(`Signing in as ${user.name}…`);
                const response = await post('/sign-in', { email: user.email });
                if (!response.ok) return say('Sign-in failed.');
                location.reload();
              },
            },
            ...(user.image ? [element('img', { src: user.image, alt: '' })] : []),
            user.name,
          ),
        );
      }
    })
    .catch(() => say('Demo users are unavailable.'));

  const saved = localStorage.getItem('session-elements-demo-theme');
  if (saved === 'light' || saved === 'dark') applyTheme(saved);
  document.head.append(style);
  document.body.prepend(panel);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });

export {};
