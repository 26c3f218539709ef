import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertPlainPrototypes, protoObjectText } from '../../test/support/proto-json.js';
import type { JSONSchema } from '../spec/json-value.js';
import { maxRepairLength, repairJson, scanCandidates } from './repair-json.js';

const seed = 20_261_202;

/** How a value is rendered: the slips models make, each on or off. */
interface Style {
  python: boolean;
  underscores: boolean;
  missingNulls: boolean;
  comment: string;
}

/** Renders `value` as JSON with the style's corruptions, which a repair must undo exactly. */
function render(value: unknown, style: Style): string {
  const gap = style.comment;
  if (value === null) return style.python ? 'None' : 'null';
  if (typeof value === 'boolean') return style.python ? (value ? 'True' : 'False') : String(value);
  if (typeof value === 'number') return renderNumber(value, style);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    const last = value.length - 1;
    const items = value.map((item, index) =>
      style.missingNulls && item === null && index < last ? '' : render(item, style),
    );
    return `[${gap}${items.join(`,${gap}`)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>).map(
    ([key, item]) =>
      `${JSON.stringify(key)}:${gap}${style.missingNulls && item === null ? '' : render(item, style)}`,
  );
  return `{${gap}${entries.join(`,${gap}`)}}`;
}

function renderNumber(value: number, style: Style): string {
  const text = JSON.stringify(value);
  if (!style.underscores || !Number.isSafeInteger(value) || Math.abs(value) < 1000) return text;
  return text.replace(/\B(?=(\d{3})+$)/g, '_');
}

const style: fc.Arbitrary<Style> = fc.record({
  python: fc.boolean(),
  underscores: fc.boolean(),
  missingNulls: fc.boolean(),
  comment: fc.constantFrom('', ' // a note\n', ' /* a note */ ', ' # a note\n', '\n  '),
});

const wrappings: [string, (json: string) => string][] = [
  ['bare', (json) => json],
  [
    'in a ```json fence with prose around it',
    (json) => `Here you go:\n\`\`\`json\n${json}\n\`\`\`\nLet me know!`,
  ],
  ['in prose, unfenced', (json) => `Sure! ${json} Hope this helps.`],
  ['followed by another value', (json) => `${json}\n{"second": true}`],
  ['followed by stray closing brackets', (json) => `${json}]}`],
];

/** A top-level object or array (the shapes found in prose), normalised through JSON. */
const container = fc
  .oneof(
    fc.array(fc.jsonValue(), { maxLength: 5 }),
    fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 5 }),
  )
  .map((value) => JSON.parse(JSON.stringify(value)) as unknown);

async function repaired(text: string, schema?: JSONSchema): Promise<unknown> {
  const result = await repairJson(text, schema === undefined ? {} : { schema });
  return result === undefined ? undefined : JSON.parse(result);
}

