/**
 * Renders the README's tree with Lit SSR in a fresh process and prints
 * `{ html, io }` as JSON. argv: `connected` (Lit SSR calls connectedCallback too)
 * and the `initial-session` value, if any. The caller checks the process exits by itself.
 */
const io = { fetch: 0, broadcastChannels: 0, intervals: 0 };
const realFetch = globalThis.fetch;
globalThis.fetch = (...args: Parameters<typeof fetch>) => {
  io.fetch++;
  return realFetch(...args);
};
const RealChannel = globalThis.BroadcastChannel;
globalThis.BroadcastChannel = class extends RealChannel {
  constructor(name: string) {
    super(name);
    io.broadcastChannels++;
  }
};
const realInterval = globalThis.setInterval;
globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
  io.intervals++;
  return realInterval(...args);
}) as typeof setInterval;

const [mode, initial] = process.argv.slice(2);
// Named through a variable: @lit-labs/ssr is the app's dependency, and typechecking must not need it.
const SSR = '@lit-labs/ssr';
const { render } = (await import(SSR)) as { render: (value: unknown) => Iterable<unknown> };
const { collectResultSync } = (await import(`${SSR}/lib/render-result.js`)) as {
  collectResultSync: (result: Iterable<unknown>) => string;
};
const { LitElementRenderer } = (await import(`${SSR}/lib/lit-element-renderer.js`)) as {
  LitElementRenderer: { renderOptions: (() => { connectedCallback: boolean })[] };
};
if (mode === 'connected')
  LitElementRenderer.renderOptions.push(() => ({ connectedCallback: true }));
const { html, nothing } = await import('lit');
await import('../../src/define.js');

const page = collectResultSync(
  render(
    html`<session-provider api-base="/api/session" initial-session=${initial ?? nothing}>
      <account-switcher add-account-url="/sign-in"></account-switcher>
      <signed-in>
        <active-sessions page-size="10"></active-sessions>
        <sign-out-button extent="everywhere"></sign-out-button>
      </signed-in>
      <signed-out><a href="/sign-in">Sign in</a></signed-out>
    </session-provider>`,
  ),
);
process.stdout.write(JSON.stringify({ html: page, io }));

export {};
