import type { JSONSchema } from '../spec/json-value.js';

/** Keywords whose values are data, not schemas: never rewritten. */
const dataKeywords = new Set(['enum', 'const', 'default', 'examples', 'example']);

/**
 * Rewrites a JSON Schema for providers that reject type arrays (OpenAI), like Fantasy's `schema.Normalize`:
 * `type: ['string', 'null']` becomes `anyOf: [{ type: 'string' }, { type: 'null' }]`, and an array schema
 * without `items` gets `items: {}`. Recurses into every nested schema. Returns a new schema; the input is
 * never mutated.
 */
export function normalizeSchema(schema: JSONSchema): JSONSchema {
  return normalizeNode(schema) as JSONSchema;
}

function normalizeNode(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNode);
  if (typeof node !== 'object' || node === null) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    result[key] = dataKeywords.has(key) ? value : normalizeNode(value);
  }
  return normalizeType(result);
}

function normalizeType(node: Record<string, unknown>): Record<string, unknown> {
  const { type } = node;
  if (Array.isArray(type)) {
    if (type.length === 1) return normalizeType({ ...node, type: type[0] });
    const { type: _type, items, ...rest } = node;
    const anyOf = type.map((variant) =>
      variant === 'array' ? { type: variant, items: items ?? {} } : { type: variant },
    );
    return { ...rest, anyOf: [...((rest.anyOf as unknown[] | undefined) ?? []), ...anyOf] };
  }
  if (type === 'array' && node.items === undefined) return { ...node, items: {} };
  return node;
}
