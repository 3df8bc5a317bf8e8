export default {
  // Base classes are included so inherited attributes, properties and events reach each tag.
  globs: [
    'src/elements/**/*.ts',
    'src/events.ts',
    'src/internal/session-element.ts',
    'src/internal/membership-switcher.ts',
  ],
  exclude: ['src/**/*.styles.ts', 'src/**/*.strings.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the committed manifest itself; the freshness check writes elsewhere.
  packagejson: false,
  plugins: [
    {
      // The analyzer reads files in whatever order the file system answers; sorting keeps
      // the committed manifest comparable byte for byte.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
    {
      // `dispatchEvent(new SomeEvent())` is recorded without a name; the `@fires` tag names it.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name);
          }
        }
      },
    },
    {
      // An attribute copies its field's initializer as written (a constant's name); the
      // field's documented `@default` is what a reader needs.
      name: 'attribute-defaults-from-fields',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            for (const attribute of declaration.attributes ?? []) {
              const field = declaration.members?.find((m) => m.name === attribute.fieldName);
              if (field?.default !== undefined) attribute.default = field.default;
            }
          }
        }
      },
    },
  ],
};
