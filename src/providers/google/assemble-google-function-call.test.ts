import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPartialArgs,
  parseJsonPath,
  type StreamedFunctionCall,
} from './assemble-google-function-call.js';
import type { GooglePartialArg } from './google-api.js';

function call(): StreamedFunctionCall {
  return { id: 'c', name: 'f', args: {}, openPaths: new Set() };
}

describe('parseJsonPath', () => {
  it('reads member, index and quoted selectors', () => {
    expect(parseJsonPath('$.a.b[0]')).toEqual(['a', 'b', 0]);
    expect(parseJsonPath('$[\'a b\']["c"]')).toEqual(['a b', 'c']);
    expect(parseJsonPath("$['it\\'s']")).toEqual(["it's"]);
  });

  it('refuses paths it cannot read', () => {
    expect(parseJsonPath('a.b')).toBeUndefined();
    expect(parseJsonPath('$.a..b')).toBeUndefined();
    expect(parseJsonPath('$[x]')).toBeUndefined();
  });
});

describe('applyPartialArgs', () => {
  it('joins the string pieces of a path and sets numbers, booleans and nulls', () => {
    const streamed = call();
    applyPartialArgs(streamed, [{ jsonPath: '$.q', stringValue: 'ab', willContinue: true }]);
    applyPartialArgs(streamed, [
      { jsonPath: '$.q', stringValue: 'c' },
      { jsonPath: '$.n', numberValue: 2 },
      { jsonPath: '$.list[1]', boolValue: false },
      { jsonPath: '$.none', nullValue: 'NULL_VALUE' },
    ]);
    expect(streamed.args).toEqual({ q: 'abc', n: 2, list: [undefined, false], none: null });
  });

  it('replaces a finished string instead of appending to it', () => {
    const streamed = call();
    applyPartialArgs(streamed, [{ jsonPath: '$.q', stringValue: 'old' }]);
    applyPartialArgs(streamed, [{ jsonPath: '$.q', stringValue: 'new' }]);
    expect(streamed.args).toEqual({ q: 'new' });
  });

  it('rebuilds any object of strings, whatever the pieces the strings are cut into', () => {
    const record = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 20 }), {
      maxKeys: 5,
    });
    fc.assert(
      fc.property(record, fc.array(fc.nat(), { maxLength: 6 }), (value, cuts) => {
        const streamed = call();
        for (const [key, text] of Object.entries(value)) {
          const path = `$['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))]
            .filter((point) => point < text.length)
            .sort((a, b) => a - b);
          const pieces: GooglePartialArg[] = [];
          let start = 0;
          for (const point of [...points, text.length]) {
            pieces.push({
              jsonPath: path,
              stringValue: text.slice(start, point),
              willContinue: point < text.length,
            });
            start = point;
          }
          for (const piece of pieces) applyPartialArgs(streamed, [piece]);
        }
        expect(streamed.args).toEqual(value);
      }),
      { seed: 22, numRuns: 200 },
    );
  });
});
