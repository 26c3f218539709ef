import { fantasyStreamObject } from '../subjects/fantasy.js';
import { aiStreamObject } from '../subjects/vercel-ai.js';
import { extrapolate, measure, measureInterleaved, median } from '../support/measure.js';
import {
  buildObjectFixtures,
  objectDeltaSize as deltaSize,
  verifyObject,
} from '../support/object-fixtures.js';
import {
  type CaseReport,
  type CaseSettings,
  formatRatio,
  type ResultRow,
  type TargetCheck,
} from '../support/report.js';

/** An `ai` size whose estimated time exceeds this is skipped. */
const aiLimitMs = 60_000;

interface SizeResult {
  size: number;
  deltas: number;
  tool: number;
  text: number;
  ai: number | undefined;
  runs: { fantasy: number; ai: number };
  /** How many partial objects each reader received (the same every run: both SDKs are deterministic here). */
  partials: { tool: number; text: number; ai: number | undefined };
  /** Every ai run's time, for the spread. */
  aiRuns: number[];
  aiNote?: string;
}

/** Case 2: total ms to stream objects of growing size in 4-character deltas, read as partial objects. */
export async function runObjectStreamCase(settings: CaseSettings): Promise<CaseReport> {
  const sizes = settings.quick ? [1024, 4096] : [16, 64, 256, 1024].map((kilobytes) => kilobytes * 1024);
  const fixtures = sizes.map(buildObjectFixtures);
  settings.log(`case 2: fantasy-ts, ${sizes.map((size) => `${size / 1024} KB`).join(', ')} interleaved`);
  const results = await measureFantasy(sizes, fixtures, settings.quick);
  const aiPoints: { size: number; ms: number }[] = [];
  for (const [index, result] of results.entries()) {
    settings.log(`case 2: ai, ${result.size / 1024} KB`);
    await measureAi(result, { fixtures: fixtures[index]!, aiPoints, quick: settings.quick });
  }
  return {
    id: '2',
    title: `Object stream: ${deltaSize}-character deltas, read as partial objects`,
    rows: results.flatMap(toRows),
    checks: objectChecks(results),
    notes: [
      ...growthNotes(results),
      ...results.flatMap((result) => (result.aiNote ? [result.aiNote] : [])),
      `partials = objects each reader received from partialObjectStream / partialOutputStream; ${deltaSize}-character deltas: ${results.map((result) => `${result.size / 1024} KB ${result.deltas.toLocaleString('en')} deltas`).join(', ')}`,
    ],
    data: results.map(({ size, tool, text, ai, aiRuns, partials }) => ({
      size,
      tool,
      text,
      ai,
      aiRuns,
      partials,
    })),
  };
}

type ObjectFixtures = ReturnType<typeof buildObjectFixtures>;

/**
 * Times both fantasy-ts modes at every size in interleaved rounds, so a change of load on the machine
 * between sizes cannot bend the growth ratio.
 */
async function measureFantasy(
  sizes: number[],
  fixtures: ObjectFixtures[],
  quick: boolean,
): Promise<SizeResult[]> {
  const partials = new Map<string, number>();
  const subjects = sizes.flatMap((size, index) =>
    (['tool', 'text'] as const).map((mode) => ({
      name: `${size} ${mode}`,
      run: async () => {
        const fixture = fixtures[index]!;
        const fetch = mode === 'tool' ? fixture.toolFetch : fixture.textFetch;
        const result = await fantasyStreamObject({ fetch, mode });
        verifyObject(result, fixture.text);
        partials.set(`${size} ${mode}`, result.partials);
      },
    })),
  );
  const times = await measureInterleaved(subjects, quick ? { warmup: 0, runs: 1 } : { warmup: 2, runs: 7 });
  return sizes.map((size, index) => ({
    size,
    deltas: fixtures[index]!.deltas,
    tool: median(times.get(`${size} tool`)!),
    text: median(times.get(`${size} text`)!),
    ai: undefined,
    runs: { fantasy: times.get(`${size} tool`)!.length, ai: 0 },
    partials: { tool: partials.get(`${size} tool`)!, text: partials.get(`${size} text`)!, ai: undefined },
    aiRuns: [],
  }));
}

