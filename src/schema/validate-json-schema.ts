import type { Validator } from '@cfworker/json-schema';
import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import type { JSONSchema } from '../spec/json-value.js';

const validators = new WeakMap<JSONSchema, Validator>();
/** Loaded on first use, so importing a provider does not pay for the validator. */
let validatorModule: Promise<typeof import('@cfworker/json-schema')> | undefined;

/**
 * Validates a value against a JSON Schema (draft 2020-12 semantics, which accept draft-07 schemas as
 * providers use them). Returns the issues; an empty list means valid. Validators are cached per schema object.
 */
export async function validateJsonSchema(value: unknown, schema: JSONSchema): Promise<ObjectIssue[]> {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validatorModule ??= import('@cfworker/json-schema');
    const { Validator } = await validatorModule;
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
