// Checks the package as a consumer gets it (run after `npm run build`): every `exports` subpath has `types`,
// `node` (the bundled layout Node loads, also through `require()` on Node >= 20.19), `import` and a `default`
// (the per-module layout bundlers tree-shake), in that order, a `typesVersions` entry (so
// `moduleResolution: node10` finds its types), its files built, and no source map shipped; then runs
// publint --strict and @arethetypeswrong/cli --pack. See CONTRIBUTING.md, "Add a subpath".
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const problems = [];
const typesVersions = manifest.typesVersions?.['*'] ?? {};

for (const [subpath, target] of Object.entries(manifest.exports)) {
  if (subpath === './package.json') continue;
  if (typeof target !== 'object' || target === null) {
    problems.push(`exports["${subpath}"] must be { types, node, import, default }`);
    continue;
  }
  const conditions = ['types', 'node', 'import', 'default'];
  for (const condition of conditions) {
    if (typeof target[condition] !== 'string') problems.push(`exports["${subpath}"] has no "${condition}"`);
  }
  if (Object.keys(target).join() !== conditions.join()) {
    problems.push(`exports["${subpath}"] must list ${conditions.join(', ')} in that order`);
  }
  if (target.default !== target.import) {
    problems.push(`exports["${subpath}"].default must be the ESM file of "import" (${target.import})`);
  }
  for (const file of [target.types, target.node, target.import]) {
    if (typeof file === 'string' && !existsSync(file))
      problems.push(`${file} (exports["${subpath}"]) is not built`);
  }
  if (subpath !== '.') {
    const key = subpath.slice(2);
    const mapped = typesVersions[key];
    if (!Array.isArray(mapped) || mapped[0] !== target.types) {
      problems.push(`typesVersions["*"]["${key}"] must be ["${target.types}"] (node10 resolution)`);
    }
  }
}
for (const key of Object.keys(typesVersions)) {
  if (!(`./${key}` in manifest.exports)) problems.push(`typesVersions["*"]["${key}"] has no exports entry`);
}
for (const file of walk('dist')) {
  if (file.endsWith('.map')) problems.push(`${file}: source maps point at src/, which is not shipped`);
}
if (problems.length > 0) {
  console.error(`package check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`exports: ${Object.keys(manifest.exports).length} entries consistent`);

const run = (command, args) => execFileSync('npx', ['--no-install', command, ...args], { stdio: 'inherit' });
run('publint', ['--strict']);
// The package is ESM; CommonJS loads it through require(esm) (Node >= 20.19, the `default` condition), which
// attw still reports as "CJS resolves to ESM". Every other rule, node10 resolution included, stays on.
run('attw', ['--pack', '.', '--ignore-rules', 'cjs-resolves-to-esm']);

function* walk(directory) {
  if (!existsSync(directory)) return;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
