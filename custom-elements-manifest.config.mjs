import { readFileSync } from 'node:fs';

/**
 * The `--session-*` properties every session element reads, documented once in
 * the JSDoc of the design tokens (`@cssprop --name - description` lines).
 */
function sharedCssProperties() {
  const source = readFileSync(new URL('./src/internal/styles/base.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/@cssprop\s+(--[\w-]+)\s+-\s+(.+)$/gm)].map(
    ([, name, description]) => ({
      name,
      description: description.trim(),
    }),
  );
}

export default {
  // src/elements/shared holds the base classes, so inherited attributes, properties and
  // events reach each tag.
  globs: ['src/elements/**/*.ts', 'src/events.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.strings.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the committed manifest itself; the freshness check writes elsewhere.
  packagejson: false,
  plugins: [
    {
      // Every tag built on SessionElement adopts the design tokens: list the shared custom
      // properties on each, ahead of the tag's own.
      name: 'shared-css-properties',
      packageLinkPhase({ customElementsManifest }) {
        const shared = sharedCssProperties();
        const classes = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? [])
            classes.set(declaration.name, declaration);
        }
        const isSessionElement = (declaration) => {
          for (let d = declaration; d; d = classes.get(d.superclass?.name)) {
            if (d.superclass?.name === 'SessionElement') return true;
          }
          return false;
        };
        for (const declaration of classes.values()) {
          if (!declaration.tagName || !isSessionElement(declaration)) continue;
          const own = (declaration.cssProperties ?? []).filter(
            (p) => !shared.some((s) => s.name === p.name),
          );
          declaration.cssProperties = [...shared.map((p) => ({ ...p })), ...own];
        }
      },
    },
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
