import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Bundles the CLI as scripts/build.mjs does (split, dependencies external), in memory. */
async function bundleCli(): Promise<Metafile> {
  const result = await build({
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outdir: 'dist-test/cli',
    chunkNames: 'chunks/[name]-[hash]',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

/** Every module `output` loads before it runs: its static imports, followed through the chunks. */
function staticImports(metafile: Metafile, output: string, seen = new Set<string>()): Set<string> {
  for (const imported of metafile.outputs[output]?.imports ?? []) {
    if (imported.kind !== 'import-statement' || seen.has(imported.path)) continue;
    seen.add(imported.path);
    if (!imported.external) staticImports(metafile, imported.path, seen);
  }
  return seen;
}

describe('CLI start-up', () => {
  it('loads the YAML parser and the commands only when a command runs', async () => {
    const metafile = await bundleCli();
    const loadedAtStart = [...staticImports(metafile, 'dist-test/cli/main.js')];
    expect(loadedAtStart.length).toBeGreaterThan(0);
    expect(loadedAtStart.filter((path) => path === 'yaml' || path.startsWith('yaml/'))).toEqual([]);
    expect(loadedAtStart.filter((path) => /run-(text|object|chat|cassette)-command/.test(path))).toEqual([]);
    // The YAML parser is still there, for the cassette code.
    const everything = Object.values(metafile.outputs).flatMap((output) => output.imports);
    expect(everything.some((imported) => imported.path === 'yaml')).toBe(true);
  });
});
