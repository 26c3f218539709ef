import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type CaseReport,
  type CaseSettings,
  formatRatio,
  type ResultRow,
  type TargetCheck,
} from '../support/report.js';

type LongRun = (options: {
  steps: number;
  mode: 'generate' | 'stream';
  onStep: () => void;
}) => Promise<{ steps: number; result: unknown }>;

/** One long run's numbers: µs per step for each hundred steps, and the heap still used by its result. */
export interface LongRunMeasurement {
  subject: string;
  perHundredUs: number[];
  retainedMb: number;
}

/** A forced full GC, exposed at run time so `npm run bench` needs no node flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/**
 * Runs `steps` steps once, reading the process's CPU time at every tenth model call; returns CPU µs per
 * step by hundred (the median of its 10-step slices) and the retained heap.
 */
export async function measureLongRun(
  subject: string,
  run: LongRun,
  mode: 'generate' | 'stream',
  steps: number,
) {
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  // CPU time, not wall time: on a shared machine a preempted hundred would otherwise look slow.
  const stamps: number[] = [];
  let calls = 0;
  const stamp = () => {
    const { user, system } = process.cpuUsage();
    stamps.push(user + system);
  };
  const outcome = await run({ steps, mode, onStep: () => void (calls++ % 10 === 0 && stamp()) });
  stamp();
  if (outcome.steps !== steps) throw new Error(`${subject} ran ${outcome.steps} steps, expected ${steps}`);
  collectGarbage();
  const retainedMb = (process.memoryUsage().heapUsed - baseline) / 2 ** 20;
  // Per hundred steps, the median of its ten 10-step slices: a slice the machine preempted is an outlier.
  const slices: number[] = [];
  for (let index = 1; index < stamps.length; index += 1)
    slices.push((stamps[index]! - stamps[index - 1]!) / 10);
  const perHundredUs: number[] = [];
  for (let start = 0; start + 10 <= slices.length; start += 10)
    perHundredUs.push(median(slices.slice(start, start + 10)));
  void outcome.result;
  return { subject, perHundredUs, retainedMb } satisfies LongRunMeasurement;
}

/** Case 10: 1,000 agent steps against each SDK's mock model, time per step by hundred and retained heap. */
export async function runLongRunCase(settings: CaseSettings): Promise<CaseReport> {
  const steps = settings.quick ? 200 : 1000;
  const { fantasyLongRun } = await import('../subjects/fantasy.js');
  const { aiLongRun } = await import('../subjects/vercel-ai.js');
  const subjects: [string, LongRun, 'generate' | 'stream'][] = [
    ['fantasy-ts agent.generate', fantasyLongRun, 'generate'],
    ['fantasy-ts agent.stream', fantasyLongRun, 'stream'],
    ['ai generateText', aiLongRun, 'generate'],
    ['ai streamText', aiLongRun, 'stream'],
  ];
  const rounds = settings.quick ? 1 : 3;
  const measurements: LongRunMeasurement[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, run, mode] of subjects) {
      settings.log(`case 10: ${name}, round ${round + 1}`);
      measurements.push(await measureLongRun(name, run, mode, steps));
    }
  }
  const rows: ResultRow[] = [];
  const checks: TargetCheck[] = [];
  for (const [name] of subjects) {
    const mine = measurements.filter((m) => m.subject === name);
    // Per hundred, the fastest of the rounds: the noise of a shared machine only ever adds time.
    const fastest = mine[0]!.perHundredUs.map((_, index) =>
      Math.min(...mine.map((m) => m.perHundredUs[index]!)),
    );
    const growth = fastest.at(-1)! / fastest[0]!;
    const medianGrowth = median(mine.map((m) => m.perHundredUs.at(-1)! / m.perHundredUs[0]!));
    const retained = median(mine.map((m) => m.retainedMb));
    rows.push({
      subject: name,
      value: fastest.at(-1)!,
      unit: 'µs/step, last 100',
      runs: mine.length,
      note: `first 100 ${fastest[0]!.toFixed(1)} µs/step; last/first ${formatRatio(growth)} (per-round median ${formatRatio(medianGrowth)}); retained heap ${retained.toFixed(1)} MB`,
    });
    if (name.startsWith('fantasy'))
      checks.push({
        target: `last hundred steps ≤ 1.5× the first hundred (${name}, ${steps} steps)`,
        actual: formatRatio(growth),
        met: growth <= 1.5,
      });
  }
  return {
    id: '10',
    title: `Long run: ${steps.toLocaleString('en')} tool-calling steps against each SDK's mock model`,
    rows,
    checks,
    notes: [
      `time per step = process CPU time (user + system) per step, read every 10 model calls, the median 10-step slice of each hundred; ${rounds} interleaved rounds, the fastest round per hundred; retained heap = heapUsed after a forced GC with the result still referenced, minus before the run`,
    ],
    data: measurements,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
