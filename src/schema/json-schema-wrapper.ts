import type { JSONSchema } from '../spec/json-value.js';
import type { FromJSONSchema } from './from-json-schema.js';

const marker = Symbol.for('fantasy-ts.json-schema');

/** A plain JSON Schema tagged with the TypeScript type of the values it describes. */
export interface TypedJSONSchema<T> {
  readonly [marker]: true;
  readonly jsonSchema: JSONSchema;
  /** Phantom field carrying the type; never set. */
  readonly _type?: T;
}

/**
 * Wraps a plain JSON Schema so helpers can infer its type: from the schema literal itself (see
 * `FromJSONSchema`), or the `T` you give. Values are validated against the schema.
 *
 * @example
 * const person = jsonSchema({ type: 'object', properties: { name: { type: 'string' } }, required: ['name'] });
 * // TypedJSONSchema<{ name: string }>; or jsonSchema<Person>(schema) to name the type yourself
 */
export function jsonSchema<T = never, const S extends JSONSchema = JSONSchema>(
  schema: S,
): TypedJSONSchema<[T] extends [never] ? FromJSONSchema<S> : T> {
  return { [marker]: true, jsonSchema: schema };
}

/** True for a value made by `jsonSchema()`. */
export function isTypedJSONSchema(value: unknown): value is TypedJSONSchema<unknown> {
  return typeof value === 'object' && value !== null && marker in value;
}
