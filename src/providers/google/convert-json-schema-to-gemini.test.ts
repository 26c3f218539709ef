import { describe, expect, it } from 'vitest';
import { convertJsonSchemaToGemini } from './convert-json-schema-to-gemini.js';

describe('convertJsonSchemaToGemini keeps', () => {
  it('the weather tool schema of the recordings, with uppercase types', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: { location: { type: 'string', description: 'the city' } },
      required: ['location'],
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: { location: { type: 'STRING', description: 'the city' } },
      required: ['location'],
    });
    expect(dropped).toEqual([]);
  });

  it('nested objects with their own required list, arrays with items, and every scalar type', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: {
        author: {
          type: 'object',
          properties: { name: { type: 'string' }, born: { type: 'integer' } },
          required: ['name'],
        },
        genres: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 5 },
        rating: { type: 'number', minimum: 0, maximum: 5 },
        inPrint: { type: 'boolean', default: true },
      },
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        author: {
          type: 'OBJECT',
          properties: { name: { type: 'STRING' }, born: { type: 'INTEGER' } },
          required: ['name'],
        },
        genres: { type: 'ARRAY', items: { type: 'STRING' }, minItems: 1, maxItems: 5 },
        rating: { type: 'NUMBER', minimum: 0, maximum: 5 },
        inPrint: { type: 'BOOLEAN', default: true },
      },
    });
    expect(dropped).toEqual([]);
  });

  it('string enums, supported formats and string constraints', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: {
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        at: { type: 'string', format: 'date-time' },
        code: { type: 'string', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
        ratio: { type: 'number', format: 'double' },
      },
    });
    expect(schema.properties).toEqual({
      unit: { type: 'STRING', enum: ['celsius', 'fahrenheit'] },
      at: { type: 'STRING', format: 'date-time' },
      code: { type: 'STRING', pattern: '^[A-Z]{3}$', minLength: 3, maxLength: 3 },
      ratio: { type: 'NUMBER', format: 'double' },
    });
    expect(dropped).toEqual([]);
  });
});

describe('convertJsonSchemaToGemini converts', () => {
  it('a type list with null to a nullable type', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: ['string', 'null'],
      description: 'a name',
    });
    expect(schema).toEqual({ type: 'STRING', description: 'a name', nullable: true });
    expect(dropped).toEqual([]);
  });

  it('anyOf of a schema and null to that schema made nullable, keeping the outer description', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      description: 'when it happened',
      anyOf: [{ type: 'string', description: 'inner' }, { type: 'null' }],
    });
    expect(schema).toEqual({ type: 'STRING', description: 'when it happened', nullable: true });
    expect(dropped).toEqual([]);
  });

  it('a type list of several types to anyOf', () => {
    const { schema } = convertJsonSchemaToGemini({ type: ['string', 'integer'], description: 'an id' });
    expect(schema).toEqual({ description: 'an id', anyOf: [{ type: 'STRING' }, { type: 'INTEGER' }] });
  });

  it('local $refs to $defs and definitions, inlined with sibling keywords winning', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: {
        home: { $ref: '#/$defs/address', description: 'where they live' },
        work: { $ref: '#/definitions/address' },
      },
      $defs: {
        address: { type: 'object', properties: { city: { type: 'string' } }, description: 'an address' },
      },
      definitions: { address: { type: 'object', properties: { city: { type: 'string' } } } },
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        home: { type: 'OBJECT', properties: { city: { type: 'STRING' } }, description: 'where they live' },
        work: { type: 'OBJECT', properties: { city: { type: 'STRING' } } },
      },
    });
    expect(dropped).toEqual([]);
  });

  it('a string const to a one-value enum, and a missing type inferred from properties or items', () => {
    const { schema } = convertJsonSchemaToGemini({
      properties: { kind: { const: 'book' }, tags: { items: { type: 'string' } } },
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        kind: { type: 'STRING', enum: ['book'] },
        tags: { type: 'ARRAY', items: { type: 'STRING' } },
      },
    });
  });

  it('a single-member allOf merged into its parent', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      allOf: [{ type: 'integer' }],
      description: 'a count',
    });
    expect(schema).toEqual({ type: 'INTEGER', description: 'a count' });
    expect(dropped).toEqual([]);
  });

  it('oneOf to anyOf, saying exclusivity is lost', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      oneOf: [{ type: 'string' }, { type: 'number' }],
    });
    expect(schema).toEqual({ anyOf: [{ type: 'STRING' }, { type: 'NUMBER' }] });
    expect(dropped).toEqual([
      { path: '', keyword: 'oneOf', reason: 'sent as anyOf: exclusivity is not enforced' },
    ]);
  });
});

