import { describe, expect, it } from 'vitest';
import type { JSONSchema } from '../spec/json-value.js';
import { normalizeSchema } from './normalize-schema.js';

describe('normalizeSchema', () => {
  it('turns a type array into anyOf and keeps the other keywords', () => {
    expect(normalizeSchema({ type: ['string', 'null'], description: 'a name' })).toEqual({
      description: 'a name',
      anyOf: [{ type: 'string' }, { type: 'null' }],
    });
  });

  it('gives the array variant of a type array its items, or {}', () => {
    expect(normalizeSchema({ type: ['array', 'null'] })).toEqual({
      anyOf: [{ type: 'array', items: {} }, { type: 'null' }],
    });
    expect(normalizeSchema({ type: ['array', 'string'], items: { type: 'number' } })).toEqual({
      anyOf: [{ type: 'array', items: { type: 'number' } }, { type: 'string' }],
    });
  });

  it('gives a bare array items {}', () => {
    expect(normalizeSchema({ type: 'array' })).toEqual({ type: 'array', items: {} });
  });

  it('recurses into properties, items and anyOf lists', () => {
    const schema: JSONSchema = {
      type: 'object',
      properties: {
        tags: { type: 'array' },
        nested: { anyOf: [{ type: ['integer', 'null'] }], items: [{ type: 'array' }] },
      },
    };
    expect(normalizeSchema(schema)).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: {} },
        nested: {
          anyOf: [{ anyOf: [{ type: 'integer' }, { type: 'null' }] }],
          items: [{ type: 'array', items: {} }],
        },
      },
    });
  });

  it('leaves data keywords such as enum and default alone', () => {
    const schema: JSONSchema = { type: 'object', default: { type: ['a', 'b'] }, enum: [{ type: 'array' }] };
    expect(normalizeSchema(schema)).toEqual(schema);
  });

  it('never mutates the input', () => {
    const schema: JSONSchema = { type: 'object', properties: { list: { type: ['array', 'null'] } } };
    const copy = structuredClone(schema);
    normalizeSchema(schema);
    expect(schema).toEqual(copy);
  });
});
