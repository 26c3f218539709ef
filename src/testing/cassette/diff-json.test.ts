import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffJson } from './diff-json.js';
import { jsonEqual } from './match-request.js';

describe('diffJson', () => {
  it('names changed values and missing keys by JSON path', () => {
    const recorded = { messages: [{ role: 'user', content: 'x' }], tools: [] };
    const actual = { messages: [{ role: 'user', content: 'y' }], extra: 1 };
    expect(diffJson(recorded, actual)).toEqual([
      { path: '$.messages[0].content', kind: 'changed', recorded: 'x', actual: 'y' },
      { path: '$.tools', kind: 'missing-in-actual', recorded: [] },
      { path: '$.extra', kind: 'missing-in-recorded', actual: 1 },
    ]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(diffJson({ 'a b': 1 }, { 'a b': 2 })[0]?.path).toBe('$["a b"]');
  });

  it('reports extra array items as missing on the shorter side', () => {
    expect(diffJson([1, 2, 3], [1, 2])).toEqual([{ path: '$[2]', kind: 'missing-in-actual', recorded: 3 }]);
  });

  it('treats null and a missing key as different', () => {
    expect(diffJson({ a: null }, {})).toEqual([{ path: '$.a', kind: 'missing-in-actual', recorded: null }]);
  });

  it('finds no difference exactly when the matcher calls two JSON values equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (left, right) => {
        expect(diffJson(left, right).length === 0).toBe(jsonEqual(left, right));
        expect(diffJson(left, structuredClone(left))).toEqual([]);
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });
});
