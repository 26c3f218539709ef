import { createFantasyAgentLoop } from '../subjects/fantasy.js';
import { createAiAgentLoop } from '../subjects/vercel-ai.js';
import { formatRange, measureInterleaved, median, probeSubjects, type Subject } from '../support/measure.js';
import { type CaseReport, type CaseSettings, formatRatio, type ResultRow } from '../support/report.js';

/** Case 4: µs per step of a two-step tool loop (tool call, tool run, answer) against a mock model. */
export async function runAgentStepCase(settings: CaseSettings): Promise<CaseReport> {
  const loops = settings.quick ? 2 : 200;
  const repeat = (run: () => Promise<number>) => async () => {
    for (let index = 0; index < loops; index += 1)
      if ((await run()) !== 2) throw new Error('the loop did not take 2 steps');
  };
  const subjects: Subject[] = [];
  const notes: string[] = [];
  try {
    const fantasy = createFantasyAgentLoop();
    subjects.push({ name: 'fantasy-ts agent.generate', run: repeat(fantasy.generate) });
    subjects.push({ name: 'fantasy-ts agent.stream fullStream', run: repeat(fantasy.stream) });
  } catch (error) {
    notes.push(`fantasy-ts agent unavailable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const ai = createAiAgentLoop();
  subjects.push({ name: 'ai generateText', run: repeat(ai.generate) });
  subjects.push({ name: 'ai streamText fullStream', run: repeat(ai.stream) });
  const probed = await probeSubjects(subjects, () => undefined);
  settings.log(`case 4: ${loops} two-step runs per measurement`);
  const times = await measureInterleaved(
    probed.available,
    settings.quick ? { warmup: 0, runs: 1 } : { warmup: 2, runs: 10 },
  );
  const perStep = (name: string) => {
    const runs = times.get(name);
    return runs === undefined ? undefined : (median(runs) * 1000) / (loops * 2);
  };
  const pairs: [string, string][] = [
    ['fantasy-ts agent.generate', 'ai generateText'],
    ['fantasy-ts agent.stream fullStream', 'ai streamText fullStream'],
  ];
  const rows: ResultRow[] = subjects.map(({ name }) => {
    const value = perStep(name);
    const counterpart = pairs.find((pair) => pair[0] === name)?.[1];
    const other = counterpart === undefined ? undefined : perStep(counterpart);
    const note =
      value === undefined
        ? 'unavailable'
        : other === undefined
          ? ''
          : `${formatRatio(value / other)} ${counterpart}`;
    const range = formatRange(times.get(name) ?? [], 1000 / (loops * 2));
    return {
      subject: name,
      value,
      unit: 'µs/step',
      runs: times.get(name)?.length ?? 0,
      note: note === '' ? `range ${range}` : `${note}, range ${range}`,
    };
  });
  return {
    id: '4',
    title: 'Agent step overhead: two-step tool loop against a mock model',
    rows,
    checks: [],
    notes: [...notes, ...probed.notes],
  };
}
