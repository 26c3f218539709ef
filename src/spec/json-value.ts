/** Any value JSON can carry. */
export type JSONValue = null | string | number | boolean | JSONObject | JSONValue[];

/** A JSON object. */
export interface JSONObject {
  [key: string]: JSONValue | undefined;
}

/**
 * A JSON Schema (draft 2020-12 / draft-07 subset that providers accept). Only the common keywords are
 * typed; any other keyword passes through unchanged.
 */
export interface JSONSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JSONSchema>;
  required?: string[];
  items?: JSONSchema | JSONSchema[];
  enum?: unknown[];
  additionalProperties?: boolean | JSONSchema;
  anyOf?: JSONSchema[];
  [keyword: string]: unknown;
}
