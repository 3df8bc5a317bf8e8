/**
 * The demo's floating control panel — NOT part of the kit. index.html loads it
 * with `<script type="module" src="/demo/panel.ts"></script>`; it mounts itself.
 * It talks to the demo-only /api/demo endpoints, then reloads the page so the
 * kit's elements pick up the new session the way a real app would.
 */

interface DemoUser {
  name: string;
  email: string;
  image?: string;
}

const STYLES = `
.demo-panel { position: fixed; inset-block-end: 1rem; inset-inline-end: 1rem; z-index: 2147483000;
  inline-size: min(18rem, calc(100vw - 2rem)); padding: 0.75rem; border-radius: 0.75rem;
  font: 13px/1.4 system-ui, sans-serif; color: #111827; background: #fffbeb;
  border: 1px solid #f59e0b; box-shadow: 0 8px 24px rgb(0 0 0 / 0.18); }
.demo-panel[data-collapsed] > :not(header) { display: none; }
.demo-panel header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; }
.demo-panel h2 { margin: 0; font-size: 13px; }
.demo-panel p { margin: 0.5rem 0 0.25rem; color: #78350f; }
.demo-panel .users { display: grid; gap: 0.25rem; }
.demo-panel button { font: inherit; cursor: pointer; display: flex; align-items: center; gap: 0.5rem;
  inline-size: 100%; padding: 0.3rem 0.5rem; border-radius: 0.5rem; border: 1px solid #d6d3d1;
  background: #fff; color: inherit; text-align: start; }
.demo-panel header button { inline-size: auto; padding: 0.1rem 0.5rem; }
.demo-panel button:hover { border-color: #f59e0b; }
.demo-panel button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.demo-panel img { inline-size: 1.5rem; block-size: 1.5rem; border-radius: 50%; }
.demo-panel .actions { display: grid; gap: 0.25rem; margin-block-start: 0.5rem; }
.demo-panel .fault { display: grid; gap: 0.25rem; margin-block: 0.25rem; }
.demo-panel select { font: inherit; padding: 0.2rem; border-radius: 0.5rem; }
.demo-panel [role='status'] { min-block-size: 1.2em; margin-block-start: 0.5rem; color: #78350f; }
:root[data-theme='dark'] .demo-panel { color: #f9fafb; background: #292524; border-color: #b45309; }
:root[data-theme='dark'] .demo-panel p, :root[data-theme='dark'] .demo-panel .fault { display: grid; gap: 0.25rem; margin-block: 0.25rem; }
.demo-panel select { font: inherit; padding: 0.2rem; border-radius: 0.5rem; }
.demo-panel [role='status'] { color: #fcd34d; }
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
  const toggle = element('button', { type: 'button', textContent: 'Hide' });
  toggle.setAttribute('aria-expanded', 'true');
  toggle.addEventListener('click', () => {
    const collapsed = panel.toggleAttribute('data-collapsed');
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    toggle.setAttribute('aria-expanded', String(!collapsed));
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
  document.body.append(panel);
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });

export {};
