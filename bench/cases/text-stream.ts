import { fantasyAgentTextStream, fantasyModelTextStream } from '../subjects/fantasy.js';
import { floorTextStream } from '../subjects/floor.js';
import { aiDoStream, aiLowMemoryTextStream, aiTextStream } from '../subjects/vercel-ai.js';
import { buildTextDeltas, textEvents } from '../support/chat-chunks.js';
import { createFixtureFetch, encodeEvents } from '../support/fixture-fetch.js';
import { formatRange, measureInterleaved, median, probeSubjects, type Subject } from '../support/measure.js';
import {
  type CaseReport,
  type CaseSettings,
  formatRatio,
  type ResultRow,
  type TargetCheck,
} from '../support/report.js';

const names = {
  floor: 'floor (indexOf + JSON.parse)',
  model: 'fantasy-ts model.stream',
  modelWithSignal: 'fantasy-ts model.stream, with abortSignal',
  agent: 'fantasy-ts agent.stream textStream',
  aiText: 'ai streamText textStream',
  aiFull: 'ai streamText fullStream',
  aiDoStream: 'ai provider doStream (same layer as model.stream)',
  aiLowText: 'ai experimental_streamTextLowMemory textStream',
  aiLowFull: 'ai experimental_streamTextLowMemory fullStream',
};

/** Case 1: µs per chunk of a chat-completions text stream read with `for await`. */
export async function runTextStreamCase(settings: CaseSettings): Promise<CaseReport> {
  const count = settings.quick ? 200 : 10_000;
  const deltas = buildTextDeltas(count);
  const fetch = createFixtureFetch(encodeEvents(textEvents(deltas)));
  const expected = deltas.join('').length;
  const subjects: Subject[] = [
    { name: names.floor, run: () => floorTextStream(fetch) },
    { name: names.model, run: () => fantasyModelTextStream(fetch) },
    {
      name: names.modelWithSignal,
      run: () => fantasyModelTextStream(fetch, { abortSignal: new AbortController().signal }),
    },
    { name: names.agent, run: () => fantasyAgentTextStream(fetch) },
    { name: names.aiText, run: () => aiTextStream({ fetch, view: 'textStream' }) },
    { name: names.aiFull, run: () => aiTextStream({ fetch, view: 'fullStream' }) },
    { name: names.aiDoStream, run: () => aiDoStream(fetch) },
    { name: names.aiLowText, run: () => aiLowMemoryTextStream({ fetch, view: 'textStream' }) },
    { name: names.aiLowFull, run: () => aiLowMemoryTextStream({ fetch, view: 'fullStream' }) },
  ];
  const { available, notes } = await probeSubjects(subjects, (length) => {
    if (length !== expected) throw new Error(`received ${String(length)} characters, expected ${expected}`);
  });
  settings.log(`case 1: ${count} deltas, ${available.length} subjects`);
  const options = settings.quick ? { warmup: 0, runs: 1 } : { warmup: 4, runs: 15 };
  const times = await measureInterleaved(available, options);
  const perChunk = (name: string) => {
    const runs = times.get(name);
    return runs === undefined ? undefined : (median(runs) * 1000) / count;
  };
  const floor = perChunk(names.floor)!;
  const fastest = (...views: string[]) => Math.min(...views.map((view) => perChunk(view) ?? Infinity));
  const ai = fastest(names.aiText, names.aiFull, names.aiLowText, names.aiLowFull);
  const doStream = perChunk(names.aiDoStream) ?? Infinity;
  const model = perChunk(names.model)!;
  const rows: ResultRow[] = subjects.map(({ name }) => {
    const value = perChunk(name);
    const layer = name === names.model || name === names.modelWithSignal ? doStream : ai;
    const versus = layer === doStream ? 'ai doStream' : 'ai (fastest high-level view)';
    const ratios = `${formatRatio((value ?? 0) / floor)} floor, ${formatRatio((value ?? 0) / model)} model.stream, ${formatRatio((value ?? 0) / layer)} ${versus}`;
    return {
      subject: name,
      value,
      unit: 'µs/chunk',
      runs: times.get(name)?.length ?? 0,
      note:
        value === undefined
          ? 'unavailable'
          : `${ratios}; range ${formatRange(times.get(name) ?? [], 1000 / count, 2)}`,
    };
  });
  return {
    id: '1',
    title: `Text stream: ${count.toLocaleString('en')} text deltas`,
    rows,
    notes: [
      ...notes,
      'like with like: model.stream is compared with ai doStream (the provider layer), the agent with the fastest of ai streamText and experimental_streamTextLowMemory, textStream or fullStream',
    ],
    checks: [
      ...textChecks('model.stream', perChunk(names.model), { floor, ai }),
      ...textChecks('agent.stream', perChunk(names.agent), { floor, ai }),
      agentCheck(perChunk(names.agent), model),
    ],
    data: Object.fromEntries(subjects.map(({ name }) => [name, times.get(name) ?? []])),
  };
}

function agentCheck(agent: number | undefined, model: number): TargetCheck {
  return {
    target: 'agent.stream textStream ≤ 1.5× model.stream per chunk (in process)',
    actual: agent === undefined ? 'unavailable' : `${formatRatio(agent / model)} model.stream`,
    met: agent === undefined ? undefined : agent <= model * 1.5,
  };
}

function textChecks(
  label: string,
  value: number | undefined,
  against: { floor: number; ai: number },
): TargetCheck[] {
  return [
    {
      target: `text stream ≤ 1/10 of ai's fastest high-level view per chunk (${label})`,
      actual: value === undefined ? 'unavailable' : `${formatRatio(value / against.ai)} ai`,
      met: value === undefined ? undefined : value <= against.ai / 10,
    },
    {
      target: `text stream within 3× of the floor (${label})`,
      actual: value === undefined ? 'unavailable' : `${formatRatio(value / against.floor)} floor`,
      met: value === undefined ? undefined : value <= against.floor * 3,
    },
  ];
}
