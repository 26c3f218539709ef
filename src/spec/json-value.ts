/** Any value JSON can carry. */
export type JSONValue = null | string | number | boolean | JSONObject | JSONValue[];

/** A JSON object. */
export interface JSONObject {
  [key: string]: JSONValue | undefined;
}

/**
 * A JSON Schema (draft 2020-12 / draft-07 subset that providers accept). Only the common keywords are
 * typed; any other keyword passes through unchanged. Arrays may be readonly, so a literal declared
 * `as const` is accepted (and typed: see `jsonSchema()`).
 */
export interface JSONSchema {
  type?: string | readonly string[];
  description?: string;
  properties?: Readonly<Record<string, JSONSchema>>;
  required?: readonly string[];
  items?: JSONSchema | readonly JSONSchema[];
  enum?: readonly unknown[];
  additionalProperties?: boolean | JSONSchema;
  anyOf?: readonly JSONSchema[];
  [keyword: string]: unknown;
}
