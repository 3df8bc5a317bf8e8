// Checks what `npm pack` would publish: every file package.json points at is there (run after
// the build), and nothing that is not for users is (tests, the demo and its data, stories).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const files = new Set(report.files.map((file) => file.path));

/** Every string path in an exports map, however deeply nested. */
const targets = (value) =>
  typeof value === 'string'
    ? [value]
    : Object.values(value ?? {}).flatMap((entry) => targets(entry));

const problems = [];
const referenced = [
  pkg.main,
  pkg.module,
  pkg.types,
  pkg.customElements,
  ...targets(pkg.exports),
  ...(pkg.sideEffects || []).filter((file) => file.startsWith('./dist/')),
  // The CDN file's lazy chunks (German, the user-agent parser, the confirm dialog) load from dist/cdn/.
  './dist/cdn/*.js',
].filter(Boolean);
/** A path with one `*` (an exports or sideEffects pattern) as a regular expression. */
const pattern = (path) =>
  new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')}$`,
  );
for (const path of referenced) {
  const file = path.replace(/^\.\//, '');
  const present = file.includes('*')
    ? [...files].some((packed) => pattern(file).test(packed))
    : files.has(file);
  if (!present) problems.push(`package.json points at ${path}, which is not packed`);
}
// Every tag's own entry (src/define/<tag>.ts) is built and typed.
for (const source of readdirSync('src/define')) {
  const tag = source.replace(/\.ts$/, '');
  for (const file of [`dist/elements/${tag}.js`, `dist/types/define/${tag}.d.ts`]) {
    if (!files.has(file)) problems.push(`${file} (the <${tag}> entry) is not packed`);
  }
}
const forbidden =
  /^(test|demo|stories|bench|examples|scripts|\.data|\.storybook|node_modules)\/|\.test\./;
for (const file of files) {
  if (forbidden.test(file)) problems.push(`${file} must not be published`);
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  `npm pack: ${files.size} files, ${(report.size / 1024).toFixed(0)} KB packed; every entry point present, no tests or demo data.`,
);
