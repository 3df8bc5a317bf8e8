import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./ssr-render.ts', import.meta.url));
const SESSION = {
  active_signin: {
    id: 'si_1',
    current: true,
    user: {
      id: 'u1',
      first_name: 'Ada',
      primary_email_address: { email: 'ada@example.com', verified: true },
    },
  },
  signins: [{ id: 'si_1', current: true, user: { id: 'u1', first_name: 'Ada' } }],
  signin_attempts: [],
  signup_attempts: [],
};

/** @lit-labs/ssr is what an app that renders with Lit installs; without it there is nothing to test. */
const SSR = '@lit-labs/ssr';
const ssrMissing = await import(SSR).then(
  () => false,
  () => '@lit-labs/ssr is not installed',
);

interface Rendered {
  html: string;
  io: { fetch: number; broadcastChannels: number; intervals: number };
}

/** Runs the render in its own process, which has to end by itself within 15 s. */
function renderInNode(...args: string[]): Promise<Rendered> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, SCRIPT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the render process did not exit by itself\n${err}`));
    }, 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(out) as Rendered);
      else reject(new Error(`the render process exited with ${code}\n${err}`));
    });
  });
}

/** The light DOM element's own declarative shadow root. */
function shadowOf(html: string, tag: string): string {
  const start = html.indexOf(`<${tag}`);
  assert.notEqual(start, -1, `no <${tag}>`);
  const open = html.indexOf('<template shadowroot', start);
  return html.slice(open, html.indexOf('</template>', open));
}

const NO_IO = { fetch: 0, broadcastChannels: 0, intervals: 0 };
const TAGS = [
  'session-provider',
  'account-switcher',
  'signed-in',
  'active-sessions',
  'sign-out-button',
  'signed-out',
];

describe('Lit SSR', { skip: ssrMissing }, () => {
  for (const mode of ['default', 'connected']) {
    it(`renders every tag of the README to declarative shadow DOM and exits (${mode})`, async () => {
      const { html, io } = await renderInNode(mode);
      for (const tag of TAGS) assert.match(shadowOf(html, tag), /shadowrootmode="open"/, tag);
      assert.deepEqual(io, NO_IO);
      // Loading: no branch shows yet, the switcher and the list are placeholders.
      assert.doesNotMatch(shadowOf(html, 'signed-in'), /<slot/);
      assert.doesNotMatch(shadowOf(html, 'signed-out'), /<slot/);
      assert.match(shadowOf(html, 'account-switcher'), /aria-busy="true"/);
      assert.doesNotMatch(html, /status="all"|scope=/);
    });

    it(`renders the signed-in branch from the server's session (${mode})`, async () => {
      const { html, io } = await renderInNode(mode, JSON.stringify(SESSION));
      assert.deepEqual(io, NO_IO);
      assert.match(shadowOf(html, 'signed-in'), /<slot/);
      assert.doesNotMatch(shadowOf(html, 'signed-out'), /<slot/);
      assert.match(shadowOf(html, 'account-switcher'), /ada@example\.com/);
      assert.match(shadowOf(html, 'sign-out-button'), /Sign out everywhere/);
    });

    it(`renders the signed-out branch when the server says nobody is signed in (${mode})`, async () => {
      const { html, io } = await renderInNode(mode, 'null');
      assert.deepEqual(io, NO_IO);
      assert.doesNotMatch(shadowOf(html, 'signed-in'), /<slot/);
      assert.match(shadowOf(html, 'signed-out'), /<slot/);
    });
  }
});
