import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { formatRange, median } from '../support/measure.js';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';

/** The repository root: bare specifiers (and `fantasy-ts` itself, by self-reference) resolve from here. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The bench package (bench/package.json): the comparison SDKs resolve from here. */
export const benchRoot = fileURLToPath(new URL('../', import.meta.url));

/** One cold-import subject: modules imported in order by a fresh `node` process. */
export interface ImportSubject {
  name: string;
  specifiers: string[];
  /** Extra node flags, e.g. `['--import', 'tsx']` to import TypeScript sources. */
  nodeArguments?: string[];
  /** Where bare specifiers resolve from; the repository root unless given. */
  cwd?: string;
}

/**
 * Imports the modules in a fresh `node` process and returns the milliseconds the imports took inside it
 * (from before the first `import()` until the last resolved) and the process's wall time.
 */
export function measureColdImport(subject: ImportSubject): { importMs: number; processMs: number } {
  const imports = subject.specifiers
    .map((specifier) => `await import(${JSON.stringify(specifier)});`)
    .join(' ');
  const script = `const started = performance.now(); ${imports} process.stdout.write(String(performance.now() - started));`;
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [...(subject.nodeArguments ?? []), '--input-type=module', '-e', script],
    { cwd: subject.cwd ?? repositoryRoot, encoding: 'utf8' },
  );
  const processMs = performance.now() - started;
  if (child.status !== 0)
    throw new Error(`importing ${subject.specifiers.join(', ')} failed: ${child.stderr.trim()}`);
  return { importMs: Number(child.stdout), processMs };
}

/** Builds `dist/` with `npm run build`; returns a note when the build reported errors (it still emits). */
export function buildDist(): string | undefined {
  const build = spawnSync('npm', ['run', 'build'], { cwd: repositoryRoot, encoding: 'utf8' });
  if (build.status === 0) return undefined;
  const firstError =
    `${build.stdout}${build.stderr}`.split('\n').find((line) => line.includes('error')) ?? '';
  return `npm run build exited with ${build.status} (tsc emits despite type errors elsewhere in src): ${firstError.trim()}`;
}

/**
 * The design fix measured as a what-if: the package's entry points bundled by esbuild (shared code split
 * into chunks), so importing an entry loads a handful of files instead of one per source module. With
 * `inlineDependencies`, jsonrepair and @cfworker/json-schema are bundled too: the most that loading them
 * lazily could save. Writes under `bench/results/` (ignored by git and Biome); returns each `exports`
 * entry's bundled path.
 */
export async function bundleFantasy(options: { inlineDependencies: boolean }): Promise<Map<string, string>> {
  const directory = `bench/results/${options.inlineDependencies ? 'bundled-inline' : 'bundled'}`;
  // Only the entries this case imports: the integrations' entries would inline Node-only dependencies.
  const entries = new Map([...exportedSources()].filter(([subpath]) => measuredEntries.includes(subpath)));
  await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [...entries.values()],
    outbase: 'src',
    outdir: directory,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    ...(options.inlineDependencies ? {} : { packages: 'external' as const }),
    external: ['node:*'],
    target: 'es2022',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'silent',
  });
  const output = (source: string) => `./${source.replace(/^src\//, `${directory}/`).replace(/\.ts$/, '.js')}`;
  return new Map([...entries].map(([subpath, source]) => [subpath, output(source)]));
}

/** The `exports` entries the cold-import subjects load. */
const measuredEntries = ['.', './openaicompat'];

/** The source file of each `exports` entry of package.json that exists yet. */
function exportedSources(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(`${repositoryRoot}package.json`, 'utf8')) as {
    exports: Record<string, { node?: string }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    const source = target.node?.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
    if (source !== undefined && existsSync(`${repositoryRoot}${source}`)) entries.set(subpath, source);
  }
  return entries;
}

function importSubjects(bundled: Map<string, string>, inline: Map<string, string>): ImportSubject[] {
  return [
    { name: 'node, empty script (baseline)', specifiers: [] },
    { name: 'fantasy-ts/openaicompat (dist)', specifiers: ['fantasy-ts/openaicompat'] },
    {
      name: 'fantasy-ts + fantasy-ts/openaicompat (dist)',
      specifiers: ['fantasy-ts', 'fantasy-ts/openaicompat'],
    },
    {
      name: 'ai + @ai-sdk/openai-compatible',
      specifiers: ['ai', '@ai-sdk/openai-compatible'],
      cwd: benchRoot,
    },
    {
      name: 'what-if: the same, bundled per entry',
      specifiers: [bundled.get('.')!, bundled.get('./openaicompat')!],
    },
    {
      name: 'what-if: bundled, dependencies inlined',
      specifiers: [inline.get('.')!, inline.get('./openaicompat')!],
    },
  ];
}

/** Case 5: cold import in a fresh process, median over interleaved runs. */
export async function runColdImportCase(settings: CaseSettings): Promise<CaseReport> {
  settings.log('case 5: npm run build');
  const buildNote = buildDist();
  const subjects = importSubjects(
    await bundleFantasy({ inlineDependencies: false }),
    await bundleFantasy({ inlineDependencies: true }),
  );
  const runs = settings.quick ? 2 : 15;
  const times = new Map(
    subjects.map((subject) => [subject.name, { importMs: [] as number[], processMs: [] as number[] }]),
  );
  for (let round = 0; round < runs; round += 1) {
    for (const subject of subjects) {
      const result = measureColdImport(subject);
      times.get(subject.name)!.importMs.push(result.importMs);
      times.get(subject.name)!.processMs.push(result.processMs);
    }
  }
  const importOf = (index: number) => median(times.get(subjects[index]!.name)!.importMs);
  const ai = importOf(3);
  const rows: ResultRow[] = subjects.map((subject, index) => ({
    subject: subject.name,
    value: importOf(index),
    unit: 'ms import',
    runs,
    note: `range ${formatRange(times.get(subject.name)!.importMs)} ms, process ${median(times.get(subject.name)!.processMs).toFixed(0)} ms${index > 0 ? `, ${formatRatio(importOf(index) / ai)} ai` : ''}`,
  }));
  const fantasy = importOf(2);
  return {
    id: '5',
    title: 'Cold import in a fresh node process',
    rows,
    notes: [
      'import = time inside the child from before the first import() to after the last; process = spawn to exit, node startup included',
      'what-if rows: the same sources bundled per exports entry by esbuild (code splitting), dependencies external as a package would ship them, then inlined (the most that loading jsonrepair and @cfworker/json-schema lazily could save)',
      ...(buildNote ? [buildNote] : []),
    ],
    checks: [
      {
        target: 'cold import ≤ 1/4 of ai (fantasy-ts + openaicompat)',
        actual: `${formatRatio(fantasy / ai)} ai`,
        met: fantasy <= ai / 4,
      },
    ],
  };
}
