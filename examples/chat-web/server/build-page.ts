import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);

/** Where the built page lives. */
export const pageDirectory = fileURLToPath(new URL('dist/', root));

/** Bundles the React page (web/main.tsx, with the example's own node_modules) into dist/. */
export async function buildPage(): Promise<void> {
  mkdirSync(pageDirectory, { recursive: true });
  await build({
    entryPoints: [fileURLToPath(new URL('web/main.tsx', root))],
    outfile: fileURLToPath(new URL('dist/app.js', root)),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  copyFileSync(
    fileURLToPath(new URL('web/index.html', root)),
    fileURLToPath(new URL('dist/index.html', root)),
  );
}
