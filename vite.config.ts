import { defineConfig, type BuildEnvironmentOptions } from 'vite';
import { minifyCss } from './scripts/minify-css.mjs';
import { minifyHtml } from './scripts/minify-html.mjs';

/** The tags, each with its own entry (src/define/<tag>.ts → dist/elements/<tag>.js). */
const TAGS = [
  'session-provider',
  'signed-in',
  'signed-out',
  'sign-out-button',
  'account-switcher',
  'organization-switcher',
  'workspace-switcher',
  'active-sessions',
];

/**
 * `vite` serves index.html on loopback; `vite build` makes the npm build
 * (dist/index.js, dist/core.js, dist/define.js, dist/elements/<tag>.js,
 * dependencies external); `vite build --mode cdn` makes
 * dist/session-elements.js, one module that registers every tag, with the
 * German strings, the user-agent parser and the confirm dialog in lazy
 * chunks under dist/cdn/.
 */
// Library mode (no preload helper around the lazy imports) with rolldown's own minifier, since
// vite leaves whitespace in ES libraries and this file is loaded as it is, straight from a CDN.
const cdnBuild: BuildEnvironmentOptions = {
  target: 'es2022',
  emptyOutDir: false,
  lib: { entry: { 'session-elements': 'src/define.ts' }, formats: ['es'] },
  rollupOptions: {
    // Lazy chunks may import lit from this file instead of a shared chunk of their own.
    preserveEntrySignatures: 'allow-extension',
    // Nothing bundles this file again, so the tree-shaking hints (/* @__PURE__ */) can go.
    output: {
      minify: true,
      comments: { annotation: false },
      chunkFileNames: 'cdn/[name]-[hash].js',
    },
  },
};

const packageBuild: BuildEnvironmentOptions = {
  target: 'es2022',
  sourcemap: true,
  // react.ts is the optional `session-elements/react` entry: React and @lit/react stay the app's.
  lib: {
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      define: 'src/define.ts',
      react: 'src/react.ts',
      ...Object.fromEntries(TAGS.map((tag) => [`elements/${tag}`, `src/define/${tag}.ts`])),
    },
    formats: ['es'],
  },
  rollupOptions: {
    external: [/^lit($|\/)/, /^@lit\//, /^ua-parser-js/, /^react($|\/)/],
    // src/react.ts is an entry of its own: its 'use client' stays at the top of dist/react.js.
    onwarn(warning, warn) {
      if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
    },
    output: { chunkFileNames: 'chunks/[name]-[hash].js' },
  },
};

export default defineConfig(({ mode }) => ({
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { host: '127.0.0.1' },
  esbuild: { target: 'es2022' },
  plugins: [minifyCss(), minifyHtml()],
  build: mode === 'cdn' ? cdnBuild : packageBuild,
}));