describe('convertJsonSchemaToGemini drops with a reason', () => {
  it('keywords Gemini has no equivalent for, naming where they were', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        count: { type: 'integer', enum: [1, 2, 3], multipleOf: 2 },
        extra: {
          type: 'object',
          properties: { a: { type: 'string' } },
          additionalProperties: { type: 'string' },
        },
      },
      required: ['email', 'missing'],
      not: { required: ['count'] },
    });
    expect(schema).toEqual({
      type: 'OBJECT',
      properties: {
        email: { type: 'STRING' },
        count: { type: 'INTEGER' },
        extra: { type: 'OBJECT', properties: { a: { type: 'STRING' } } },
      },
      required: ['email'],
    });
    expect(dropped.map(({ path, keyword }) => `${path || '/'} ${keyword}`)).toEqual([
      '/ not',
      '/properties/email format',
      '/properties/count multipleOf',
      '/properties/count enum',
      '/properties/extra additionalProperties',
      '/ required',
    ]);
  });

  it('additionalProperties false and meta keywords silently', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'person',
      type: 'object',
      properties: { name: { type: 'string' } },
      additionalProperties: false,
    });
    expect(schema).toEqual({ type: 'OBJECT', properties: { name: { type: 'STRING' } } });
    expect(dropped).toEqual([]);
  });

  it('a recursive $ref, cut to an object without properties', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: { name: { type: 'string' }, child: { $ref: '#' } },
    });
    expect(schema.properties?.child).toEqual({
      type: 'OBJECT',
      properties: { name: { type: 'STRING' }, child: { type: 'OBJECT' } },
    });
    expect(dropped).toEqual([
      {
        path: '/properties/child/properties/child',
        keyword: '$ref',
        reason: expect.stringContaining('recursive'),
      },
    ]);
  });

  it('an untyped schema and an unknown type, sent as STRING', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: { anything: {}, when: { type: 'date' } },
    });
    expect(schema.properties).toEqual({ anything: { type: 'STRING' }, when: { type: 'STRING' } });
    expect(dropped.map((entry) => entry.keyword)).toEqual(['type', 'type']);
  });

  it('tuple items, kept as anyOf of the positions', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'array',
      prefixItems: [{ type: 'number' }, { type: 'string' }],
    });
    expect(schema).toEqual({ type: 'ARRAY', items: { anyOf: [{ type: 'NUMBER' }, { type: 'STRING' }] } });
    expect(dropped).toEqual([
      { path: '', keyword: 'prefixItems', reason: 'tuple positions are not enforced' },
    ]);
  });

  it('an allOf of several schemas, keeping only the siblings', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      description: 'both',
      allOf: [{ type: 'object' }, { type: 'object' }],
      type: 'object',
      properties: { a: { type: 'string' } },
    });
    expect(schema).toEqual({ type: 'OBJECT', description: 'both', properties: { a: { type: 'STRING' } } });
    expect(dropped.map((entry) => entry.keyword)).toEqual(['allOf']);
  });

  it('an unresolvable $ref, sent as STRING', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({ $ref: 'https://example.com/schema.json' });
    expect(schema).toEqual({ type: 'STRING' });
    expect(dropped[0]?.keyword).toBe('$ref');
  });
});
