import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the kit: one CSF file per tag under stories/, every story on a
 * MemoryBackend, docs pages from custom-elements.json. Offline and private:
 * telemetry is off, and the dev server binds loopback (`npm run storybook`).
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal(vite) {
    // The renderer imports lit/directive-helpers.js; left out of Vite's dependency
    // pre-bundling it drags in a second lit-html in dev ("Multiple versions of Lit").
    vite.optimizeDeps = {
      ...vite.optimizeDeps,
      include: [...(vite.optimizeDeps?.include ?? []), 'lit/directive-helpers.js'],
    };
    return vite;
  },
};

export default config;
