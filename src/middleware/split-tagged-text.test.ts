import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TaggedSegment, TaggedTextSplitter } from './split-tagged-text.js';

/** Feeds the chunks and joins what comes out into alternating segments. */
function split(chunks: string[], startInside = false): TaggedSegment[] {
  const splitter = new TaggedTextSplitter({ tagName: 'think', startInside });
  const segments = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
  const merged: TaggedSegment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last?.kind === segment.kind) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

const answer = '<think>Let me add 2 and 2.</think>\n\nThe answer is 4 < 5.';
const expected: TaggedSegment[] = [
  { kind: 'reasoning', text: 'Let me add 2 and 2.' },
  { kind: 'text', text: 'The answer is 4 < 5.' },
];

describe('TaggedTextSplitter', () => {
  it('splits reasoning from text and drops the blank line after the closing tag', () => {
    expect(split([answer])).toEqual(expected);
  });

  it('gives the same segments with the text cut at every offset', () => {
    for (let offset = 0; offset <= answer.length; offset++) {
      expect(split([answer.slice(0, offset), answer.slice(offset)])).toEqual(expected);
    }
  });

  it('gives the same segments for any chunking (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: answer.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, index) =>
          answer.slice(start, points[index] ?? answer.length),
        );
        expect(split(chunks)).toEqual(expected);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('keeps a lone < and text that only looks like the start of a tag', () => {
    expect(split(['a <', 'b> <thi', 'nk'])).toEqual([{ kind: 'text', text: 'a <b> <think' }]);
  });

  it('handles several reasoning blocks and text between them', () => {
    expect(split(['<think>one</think>mid<think>two</think>end'])).toEqual([
      { kind: 'reasoning', text: 'one' },
      { kind: 'text', text: 'mid' },
      { kind: 'reasoning', text: 'two' },
      { kind: 'text', text: 'end' },
    ]);
  });

  it('starts inside the tag when the server strips the opening tag', () => {
    expect(split(['plan</th', 'ink>done'], true)).toEqual([
      { kind: 'reasoning', text: 'plan' },
      { kind: 'text', text: 'done' },
    ]);
  });

  it('keeps an unclosed reasoning block as reasoning at the end', () => {
    expect(split(['<think>still going'])).toEqual([{ kind: 'reasoning', text: 'still going' }]);
  });
});
