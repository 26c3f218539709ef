import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fantasyEmbedMany } from '../subjects/fantasy.js';
import { aiEmbedMany } from '../subjects/vercel-ai.js';
import { createEmbeddingService, embeddingValues, verifyEmbeddings } from '../support/embedding-service.js';
import { measureInterleaved, median, probeSubjects, type Subject } from '../support/measure.js';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';
import { repositoryRoot } from './cold-import.js';

/** The subjects of case 12's memory children. */
export type EmbedManySubject = 'fantasy-base64' | 'fantasy-float' | 'ai';

/** What the case 12 child prints. */
export interface EmbedManyMemory {
  subject: EmbedManySubject;
  count: number;
  /** The process's RSS high-water mark after the run, over its RSS before it. */
  peakRssGrowthBytes: number;
  /** False when the run stayed under a high-water mark set earlier (then the growth is an upper bound). */
  exceededEarlierPeak: boolean;
  /** heapUsed + arrayBuffers after forced GCs with the result still referenced, over the baseline. */
  retainedBytes: number;
}

const names: Record<EmbedManySubject, string> = {
  'fantasy-base64': 'fantasy-ts embedMany (base64 wire, its default)',
  'fantasy-float': 'fantasy-ts embedMany (float wire, as ai asks)',
  ai: 'ai embedMany (@ai-sdk/openai-compatible, float wire)',
};

const childPath = fileURLToPath(new URL('./embed-many-child.ts', import.meta.url));

/** Runs the case 12 child for one subject and returns what it measured. */
export function measureEmbedManyMemory(subject: EmbedManySubject, count: number): EmbedManyMemory {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', childPath, subject, String(count)],
    { cwd: repositoryRoot, encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`embedMany child for ${subject} failed: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout) as EmbedManyMemory;
}

/**
 * Case 12: `embedMany` of 10,000 values (1,536 dimensions, batches of 2,048, 4 in flight) against an
 * in-process fake `/embeddings` service: time in interleaved rounds, peak RSS and retained heap in a fresh
 * process per subject.
 */
export async function runEmbedManyCase(settings: CaseSettings): Promise<CaseReport> {
  const count = settings.quick ? 300 : 10_000;
  const values = embeddingValues(count);
  const service = createEmbeddingService();
  const subjects: Subject[] = [
    {
      name: names['fantasy-base64'],
      run: () => fantasyEmbedMany({ fetch: service.fetch, values, encoding: 'base64' }),
    },
    {
      name: names['fantasy-float'],
      run: () => fantasyEmbedMany({ fetch: service.fetch, values, encoding: 'float' }),
    },
    { name: names.ai, run: () => aiEmbedMany({ fetch: service.fetch, values }) },
  ];
  const { available, notes } = await probeSubjects(subjects, (embeddings) =>
    verifyEmbeddings(embeddings as number[][], count),
  );
  settings.log(`case 12: embedMany of ${count} values, ${available.length} subjects`);
  const times = await measureInterleaved(
    available,
    settings.quick ? { warmup: 0, runs: 1 } : { warmup: 1, runs: 7 },
  );
  const memory = new Map<string, EmbedManyMemory>();
  for (const subject of Object.keys(names) as EmbedManySubject[]) {
    if (!available.some((candidate) => candidate.name === names[subject])) continue;
    settings.log(`case 12: memory of ${subject}`);
    memory.set(names[subject], measureEmbedManyMemory(subject, count));
  }
  const timeOf = (name: string) => {
    const runs = times.get(name);
    return runs?.length ? median(runs) : undefined;
  };
  const ai = timeOf(names.ai);
  const aiMemory = memory.get(names.ai);
  const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(0);
  const rows: ResultRow[] = subjects.map(({ name }) => {
    const value = timeOf(name);
    const runs = times.get(name) ?? [];
    const used = memory.get(name);
    const spread = runs.length ? `${Math.min(...runs).toFixed(0)}–${Math.max(...runs).toFixed(0)} ms` : '';
    const memoryNote = used
      ? `peak RSS +${megabytes(used.peakRssGrowthBytes)} MB${used.exceededEarlierPeak ? '' : ' (at most)'}${aiMemory ? ` (${formatRatio(used.peakRssGrowthBytes / aiMemory.peakRssGrowthBytes)} ai)` : ''}, retained ${megabytes(used.retainedBytes)} MB`
      : 'memory not measured';
    return {
      subject: name,
      value,
      unit: 'ms',
      runs: runs.length,
      note:
        value === undefined
          ? 'unavailable'
          : `${ai ? `${formatRatio(value / ai)} ai, ` : ''}range ${spread}; ${memoryNote}`,
    };
  });
  const fantasy = timeOf(names['fantasy-base64']);
  return {
    id: '12',
    title: `embedMany: ${count.toLocaleString('en')} values, 1,536 dimensions, against an in-process fake service`,
    rows,
    notes: [
      ...notes,
      'batches of 2,048 values (both SDKs\u2019 limit for OpenAI), maxParallelCalls 4 for both; the service answers as each request asks (floats, or base64 float32 for fantasy-ts\u2019s default) from bytes built before the measured rounds',
      'memory: a fresh process per subject, the service\u2019s answers built before the baseline; peak = RSS high-water mark after the run over RSS before it; retained = live heap with the vectors still referenced',
    ],
    checks: [
      {
        target: 'embedMany faster than ai embedMany (same run)',
        actual: fantasy && ai ? `${formatRatio(fantasy / ai)} ai` : 'unavailable',
        met: fantasy && ai ? fantasy < ai : undefined,
      },
    ],
    data: Object.fromEntries(
      subjects.map(({ name }) => [name, { times: times.get(name) ?? [], memory: memory.get(name) }]),
    ),
  };
}