describe('repairJson on any JSON value with the slips models make', () => {
  for (const [name, wrap] of wrappings) {
    it(`returns the value rendered with comments, Python literals, _ separators and missing values, ${name}`, async () => {
      await fc.assert(
        fc.asyncProperty(container, style, async (value, chosen) => {
          expect(await repaired(wrap(render(value, chosen)))).toEqual(value);
        }),
        { seed, numRuns: 150 },
      );
    });
  }

  it('returns the complete prefix of a value cut at any point', async () => {
    await fc.assert(
      fc.asyncProperty(
        container.filter((value) => JSON.stringify(value).length > 2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (value, fraction) => {
          const text = JSON.stringify(value);
          const at = 1 + Math.floor(fraction * (text.length - 2));
          expect(await repaired(text.slice(0, at))).toEqual(cut(value, at).value);
        },
      ),
      { seed, numRuns: 400 },
    );
  });

  it('keeps __proto__ keys as data', async () => {
    await fc.assert(
      fc.asyncProperty(protoObjectText, async (text) => {
        const value = await repaired(`Result: ${text.slice(0, -1)}, // done\n}`);
        expect(value).toEqual(JSON.parse(text));
        assertPlainPrototypes(value);
      }),
      { seed, numRuns: 150 },
    );
  });
});

/**
 * The expected repair of the first `budget` characters of `JSON.stringify(value)`: completed entries kept,
 * open containers closed, the entry being written dropped (a number counts as complete only once a
 * character follows it, since more digits could have come).
 */
function cut(value: unknown, budget: number): { value?: unknown; complete: boolean; length: number } {
  const text = JSON.stringify(value);
  if (typeof value !== 'object' || value === null) {
    const complete = typeof value === 'number' ? budget > text.length : budget >= text.length;
    return complete ? { value, complete, length: text.length } : { complete: false, length: 0 };
  }
  if (budget < 1) return { complete: false, length: 0 };
  const isArray = Array.isArray(value);
  const result: unknown[] | Record<string, unknown> = isArray ? [] : {};
  const entries: [string, unknown][] = isArray
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  let used = 1;
  for (const [index, [key, item]] of entries.entries()) {
    const prefix = (index > 0 ? ',' : '') + (isArray ? '' : `${JSON.stringify(key)}:`);
    if (budget - used < prefix.length + 1) return { value: result, complete: false, length: used };
    used += prefix.length;
    const inner = cut(item, budget - used);
    if (inner.value !== undefined || inner.complete) {
      if (isArray) (result as unknown[]).push(inner.value);
      else
        Object.defineProperty(result, key, {
          value: inner.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    if (!inner.complete) return { value: result, complete: false, length: used };
    used += inner.length;
  }
  return { value: result, complete: budget - used >= 1, length: used + 1 };
}

describe('repairJson finds the value the answer is about', () => {
  it.each([
    ['a fence after prose with brackets', 'See [1] and [2]:\n```json\n{"ok": true}\n```', { ok: true }],
    ['the first of several values', '{"a": 1} {"b": 2}', { a: 1 }],
    ['a value after text that only looks like one', 'I [think] this: {"a": 1}', { a: 1 }],
    ['single quotes and unquoted keys', "{'a': 'b', c: 1}", { a: 'b', c: 1 }],
    ['a mismatched closing bracket', '{"a": [1, 2}', { a: [1, 2] }],
    ['a literal cut short', '{"a": 1, "b": tr', { a: 1 }],
    ['a bare Python literal', 'True', true],
  ])('reads %s', async (_name, text, expected) => {
    expect(await repaired(text)).toEqual(expected);
  });

  it('takes the first value that matches the schema when one is given', async () => {
    const schema = { type: 'object', required: ['city'] };
    expect(await repaired('Options: {"x": 1}, then {"city": "Paris"}.', schema)).toEqual({ city: 'Paris' });
    expect(await repaired('Options: {"x": 1}', schema)).toBeUndefined();
  });

  it('hands what it cannot read to jsonrepair, but never turns prose into a string', async () => {
    expect(await repaired('{"a": hello}')).toEqual({ a: 'hello' });
    expect(await repairJson('no JSON here, sorry')).toBeUndefined();
  });

  it('reads every character with at most one candidate, however the brackets nest', () => {
    const texts = [
      `${'['.repeat(900)}x`.repeat(50),
      '[x'.repeat(50_000),
      '{"a":'.repeat(900) + 'oops',
      `${'{'.repeat(5000)}${'}'.repeat(5000)}`,
      'a [ b { c ['.repeat(10_000),
    ];
    for (const text of texts) {
      let read = 0;
      for (const candidate of scanCandidates(text)) read += candidate.end - candidate.start;
      expect(read).toBeLessThanOrEqual(text.length);
    }
  });

  it('abandons a value nested deeper than maxJsonDepth instead of overflowing the stack', async () => {
    const deep = `Here: ${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    expect(await repairJson(deep)).toBeUndefined();
  });

  it('gives up on text longer than maxRepairLength', async () => {
    expect(await repairJson(`{"value":"${'v'.repeat(maxRepairLength)}`)).toBeUndefined();
  });
});
