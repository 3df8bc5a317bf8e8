import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// Where the session API runs: the demo server (`npm start` in the repository), or your own server
// with better-auth and `createSessionHandler`. Rewrites are fixed at `next build`.
const api = process.env.SESSION_API_ORIGIN ?? 'http://127.0.0.1:5173';
// The repository: `session-elements` resolves to its package build (dist/, `npm run build`), as
// an installed package does; its types come from the sources (tsconfig.json `paths`).
const repository = fileURLToPath(new URL('../..', import.meta.url));
const kit = (entry: string) => `../../dist/${entry}.js`;

const config: NextConfig = {
  // The browser calls /api/session/* on this app's origin; Next forwards it with the page's host
  // in X-Forwarded-Host, which the handler trusts with `trustProxy: true` (or name this app's
  // origin in `trustedOrigins`), so mutations pass its Origin check.
  rewrites: async () => [
    { source: '/api/session/:path*', destination: `${api}/api/session/:path*` },
  ],
  turbopack: {
    root: repository,
    resolveAlias: {
      'session-elements': kit('index'),
      'session-elements/define': kit('define'),
      'session-elements/react': kit('react'),
    },
  },
  outputFileTracingRoot: repository,
};

export default config;
