import { describe, expect, expectTypeOf, it } from 'vitest';
import { generateObject } from '../object/generate-object.js';
import type { JSONSchema } from '../spec/json-value.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { FromJSONSchema } from './from-json-schema.js';
import { jsonSchema } from './json-schema-wrapper.js';
import type { InferSchema } from './object-schema.js';

const person = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    age: { type: 'integer' },
    tags: { type: 'array', items: { type: 'string' } },
    role: { enum: ['admin', 'user'] },
    nickname: { type: ['string', 'null'] },
    address: {
      type: 'object',
      properties: { city: { type: 'string' }, zip: { type: 'string', nullable: true } },
      required: ['city'],
    },
    contact: { anyOf: [{ type: 'string' }, { type: 'object', properties: { email: { type: 'string' } } }] },
    kind: { const: 'person' },
    pair: { type: 'array', items: [{ type: 'number' }, { type: 'boolean' }] },
  },
  required: ['name', 'age', 'role'],
} as const;

type Person = {
  name: string;
  age: number;
  role: 'admin' | 'user';
  tags?: string[];
  nickname?: string | null;
  address?: { city: string; zip?: string | null };
  contact?: string | { email?: string };
  kind?: 'person';
  pair?: [number, boolean];
};

describe('JSON Schema literals typed without zod', () => {
  it('maps objects, arrays, enums, required and optional keys, nullable and anyOf to a type', () => {
    expectTypeOf<FromJSONSchema<typeof person>>().toEqualTypeOf<Person>();
    expectTypeOf<FromJSONSchema<{ type: 'number' }>>().toEqualTypeOf<number>();
    expectTypeOf<FromJSONSchema<{ type: 'object' }>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<FromJSONSchema<{ type: 'array' }>>().toEqualTypeOf<unknown[]>();
    expectTypeOf<FromJSONSchema<JSONSchema>>().toEqualTypeOf<unknown>();
    expectTypeOf<InferSchema<typeof person>>().toEqualTypeOf<Person>();
  });

  it('accepts a schema declared as const, with readonly arrays, and infers jsonSchema()', () => {
    const wrapped = jsonSchema(person);
    expectTypeOf(wrapped).toEqualTypeOf<import('./json-schema-wrapper.js').TypedJSONSchema<Person>>();
    const inline = jsonSchema({ type: 'object', properties: { id: { type: 'number' } }, required: ['id'] });
    expectTypeOf<InferSchema<typeof inline>>().toEqualTypeOf<{ id: number }>();
    const named = jsonSchema<{ id: number }>({ type: 'object' });
    expectTypeOf<InferSchema<typeof named>>().toEqualTypeOf<{ id: number }>();
    expect(wrapped.jsonSchema).toBe(person);
  });

  it('types and validates generateObject with a plain as-const schema', async () => {
    const text = JSON.stringify({ name: 'Ada', age: 36, role: 'admin' });
    const model = new MockLanguageModel({
      generateObject: {
        object: JSON.parse(text),
        rawText: text,
        usage: {} as never,
        finishReason: 'stop',
        warnings: [],
      },
    });
    const { object } = await generateObject({ model, schema: person, prompt: 'Ada' });
    expectTypeOf(object).toEqualTypeOf<Person>();
    expect(object.name).toBe('Ada');
    const invalid = new MockLanguageModel({
      generateObject: {
        object: { name: 'Ada' },
        rawText: '{}',
        usage: {} as never,
        finishReason: 'stop',
        warnings: [],
      },
    });
    await expect(generateObject({ model: invalid, schema: person, prompt: 'Ada' })).rejects.toThrow(
      /age|required/,
    );
  });
});
