// The examples' shared Vite setup: each example is its own Vite root that builds into its own
// dist/ with relative URLs, so the built page works wherever it is served (the demo server serves
// it at /examples/<name>/dist/). `session-elements` and its subpaths resolve to this repository's
// sources, the way an installed package resolves to its dist/: the examples import the kit
// exactly as an app does (`import 'session-elements/define'`).
import { fileURLToPath } from 'node:url';
import { mergeConfig, type UserConfig } from 'vite';

const kit = (file: string) => fileURLToPath(new URL(`../src/${file}`, import.meta.url));

/** The Vite config of the example whose vite.config.ts passes its own `import.meta.url`. */
export function exampleConfig(configUrl: string, config: UserConfig = {}): UserConfig {
  return mergeConfig(
    {
      root: fileURLToPath(new URL('.', configUrl)),
      base: './',
      logLevel: 'warn',
      resolve: {
        alias: [
          { find: /^session-elements$/, replacement: kit('index.ts') },
          { find: /^session-elements\/(define|react)$/, replacement: kit('$1.ts') },
        ],
      },
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        target: 'es2022',
        modulePreload: { polyfill: false },
        // session-elements/react says 'use client' for server-rendering frameworks; an app
        // bundle has no use for it, and Vite would warn on every build.
        rollupOptions: {
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    } satisfies UserConfig,
    config,
  );
}
