/**
 * Streams JSON documents of growing size through IncrementalJsonParser in 4-character writes, the way model
 * output arrives, taking a snapshot whenever the value changed and the bytes since the last snapshot pay for
 * copying the open containers (bytes × 8 ≥ openWidth). With that throttle the total cost should grow
 * linearly: the 1 MB / 256 KB ratio should stay near 4.
 *
 * Run: npx tsx bench/partial-json-growth.ts
 */
import { IncrementalJsonParser } from '../src/json/incremental-json-parser.js';
import { buildDocument } from './support/documents.js';

const sizes = [16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024];
const writeSize = 4;
const rounds = 5;

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
