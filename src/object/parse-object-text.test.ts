import { describe, expect, it } from 'vitest';
import { NoObjectGeneratedError } from '../errors/no-object-generated-error.js';
import type { JSONSchema } from '../spec/json-value.js';
import { parseObjectText } from './parse-object-text.js';

const schema: JSONSchema = {
  type: 'object',
  properties: { city: { type: 'string' }, rank: { type: 'number' } },
  required: ['city'],
};

describe('parseObjectText', () => {
  it('finds the object the schema accepts in an answer wrapped in prose, with comments and Python literals', async () => {
    const text =
      'Options were [1, 2]. Here it is:\n```json\n{"city": "Lisbon", // capital\n "rank": 1_000, "big": True}\n```\nAnything else?';
    const { object, rawText } = await parseObjectText({ text, schema });
    expect(object).toEqual({ city: 'Lisbon', rank: 1000, big: true });
    expect(rawText).toBe(text);
  });

  it('keeps the complete entries of an answer cut by the token limit', async () => {
    const { object } = await parseObjectText({
      text: '{"city": "Porto", "rank": 2, "note": "unfini',
      schema,
    });
    expect(object).toEqual({ city: 'Porto', rank: 2 });
  });

  it('reports text nested deeper than maxJsonDepth as a parse issue, not a stack overflow', async () => {
    const text = `{"city":"x","deep":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const failure = await parseObjectText({ text, schema }).catch((error: unknown) => error);
    expect(NoObjectGeneratedError.isInstance(failure)).toBe(true);
    expect((failure as NoObjectGeneratedError).issues[0]?.message).toContain('deeper than 1000 levels');
  });
});
