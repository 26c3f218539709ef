import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';
import { repositoryRoot } from './cold-import.js';

/** The streams case 7 measures. */
export type MemorySubject = 'fantasy' | 'ai' | 'ai-low-memory';

/** What the memory child prints. */
export interface MemoryResult {
  subject: MemorySubject;
  responseBytes: number;
  events: number;
  largestEventBytes: number;
  /** Peak of (heapUsed + arrayBuffers) over the baseline, sampled after forced GCs. */
  peakGrowthBytes: number;
  samples: number;
}

const childPath = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

/** Runs the memory child for one subject (`fantasy`, `ai`, `ai-low-memory`) and returns what it measured. */
export function measureMemory(options: {
  subject: string;
  responseBytes: number;
  largestDeltaBytes: number;
}): MemoryResult {
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      childPath,
      options.subject,
      String(options.responseBytes),
      String(options.largestDeltaBytes),
    ],
    { cwd: repositoryRoot, encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (child.status !== 0)
    throw new Error(`memory child for ${options.subject} failed: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout) as MemoryResult;
}

/** Case 7: live-heap growth while streaming a large text response and discarding each delta. */
export async function runMemoryCase(settings: CaseSettings): Promise<CaseReport> {
  const responseBytes = settings.quick ? 256 * 1024 : 20 * 1024 * 1024;
  const largestDeltaBytes = settings.quick ? 16 * 1024 : 1024 * 1024;
  const subjects = [
    ['fantasy', 'fantasy-ts model.stream'],
    ['ai', 'ai streamText textStream'],
    ['ai-low-memory', 'ai experimental_streamTextLowMemory textStream'],
  ] as const;
  const results = subjects.map(([subject]) => {
    settings.log(`case 7: ${subject}`);
    return measureMemory({ subject, responseBytes, largestDeltaBytes });
  });
  const megabytes = (bytes: number) => bytes / (1024 * 1024);
  const rows: ResultRow[] = results.map((result, index) => ({
    subject: subjects[index]![1],
    value: megabytes(result.peakGrowthBytes),
    unit: 'MB peak growth',
    runs: 1,
    note: `${formatRatio(result.peakGrowthBytes / result.largestEventBytes)} largest event, ${formatRatio(result.peakGrowthBytes / result.responseBytes)} response`,
  }));
  const fantasy = results[0]!;
  const first = results[0]!;
  return {
    id: '7',
    title: `Memory: ${(first.responseBytes / 1024).toLocaleString('en', { maximumFractionDigits: 0 })} KB text response in ${first.events.toLocaleString('en')} deltas (8 B to 8 KB, one of ${(largestDeltaBytes / 1024).toFixed(0)} KB), each discarded`,
    rows,
    notes: [
      `largest single event ${(first.largestEventBytes / 1024).toFixed(0)} KB; growth = peak of heapUsed + arrayBuffers over the baseline, read after two forced GCs every 64 deltas and while the largest delta is in hand (${first.samples} samples); the consumer's own delta counts`,
    ],
    checks: [
      {
        target: 'memory bounded: growth < 2× the largest single event',
        actual: `${formatRatio(fantasy.peakGrowthBytes / fantasy.largestEventBytes)} (${megabytes(fantasy.peakGrowthBytes).toFixed(2)} MB)`,
        met: fantasy.peakGrowthBytes < 2 * fantasy.largestEventBytes,
      },
    ],
  };
}
