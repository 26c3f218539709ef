/**
 * Child process of case 7 (run with `--expose-gc --import tsx`): streams a large text response through one
 * SDK, discarding each delta, and prints the peak growth of the live heap (after forced GCs) as JSON.
 *
 * Usage: memory-child.ts <fantasy|ai|ai-low-memory> <responseBytes> <largestDeltaBytes>
 */
import { createFantasyModel } from '../subjects/fantasy.js';
import { textDeltaEvent, textEndEvents, textStartEvent } from '../support/chat-chunks.js';
import { createLazyFixtureFetch } from '../support/fixture-fetch.js';
import { createRandom, sentence } from '../support/random.js';

import type { MemoryResult, MemorySubject as Subject } from './memory.js';

/** Delta lengths: log-uniform between 8 B and 8 KB, with one `largest` delta in the middle. */
export function planDeltas(responseBytes: number, largest: number): number[] {
  const random = createRandom(responseBytes);
  const lengths: number[] = [];
  let total = 0;
  let placed = false;
  while (total < responseBytes) {
    const length: number = !placed && total >= responseBytes / 2 ? largest : Math.round(8 * 1024 ** random());
    placed ||= length === largest;
    lengths.push(length);
    total += length;
  }
  return lengths;
}

/** A fetch serving the planned deltas as chat chunks, built lazily from one ASCII text. */
function createMemoryFetch(lengths: readonly number[], source: string) {
  const ends = [textStartEvent, ...textEndEvents];
  return createLazyFixtureFetch(lengths.length + ends.length, (index) => {
    if (index === 0) return ends[0]!;
    const length = lengths[index - 1];
    if (length === undefined) return ends[index - lengths.length]!;
    const start = (index * 7919) % (source.length - length);
    return textDeltaEvent(source.slice(start, start + length));
  });
}

/** The ai side loads only for its subjects, so the fantasy-ts run needs no bench/node_modules. */
async function* textDeltas(subject: Subject, fetch: typeof globalThis.fetch): AsyncGenerator<string> {
  if (subject === 'fantasy') return yield* fantasyTextDeltas(fetch);
  const { experimental_streamTextLowMemory, streamText } = await import('ai');
  const { createAiModel } = await import('../subjects/vercel-ai.js');
  const stream = subject === 'ai' ? streamText : experimental_streamTextLowMemory;
  yield* stream({ model: createAiModel(fetch), prompt: 'Write something.' }).textStream;
}

async function* fantasyTextDeltas(fetch: typeof globalThis.fetch): AsyncGenerator<string> {
  const parts = await createFantasyModel(fetch).stream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Write something.' }] }],
  });
  for await (const part of parts) {
    if (part.type === 'text-delta') yield part.delta;
    else if (part.type === 'error') throw part.error;
  }
}

/**
 * The live heap: heapUsed + arrayBuffers after a full GC. Twice, because V8 frees dead ArrayBuffer backing
 * stores on a background thread after the GC; `arrayBuffers` read right after one GC sometimes (about 1 run
 * in 10, measured) still counted a dead 2 MB body chunk. The next GC waits for that sweep to finish.
 */
function liveBytes(): number {
  const gc = (globalThis as unknown as { gc: () => void }).gc;
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Streams once, sampling the live heap every 64 deltas and while the largest delta is in hand (the moment
 * the pipeline may hold the most: the event's bytes, its text, its parsed delta).
 */
async function streamAndSample(run: {
  subject: Subject;
  lengths: readonly number[];
  source: string;
  baseline: number;
}) {
  const largest = Math.max(...run.lengths);
  let peak = 0;
  let samples = 0;
  let count = 0;
  for await (const delta of textDeltas(run.subject, createMemoryFetch(run.lengths, run.source))) {
    count += 1;
    if (count % 64 === 0 || delta.length >= largest) {
      peak = Math.max(peak, liveBytes() - run.baseline);
      samples += 1;
    }
  }
  if (count !== run.lengths.length)
    throw new Error(`received ${count} deltas, expected ${run.lengths.length}`);
  return { peak, samples };
}

async function main(): Promise<void> {
  const [subject, responseArgument, largestArgument] = process.argv.slice(2);
  const responseBytes = Number(responseArgument);
  const largest = Number(largestArgument);
  const random = createRandom(7);
  let source = '';
  while (source.length < largest + 16_384) source += `${sentence(random, 50).replace(/[^\x20-\x7e]/g, 'x')} `;
  const lengths = planDeltas(responseBytes, largest);
  // A smaller warm-up stream first, so compiled code and inline caches are in the baseline.
  const warmup = planDeltas(responseBytes / 16, largest / 8);
  await streamAndSample({ subject: subject as Subject, lengths: warmup, source, baseline: 0 });
  const baseline = liveBytes();
  const { peak, samples } = await streamAndSample({ subject: subject as Subject, lengths, source, baseline });
  const result: MemoryResult = {
    subject: subject as Subject,
    responseBytes: lengths.reduce((sum, length) => sum + length, 0),
    events: lengths.length,
    largestEventBytes: textDeltaEvent('x'.repeat(largest)).length,
    peakGrowthBytes: peak,
    samples,
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
