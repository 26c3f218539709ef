import { Validator } from '@cfworker/json-schema';
import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import type { JSONSchema } from '../spec/json-value.js';

const validators = new WeakMap<JSONSchema, Validator>();

/**
 * Validates a value against a JSON Schema (draft 2020-12 semantics, which accept draft-07 schemas as
 * providers use them). Returns the issues; an empty list means valid. Validators are cached per schema object.
 */
export function validateJsonSchema(value: unknown, schema: JSONSchema): ObjectIssue[] {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = new Validator(schema as ConstructorParameters<typeof Validator>[0], '2020-12', false);
    validators.set(schema, validator);
  }
  const result = validator.validate(value);
  if (result.valid) return [];
  return result.errors
    .filter((error) => error.keyword !== 'properties' && error.keyword !== 'items')
    .map((error) => ({
      kind: 'validation',
      message: error.error,
      path: error.instanceLocation.replace(/^#/, '') || '/',
    }));
}