/** Times `ai` at one size unless the growth fitted on the smaller sizes says it would take over a minute. */
async function measureAi(
  result: SizeResult,
  context: { fixtures: ObjectFixtures; aiPoints: { size: number; ms: number }[]; quick: boolean },
): Promise<void> {
  const { fixtures, aiPoints } = context;
  const estimate = aiPoints.length > 0 ? extrapolate(aiPoints, result.size) : undefined;
  if (estimate && estimate.ms > aiLimitMs) {
    const from = aiPoints.map((point) => `${point.size / 1024} KB`).join(' → ');
    result.aiNote = `ai ${result.size / 1024} KB skipped: estimated ${(estimate.ms / 1000).toFixed(0)} s (time ∝ size^${estimate.exponent.toFixed(2)}, fitted on ${from})`;
    return;
  }
  const aiRun = async () => {
    const streamed = await aiStreamObject(fixtures.textFetch);
    verifyObject(streamed, fixtures.text);
    result.partials.ai = streamed.partials;
  };
  // At least two runs whenever one takes under 45 s (64 KB does), so the ai figure has a spread.
  const aiRuns = await measure(aiRun, { warmup: 0, runs: context.quick ? 1 : 3, budgetMs: 45_000 });
  result.ai = median(aiRuns);
  result.aiRuns = aiRuns;
  result.runs.ai = aiRuns.length;
  aiPoints.push({ size: result.size, ms: result.ai });
}

function toRows(result: SizeResult): ResultRow[] {
  const label = `${result.size / 1024} KB`;
  const perDelta = (ms: number) => `~${((ms * 1000) / result.deltas).toFixed(1)} µs/delta`;
  const fantasyRow = (mode: 'tool' | 'text'): ResultRow => ({
    subject: `${label} fantasy-ts streamObject (${mode} mode)`,
    value: result[mode],
    unit: 'ms',
    runs: result.runs.fantasy,
    note:
      perDelta(result[mode]) +
      (result.ai === undefined ? '' : `, ${formatRatio(result.ai / result[mode])} faster than ai`) +
      `, ${result.partials[mode].toLocaleString('en')} partials`,
  });
  const aiRow: ResultRow = {
    subject: `${label} ai streamText + Output.object`,
    value: result.ai,
    unit: 'ms',
    runs: result.runs.ai,
    note:
      result.ai === undefined
        ? 'skipped (see note)'
        : `${perDelta(result.ai)}, runs ${result.aiRuns.map((ms) => ms.toFixed(0)).join(', ')} ms, ${(result.partials.ai ?? 0).toLocaleString('en')} partials`,
  };
  return [fantasyRow('tool'), fantasyRow('text'), aiRow];
}

function growthNotes(results: readonly SizeResult[]): string[] {
  const [previous, last] = results.slice(-2);
  if (previous === undefined || last === undefined) return [];
  const span = `${previous.size / 1024} KB → ${last.size / 1024} KB`;
  const aiGrowth =
    previous.ai !== undefined && last.ai !== undefined ? `, ai ${formatRatio(last.ai / previous.ai)}` : '';
  return [
    `growth ${span} (linear = ${last.size / previous.size}×): fantasy-ts tool mode ${formatRatio(last.tool / previous.tool)}, text mode ${formatRatio(last.text / previous.text)}${aiGrowth}`,
  ];
}

function objectChecks(results: readonly SizeResult[]): TargetCheck[] {
  const [previous, last] = results.slice(-2);
  const at64 = results.find((result) => result.size === 64 * 1024) ?? results[0];
  const checks: TargetCheck[] = [];
  for (const mode of ['tool', 'text'] as const) {
    if (previous && last) {
      const growth = last[mode] / previous[mode];
      checks.push({
        target: `object ${last.size / 1024} KB ≤ 5× the ${previous.size / 1024} KB time (${mode} mode)`,
        actual: formatRatio(growth),
        met: growth <= 5,
      });
    }
    if (at64) {
      const speedup = at64.ai === undefined ? undefined : at64.ai / at64[mode];
      const actual = speedup === undefined ? 'ai not measured' : `${formatRatio(speedup)} faster`;
      checks.push({
        target: `object ≥ 100× faster than ai at ${at64.size / 1024} KB (${mode} mode)`,
        actual,
        met: speedup === undefined ? undefined : speedup >= 100,
      });
    }
  }
  return checks;
}
