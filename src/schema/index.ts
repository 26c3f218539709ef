export type { FromJSONSchema } from './from-json-schema.js';
export { isTypedJSONSchema, jsonSchema, type TypedJSONSchema } from './json-schema-wrapper.js';
export { normalizeSchema } from './normalize-schema.js';
export { type InferSchema, type ObjectSchema, type SchemaInput, toObjectSchema } from './object-schema.js';
export { isStandardSchema, type StandardSchemaV1 } from './standard-schema.js';
export { validateJsonSchema } from './validate-json-schema.js';
