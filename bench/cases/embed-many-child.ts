/**
 * Child process of case 12 (run with `--expose-gc --import tsx`): embeds `count` values once through one
 * SDK against the in-process fake service, whose answers are built before the baseline, and prints the
 * peak RSS growth and the heap the result keeps, as JSON.
 *
 * Usage: embed-many-child.ts <fantasy-base64|fantasy-float|ai> <count>
 */
import { fantasyEmbedMany } from '../subjects/fantasy.js';
import { createEmbeddingService, embeddingValues, verifyEmbeddings } from '../support/embedding-service.js';
import { peakRssBytes } from '../support/peak-rss.js';
import type { EmbedManyMemory, EmbedManySubject } from './embed-many.js';

function liveBytes(): number {
  const gc = (globalThis as unknown as { gc: () => void }).gc;
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

async function embed(subject: EmbedManySubject, fetch: typeof globalThis.fetch, values: readonly string[]) {
  if (subject === 'ai') {
    const { aiEmbedMany } = await import('../subjects/vercel-ai.js');
    return aiEmbedMany({ fetch, values });
  }
  return fantasyEmbedMany({ fetch, values, encoding: subject === 'fantasy-base64' ? 'base64' : 'float' });
}

async function main(): Promise<void> {
  const [subjectArgument, countArgument] = process.argv.slice(2);
  const subject = subjectArgument as EmbedManySubject;
  const count = Number(countArgument);
  const service = createEmbeddingService();
  service.prepare(count, 2048, subject === 'fantasy-base64' ? 'base64' : 'float');
  const values = embeddingValues(count);
  // A small run first, so the SDK's modules and compiled code are in the baseline.
  verifyEmbeddings(await embed(subject, service.fetch, values.slice(0, 16)), 16);
  const baselineHeap = liveBytes();
  const baselineRss = process.memoryUsage().rss;
  const highWaterBefore = peakRssBytes();
  const embeddings = await embed(subject, service.fetch, values);
  const highWaterAfter = peakRssBytes();
  const retainedBytes = liveBytes() - baselineHeap;
  verifyEmbeddings(embeddings, count);
  const result: EmbedManyMemory = {
    subject,
    count,
    peakRssGrowthBytes: highWaterAfter - baselineRss,
    exceededEarlierPeak: highWaterAfter > highWaterBefore,
    retainedBytes,
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
