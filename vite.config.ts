import { defineConfig, type BuildEnvironmentOptions } from 'vite';

/**
 * `vite` serves index.html on loopback; `vite build` makes the npm build
 * (dist/index.js, dist/define.js, dependencies external); `vite build --mode
 * cdn` makes dist/session-elements.js, one self-contained module that registers
 * every tag.
 */
// An application entry rather than library mode, because vite leaves whitespace in ES
// libraries and this file is loaded as it is, straight from a CDN.
const cdnBuild: BuildEnvironmentOptions = {
  target: 'es2022',
  emptyOutDir: false,
  rollupOptions: {
    input: { 'session-elements': 'src/define.ts' },
    preserveEntrySignatures: 'strict',
    output: { format: 'es', entryFileNames: '[name].js' },
  },
};

const packageBuild: BuildEnvironmentOptions = {
  target: 'es2022',
  sourcemap: true,
  // react.ts is the optional `session-elements/react` entry: React and @lit/react stay the app's.
  lib: {
    entry: { index: 'src/index.ts', define: 'src/define.ts', react: 'src/react.ts' },
    formats: ['es'],
  },
  rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^ua-parser-js/, /^react($|\/)/] },
};

export default defineConfig(({ mode }) => ({
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false },
  preview: { host: '127.0.0.1' },
  esbuild: { target: 'es2022' },
  build: mode === 'cdn' ? cdnBuild : packageBuild,
}));
