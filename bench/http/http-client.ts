/**
 * The HTTP case's client, one fresh process per measurement: runs `streams` concurrent streams of one
 * subject against the server, checks every stream received the whole text (or tool arguments), and prints
 * its CPU time (`process.cpuUsage`, from after a warm-up stream) and peak RSS as JSON.
 *
 * Usage: http-client.ts <subject> <text|tool> <streams> <origin> <expectedLength>
 */
import type { StreamKind } from '../subjects/vercel-ai.js';
import { peakRssBytes } from '../support/peak-rss.js';

/** What the client prints. */
export interface HttpClientResult {
  subject: string;
  kind: StreamKind;
  streams: number;
  cpuMs: number;
  wallMs: number;
  /** Peak resident set of the whole process (`VmHWM`, see `peakRssBytes`), MB. */
  peakRssMb: number;
  /** RSS before the measured streams (after imports and the warm-up stream), MB. */
  baselineRssMb: number;
}

type Run = (kind: StreamKind) => Promise<number>;

/** The subjects, each loaded only in its own process so no other SDK's code is in its heap. */
const subjects: Record<string, (origin: string) => Promise<Run>> = {
  floor: async (origin) => {
    const { floorTextStream, floorToolInputStream } = await import('../subjects/floor.js');
    const fetch = redirect(origin);
    return (kind) => (kind === 'text' ? floorTextStream(fetch(kind)) : floorToolInputStream(fetch(kind)));
  },
  'fantasy-model': async (origin) => {
    const { fantasyModelTextStream, fantasyToolInputStream } = await import('../subjects/fantasy.js');
    const fetch = redirect(origin);
    return async (kind) =>
      kind === 'text'
        ? fantasyModelTextStream(fetch(kind))
        : (await fantasyToolInputStream(fetch(kind))).deltaLength;
  },
  'fantasy-agent': async (origin) => {
    const { fantasyAgentTextStream, fantasyAgentToolStream } = await import('../subjects/fantasy.js');
    const fetch = redirect(origin);
    return (kind) =>
      kind === 'text' ? fantasyAgentTextStream(fetch(kind)) : fantasyAgentToolStream(fetch(kind));
  },
  'ai-dostream': async (origin) => {
    const { aiDoStream } = await import('../subjects/vercel-ai.js');
    const fetch = redirect(origin);
    return (kind) => aiDoStream(fetch(kind), kind);
  },
  'ai-streamtext': async (origin) => {
    const { aiStreamTextLength } = await import('../subjects/vercel-ai.js');
    const fetch = redirect(origin);
    return (kind) => aiStreamTextLength(fetch(kind), kind);
  },
  openai: async (origin) => {
    // Loaded by a computed path: the `openai` package lives only in bench/node_modules, and the project's own
    // typecheck (which reaches this file through the bench smoke test) must not need it. `npm run bench:typecheck` checks it.
    const subject = '../subjects/openai-sdk.js';
    const { openaiStream } = (await import(subject)) as {
      openaiStream: (baseURL: string, kind: StreamKind) => Promise<number>;
    };
    return (kind) => openaiStream(`${origin}/${kind}/v1`, kind);
  },
};

/** The subjects of the HTTP case, by the name its client takes. */
export const httpSubjectNames = Object.keys(subjects);

/** A fetch sending the bench's placeholder URLs to the server, under the kind's path. */
function redirect(origin: string) {
  return (kind: StreamKind): typeof globalThis.fetch =>
    (_input, init) =>
      globalThis.fetch(`${origin}/${kind}/v1/chat/completions`, {
        ...init,
        method: 'POST',
        body: init?.body ?? '{}',
      });
}

async function main(): Promise<void> {
  const [subject = '', kindArgument, streamsArgument, origin = '', expectedArgument] = process.argv.slice(2);
  const kind = kindArgument as StreamKind;
  const streams = Number(streamsArgument);
  const expected = Number(expectedArgument);
  const load = subjects[subject];
  if (load === undefined) throw new Error(`no HTTP subject ${subject}`);
  const run = await load(origin);
  const check = (length: number) => {
    if (length !== expected)
      throw new Error(`${subject} received ${length} characters, expected ${expected}`);
  };
  check(await run(kind));
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const lengths = await Promise.all(Array.from({ length: streams }, () => run(kind)));
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  lengths.forEach(check);
  const result: HttpClientResult = {
    subject,
    kind,
    streams,
    cpuMs: (used.user + used.system) / 1000,
    wallMs,
    peakRssMb: peakRssBytes() / 2 ** 20,
    baselineRssMb,
  };
  process.stdout.write(JSON.stringify(result));
}

if (process.argv[1]?.endsWith('http-client.ts')) await main();
