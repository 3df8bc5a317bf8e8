export default {
  globs: ['src/elements/**/*.ts', 'src/events.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
