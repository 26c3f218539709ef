/**
 * Streams JSON documents of growing size through IncrementalJsonParser in 4-character writes, the way model
 * output arrives, taking a snapshot whenever the value changed and the bytes since the last snapshot pay for
 * copying the open containers (bytes × 8 ≥ openWidth). With that throttle the total cost should grow
 * linearly: the 1 MB / 256 KB ratio should stay near 4.
 *
 * Run: npx tsx bench/partial-json-growth.ts
 */
import { IncrementalJsonParser } from '../src/json/incremental-json-parser.js';

const sizes = [16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024];
const writeSize = 4;
const rounds = 5;
const words = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'Olá',
  'mundo',
  '🌍',
];

/** A small seeded generator (mulberry32), so every run builds the same documents. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sentence(random: () => number, wordCount: number): string {
  const picked: string[] = [];
  for (let index = 0; index < wordCount; index += 1) {
    picked.push(words[Math.floor(random() * words.length)]!);
  }
  return picked.join(' ');
}

/** An object with a title, an array of items and a long text field; half the bytes in items, half in text. */
function buildDocument(targetBytes: number): string {
  const random = createRandom(targetBytes);
  const items: { id: number; name: string; price: number; description: string }[] = [];
  while (JSON.stringify(items).length < targetBytes / 2) {
    items.push({
      id: items.length,
      name: sentence(random, 2),
      price: Math.round(random() * 100_000) / 100,
      description: sentence(random, 8),
    });
  }
  const paragraphs: string[] = [];
  let textLength = 0;
  while (textLength < targetBytes / 2) {
    const paragraph = sentence(random, 60);
    paragraphs.push(paragraph);
    textLength += paragraph.length + 2;
  }
  return JSON.stringify({ title: 'Partial JSON growth', items, text: paragraphs.join('\n\n') });
}

/** Streams `text` in small writes with the throttled snapshots; returns how many snapshots were taken. */
function streamDocument(text: string): number {
  const parser = new IncrementalJsonParser();
  let snapshots = 0;
  let lastVersion = parser.version;
  let bytesSinceSnapshot = 0;
  for (let start = 0; start < text.length; start += writeSize) {
    parser.write(text.slice(start, start + writeSize));
    bytesSinceSnapshot += writeSize;
    if (parser.version !== lastVersion && bytesSinceSnapshot * 8 >= parser.openWidth) {
      parser.snapshot();
      snapshots += 1;
      lastVersion = parser.version;
      bytesSinceSnapshot = 0;
    }
  }
  parser.end();
  return snapshots;
}

function measure(text: string): { milliseconds: number; snapshots: number } {
  let best = Number.POSITIVE_INFINITY;
  let snapshots = 0;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    snapshots = streamDocument(text);
    best = Math.min(best, performance.now() - started);
  }
  return { milliseconds: best, snapshots };
}

function main(): void {
  const results = new Map<number, number>();
  streamDocument(buildDocument(64 * 1024)); // warm up the JIT
  for (const size of sizes) {
    const text = buildDocument(size);
    const { milliseconds, snapshots } = measure(text);
    results.set(size, milliseconds);
    const label = `${Math.round(text.length / 1024)} KB`.padStart(8);
    console.log(`${label}: ${milliseconds.toFixed(2)} ms (best of ${rounds}), ${snapshots} snapshots`);
  }
  const ratio = results.get(1024 * 1024)! / results.get(256 * 1024)!;
  console.log(`1 MB / 256 KB time ratio: ${ratio.toFixed(2)} (linear ≈ 4)`);
}

main();
