// Server output on Node: every request renders the page with that visitor's session.
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

// `session-elements` resolves to the repository's package build (dist/, `npm run build`), as an
// installed package does; its types come from the sources (tsconfig.json `paths`).
const kit = (entry) => fileURLToPath(new URL(`../../dist/${entry}.js`, import.meta.url));

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { host: '127.0.0.1' },
  // The hosts this app answers as (your site's domain): without them Astro takes every request's
  // host for `localhost`, and the session API proxy would forward a wrong X-Forwarded-Host.
  security: { allowedDomains: [{ hostname: '127.0.0.1' }, { hostname: 'localhost' }] },
  telemetry: false,
  vite: {
    resolve: {
      alias: [
        { find: /^session-elements$/, replacement: kit('index') },
        { find: /^session-elements\/define$/, replacement: kit('define') },
      ],
    },
  },
});
