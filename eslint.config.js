import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.data/',
      'storybook-static/',
      'examples/*/dist/',
      // What Next.js and Astro generate in their examples.
      'examples/*/.next/',
      'examples/*/.astro/',
      'examples/*/next-env.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'src/core stays headless.' },
            { group: ['../*'], message: 'src/core imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/elements/**/*.ts', 'src/internal/**/*.ts', 'src/controllers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/backends/*'],
              message: 'Elements reach backends only through the controller.',
            },
            { group: ['**/server/*'], message: 'Browser code never imports the server side.' },
          ],
        },
      ],
    },
  },
  {
    // The provider is the composition root: it builds the default RestBackend, never calls it.
    files: ['src/elements/session-provider/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/*'], message: 'Browser code never imports the server side.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/elements/*', 'lit', '@lit/*'],
              message: 'The server never imports browser code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**',
      'bench/**',
      'demo/**',
      'test/server/**',
      'test/security/server/**',
      '*.config.*',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    ignores: ['test/helpers/wait-until.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              importNames: ['waitUntil'],
              message: 'Use test/helpers/wait-until.ts: 1 s is too short on a loaded CI machine.',
            },
          ],
        },
      ],
    },
  },
);
