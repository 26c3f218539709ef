import type { JSONSchema } from '../spec/json-value.js';

const marker = Symbol.for('fantasy-ts.json-schema');

/** A plain JSON Schema tagged with the TypeScript type of the values it describes. */
export interface TypedJSONSchema<T> {
  readonly [marker]: true;
  readonly jsonSchema: JSONSchema;
  /** Phantom field carrying the type; never set. */
  readonly _type?: T;
}

/**
 * Wraps a plain JSON Schema so helpers can infer `T`. Values are validated against the schema itself.
 *
 * @example
 * const person = jsonSchema<{ name: string }>({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
 */
export function jsonSchema<T = unknown>(schema: JSONSchema): TypedJSONSchema<T> {
  return { [marker]: true, jsonSchema: schema };
}

/** True for a value made by `jsonSchema()`. */
export function isTypedJSONSchema(value: unknown): value is TypedJSONSchema<unknown> {
  return typeof value === 'object' && value !== null && marker in value;
}
