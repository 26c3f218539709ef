// Builds dist/: declarations from tsc (which also typechecks the library without Node types), and the
// JavaScript from esbuild, one bundle per `exports` entry with shared code split into chunks, so importing
// an entry loads a handful of files instead of one per source module (cold import is part of the product).
// Dependencies stay external, as a package ships them. The CLI is bundled separately for Node.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const entryPoints = Object.values(manifest.exports)
  .map((target) => target.import)
  .filter((path) => typeof path === 'string')
  .map((path) => path.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts'));

const shared = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  // No source maps: they would point at src/, which the package does not ship.
  sourcemap: false,
  logLevel: 'warning',
};
await build({
  ...shared,
  entryPoints,
  outbase: 'src',
  outdir: 'dist',
  splitting: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
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
