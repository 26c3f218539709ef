import { fantasyToolInputStream } from '../subjects/fantasy.js';
import { floorToolInputStream } from '../subjects/floor.js';
import { aiToolInputStream } from '../subjects/vercel-ai.js';
import { extrapolate, formatRange, measure, measureInterleaved, median } from '../support/measure.js';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';
import { buildToolInputFixture, verifyToolInput } from '../support/tool-input-fixtures.js';

const aiLimitMs = 60_000;

/** Case 3: one tool call with 100 KB of arguments in 1-character deltas. */
export async function runToolInputCase(settings: CaseSettings): Promise<CaseReport> {
  const size = settings.quick ? 1024 : 100 * 1024;
  const fixture = buildToolInputFixture(size);
  settings.log(`case 3: ${fixture.deltas} deltas`);
  const times = await measureInterleaved(
    [
      { name: 'floor', run: () => floorToolInputStream(fixture.fetch) },
      {
        name: 'fantasy',
        run: async () => verifyToolInput(await fantasyToolInputStream(fixture.fetch), fixture.text),
      },
    ],
    settings.quick ? { warmup: 0, runs: 1 } : { warmup: 2, runs: 9 },
  );
  const floor = median(times.get('floor')!);
  const fantasy = median(times.get('fantasy')!);
  const ai = await measureAi(size, settings);
  const perDelta = (ms: number) => `${((ms * 1000) / fixture.deltas).toFixed(2)} µs/delta`;
  const versusAi = (ms: number) => (ai.ms === undefined ? '' : `, ${formatRatio(ai.ms / ms)} faster than ai`);
  const rows: ResultRow[] = [
    {
      subject: 'floor (indexOf + JSON.parse)',
      value: floor,
      unit: 'ms',
      runs: times.get('floor')!.length,
      note: `${perDelta(floor)}, range ${formatRange(times.get('floor')!, 1, 0)} ms`,
    },
    {
      subject: 'fantasy-ts model.stream (tool-input deltas + tool-call)',
      value: fantasy,
      unit: 'ms',
      runs: times.get('fantasy')!.length,
      note: `${perDelta(fantasy)}, ${formatRatio(fantasy / floor)} floor${versusAi(fantasy)}, range ${formatRange(times.get('fantasy')!, 1, 0)} ms`,
    },
    {
      subject: 'ai streamText fullStream with a tool',
      value: ai.ms,
      unit: 'ms',
      runs: ai.runs,
      note:
        ai.ms === undefined
          ? 'skipped (see note)'
          : `${perDelta(ai.ms)}, ${formatRatio(ai.ms / floor)} floor`,
    },
  ];
  return {
    id: '3',
    title: `Tool-call input stream: ${(size / 1024).toFixed(0)} KB of arguments in 1-character deltas`,
    rows,
    checks: [],
    notes: ai.notes,
  };
}

/**
 * Times `ai` at an eighth and a quarter of the size first (its provider re-parses the accumulated arguments
 * on every delta), then at the full size unless the fitted growth says that would take over a minute.
 */
async function measureAi(
  size: number,
  settings: CaseSettings,
): Promise<{ ms: number | undefined; runs: number; notes: string[] }> {
  const points: { size: number; ms: number }[] = [];
  const probes = settings.quick ? [] : [size / 8, size / 4];
  for (const probeSize of probes) {
    const probe = buildToolInputFixture(probeSize);
    const runs = await measure(
      async () => verifyToolInput(await aiToolInputStream(probe.fetch), probe.text),
      { warmup: 0, runs: 1 },
    );
    points.push({ size: probeSize, ms: median(runs) });
  }
  const probeNote = points
    .map((point) => `${(point.size / 1024).toFixed(1)} KB: ${point.ms.toFixed(0)} ms`)
    .join(', ');
  const estimate = points.length > 0 ? extrapolate(points, size) : undefined;
  if (estimate && estimate.ms > aiLimitMs) {
    return {
      ms: undefined,
      runs: 0,
      notes: [
        `ai skipped: estimated ${(estimate.ms / 1000).toFixed(0)} s (time ∝ size^${estimate.exponent.toFixed(2)}; ${probeNote})`,
      ],
    };
  }
  const fixture = buildToolInputFixture(size);
  settings.log(`case 3: ai, estimated ${estimate ? (estimate.ms / 1000).toFixed(1) : '?'} s per run`);
  const runs = await measure(
    async () => verifyToolInput(await aiToolInputStream(fixture.fetch), fixture.text),
    { warmup: 0, runs: settings.quick ? 1 : 3, budgetMs: 20_000 },
  );
  const exponent = estimate ? `; growth exponent from the probes ${estimate.exponent.toFixed(2)}` : '';
  return {
    ms: median(runs),
    runs: runs.length,
    notes: probeNote ? [`ai probes ${probeNote}${exponent}`] : [],
  };
}
