import { describe, expect, it } from 'vitest';
import { JsonDepthError } from '../errors/json-depth-error.js';
import { IncrementalJsonParser, parseJsonPrefix } from './incremental-json-parser.js';
import { maxJsonDepth } from './max-json-depth.js';

/** Amortization factor of `streamObject`: a snapshot waits until new characters × 8 ≥ its cost. */
const throttle = 8;

/**
 * Containers and entries a snapshot allocated that no earlier snapshot had: what `snapshot()` really copied,
 * plus completed children the first time they show up (each counted once, so linear on its own).
 */
function countNewlyAllocated(value: unknown, seen: WeakSet<object>): number {
  if (typeof value !== 'object' || value === null || seen.has(value)) return 0;
  seen.add(value);
  const entries = Array.isArray(value) ? value : Object.values(value);
  let count = 1 + entries.length;
  for (const entry of entries) count += countNewlyAllocated(entry, seen);
  return count;
}

/** Streams `text` in 4-character writes with `streamObject`'s throttle; counts snapshots and what they allocated. */
function streamThrottled(text: string): { allocated: number; snapshots: number; final: unknown } {
  const parser = new IncrementalJsonParser();
  const seen = new WeakSet<object>();
  let allocated = 0;
  let snapshots = 0;
  let pending = 0;
  let version = -1;
  for (let start = 0; start < text.length; start += 4) {
    parser.write(text.slice(start, start + 4));
    pending += 4;
    if (parser.version === version || pending * throttle < parser.snapshotCost) continue;
    allocated += countNewlyAllocated(parser.snapshot(), seen);
    snapshots += 1;
    version = parser.version;
    pending = 0;
  }
  return { allocated, snapshots, final: parser.end() };
}

/** `{"a":[{"a":[ … ]}]}`: arrays and objects alternating, `depth` containers deep, with a text at each level. */
function deepDocument(depth: number): string {
  const levels = depth / 2;
  return `${'{"t":"level","a":['.repeat(levels)}0${']}'.repeat(levels)}`;
}

const flatObject = (width: number) =>
  JSON.stringify(Object.fromEntries(Array.from({ length: width }, (_, index) => [`key${index}`, index])));
const flatArray = (width: number) => JSON.stringify(Array.from({ length: width }, (_, index) => index));

describe('IncrementalJsonParser on deep and wide values', () => {
  it.each([
    ['an object nested to the depth limit', deepDocument(maxJsonDepth)],
    ['a flat object of 10,000 keys', flatObject(10_000)],
    ['a flat array of 10,000 elements', flatArray(10_000)],
    ['wide objects inside a deep spine', `${'['.repeat(200)}${flatObject(2_000)}${']'.repeat(200)}`],
  ])('allocates at most a constant per input character when snapshots are throttled: %s', (_name, text) => {
    const { allocated, snapshots, final } = streamThrottled(text);
    expect(final).toEqual(JSON.parse(text));
    expect(snapshots).toBeGreaterThan(10);
    // Linear: copying the whole open spine on every 4-character write would allocate depth² / 4 or
    // width² / 4 entries here, hundreds of times this bound.
    expect(allocated).toBeLessThanOrEqual((throttle + 1) * text.length);
  });

  it('counts open containers, array elements and object entries in snapshotCost', () => {
    const parser = new IncrementalJsonParser();
    const costs: number[] = [];
    for (const piece of ['[', '1,2,', '{', '"a":1,', '"b":[', ']', '}', ']']) {
      parser.write(piece);
      costs.push(parser.snapshotCost);
    }
    expect(costs).toEqual([1, 3, 4, 20, 21, 36, 4, 0]);
  });

  it('stops with a JsonDepthError at the bracket that goes past maxDepth', () => {
    const parser = new IncrementalJsonParser({ maxDepth: 3 });
    parser.write('[[{"a":[1]}]]');
    expect(JsonDepthError.isInstance(parser.error)).toBe(true);
    expect(parser.error).toMatchObject({ maxDepth: 3, position: 7 });
    expect(parser.snapshot()).toEqual([[{}]]);
    expect(() => parser.end()).toThrow(JsonDepthError);
  });

  it('accepts nesting exactly at the limit', () => {
    const text = `${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}`;
    expect(parseJsonPrefix(text)).toMatchObject({ complete: true });
    expect(parseJsonPrefix(`[${text}]`).error?.message).toContain('deeper than 1000 levels');
  });

  it('reads a stream nested 100,000 deep only up to the limit and ignores the rest', () => {
    const parser = new IncrementalJsonParser();
    const depth = 100_000;
    let snapshots = 0;
    for (let start = 0; start < depth; start += 4) {
      parser.write('[[[['.slice(0, Math.min(4, depth - start)));
      if (parser.error === undefined) {
        parser.snapshot();
        snapshots += 1;
      }
    }
    expect(parser.error).toBeInstanceOf(JsonDepthError);
    expect((parser.error as JsonDepthError).position).toBe(maxJsonDepth);
    expect(snapshots).toBe(maxJsonDepth / 4);
  });
});
