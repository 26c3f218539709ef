// Builds dist/: declarations from tsc (which also typechecks the library without Node types), and the
// JavaScript from esbuild, one bundle per `exports` entry with shared code split into chunks, so importing
// an entry loads a handful of files instead of one per source module (cold import is part of the product).
// Dependencies stay external, as a package ships them. The CLI is bundled separately for Node.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
// The `node` condition's files: bundled per entry (Node loads a few files, fast); `import`/`default` (bundlers,
// browsers, edge runtimes) get one file per module, so a bundle keeps only the modules it uses.
const entryPoints = Object.values(manifest.exports)
  .map((target) => target.node)
  .filter((path) => typeof path === 'string')
  .map((path) => path.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));

/** Every library source module (tests and the Node-only CLI excluded), for the per-module layout. */
function sourceModules(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return path === join('src', 'cli') ? [] : sourceModules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const shared = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  // No source maps: they would point at src/, which the package does not ship.
  sourcemap: false,
  logLevel: 'warning',
};
/**
 * Every other entry also reaches the whole root entry, so the core's modules are reached by the same set of
 * entries and land in a few large chunks. Without it, esbuild gives each distinct set of entries that reach a
 * module its own chunk: with 17 entries, `fantasy-ts` + `fantasy-ts/openaicompat` loaded 34 files (66 ms
 * cold import) instead of 10 (36 ms), for the same bytes. A subpath user loads the core anyway. Only the `node`
 * layout does this: bundlers read the per-module layout, where it would defeat tree shaking.
 */
const rootEntry = resolve('src/index.ts');
const coreTogether = {
  name: 'core-together',
  setup(builder) {
    const others = new Set(entryPoints.map((path) => resolve(path)).filter((path) => path !== rootEntry));
    builder.onLoad({ filter: /[\\/]index\.ts$/ }, (args) => {
      if (!others.has(args.path)) return undefined;
      const root = relative(dirname(args.path), rootEntry).replace(/\\/g, '/').replace(/\.ts$/, '.js');
      const source = readFileSync(args.path, 'utf8');
      // A use esbuild cannot drop keeps the namespace, hence every module of the core, in this entry's graph.
      const reach = `import * as fantasyCore from '${root}';\nif (fantasyCore === undefined) throw new Error('fantasy-ts core missing');\n`;
      return { contents: `${source}\n${reach}`, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};
await build({
  ...shared,
  entryPoints,
  plugins: [coreTogether],
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
});
// The per-module layout for bundlers: the same modules, transpiled one to one (imports already name `.js` files).
await build({
  entryPoints: sourceModules('src'),
  outbase: 'src',
  outdir: 'dist/modules',
  bundle: false,
  format: 'esm',
  target: 'es2022',
  platform: 'neutral',
  sourcemap: false,
  logLevel: 'warning',
});
// Split too, so what the CLI imports dynamically (the YAML cassette code) is its own chunk, loaded on use.
await build({
  ...shared,
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/cli',
  splitting: true,
  platform: 'node',
  // Chunks beside main.js: the provider modules are loaded at run time by paths relative to the CLI's own
  // folder (`../providers/<name>/index.js`), which must hold in every chunk.
  chunkNames: '[name]-[hash]',
});
