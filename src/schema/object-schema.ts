import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import type { JSONSchema } from '../spec/json-value.js';
import type { FromJSONSchema } from './from-json-schema.js';
import { isTypedJSONSchema, type TypedJSONSchema } from './json-schema-wrapper.js';
import { isStandardSchema, type StandardSchemaV1 } from './standard-schema.js';
import { validateJsonSchema } from './validate-json-schema.js';

/** Anything that describes an object: a Standard Schema, a `jsonSchema()` wrapper, or a plain JSON Schema. */
export type SchemaInput<T = unknown> = StandardSchemaV1<unknown, T> | TypedJSONSchema<T> | JSONSchema;

/** The TypeScript type a schema input describes. */
export type InferSchema<S> =
  S extends StandardSchemaV1<unknown, infer T>
    ? T
    : S extends TypedJSONSchema<infer T>
      ? T
      : S extends JSONSchema
        ? FromJSONSchema<S>
        : unknown;

/** A schema made uniform: the JSON Schema to send, and a validator that returns the typed value or issues. */
export interface ObjectSchema<T = unknown> {
  jsonSchema: JSONSchema;
  validate(value: unknown): Promise<{ value: T; issues?: undefined } | { issues: ObjectIssue[] }>;
}

/**
 * Normalizes a schema input. Standard Schemas give their JSON Schema through the Standard JSON Schema
 * extension (`~standard.jsonSchema`) and validate with their own validator; JSON Schemas validate with the
 * built-in JSON Schema validator.
 */
export function toObjectSchema<T>(schema: SchemaInput<T>): ObjectSchema<T> {
  if (isStandardSchema(schema)) return fromStandardSchema(schema as StandardSchemaV1<unknown, T>);
  const json = isTypedJSONSchema(schema) ? schema.jsonSchema : (schema as JSONSchema);
  return {
    jsonSchema: json,
    async validate(value) {
      const issues = await validateJsonSchema(value, json);
      return issues.length === 0 ? { value: value as T } : { issues };
    },
  };
}

function fromStandardSchema<T>(schema: StandardSchemaV1<unknown, T>): ObjectSchema<T> {
  const standard = schema['~standard'];
  if (standard.jsonSchema === undefined) {
    throw new TypeError(
      `the ${standard.vendor} schema cannot describe itself as JSON Schema (no ~standard.jsonSchema); ` +
        'use a library version that implements Standard JSON Schema, or pass jsonSchema(...)',
    );
  }
  const { $schema: _ignored, ...jsonSchema } = standard.jsonSchema.input({ target: 'draft-07' });
  return {
    jsonSchema: jsonSchema as JSONSchema,
    async validate(value) {
      const result = await standard.validate(value);
      if (result.issues === undefined) return { value: result.value };
      return { issues: result.issues.map(toObjectIssue) };
    },
  };
}

function toObjectIssue(issue: StandardSchemaV1.Issue): ObjectIssue {
  const path = (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('/');
  return { kind: 'validation', message: issue.message, path: `/${path}` };
}
