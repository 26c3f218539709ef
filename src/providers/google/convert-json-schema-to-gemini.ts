import type { JSONSchema } from '../../spec/json-value.js';
import type { GeminiSchema } from './google-api.js';

/** A keyword of the input schema that Gemini cannot take, and what became of it. */
export interface DroppedSchemaKeyword {
  /** JSON pointer of the schema that held it, `''` for the root. */
  path: string;
  keyword: string;
  reason: string;
}

/** The converted schema and everything that did not survive the conversion. */
export interface GeminiSchemaConversion {
  schema: GeminiSchema;
  dropped: DroppedSchemaKeyword[];
}

type GeminiType = NonNullable<GeminiSchema['type']>;

const types: Record<string, GeminiType> = {
  string: 'STRING',
  number: 'NUMBER',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
  array: 'ARRAY',
  object: 'OBJECT',
  null: 'NULL',
};

/** Keywords Gemini's schema takes unchanged. */
const keptKeywords = new Set([
  'title',
  'description',
  'nullable',
  'default',
  'example',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'propertyOrdering',
]);

/** Keywords that carry no constraint for the model, dropped without a word. */
const silentKeywords = new Set(['$schema', '$id', '$comment', '$defs', 'definitions']);

/** Keywords handled by the converter itself. */
const structuralKeywords = new Set([
  'type',
  'properties',
  'required',
  'items',
  'prefixItems',
  'enum',
  'const',
  'format',
  'anyOf',
  'oneOf',
  'allOf',
  '$ref',
  'additionalProperties',
]);

/** Formats Gemini accepts, per type; others are dropped. */
const formats: Partial<Record<GeminiType, Set<string>>> = {
  STRING: new Set(['enum', 'date-time']),
  NUMBER: new Set(['float', 'double']),
  INTEGER: new Set(['int32', 'int64']),
};

interface Context {
  root: JSONSchema;
  dropped: DroppedSchemaKeyword[];
  /** `$ref`s being expanded, to stop recursion. */
  expanding: Set<string>;
}

/**
 * Converts a JSON Schema to the OpenAPI-style subset Gemini function declarations accept: uppercase `type`,
 * `nullable` instead of a `null` type or an `anyOf` with `null`, local `$ref`s inlined, `const` as a one-value
 * `enum`, `oneOf` as `anyOf`. Everything Gemini cannot take (`additionalProperties`, `not`, conditionals,
 * non-string enums, unknown formats, recursive references...) is dropped and listed in `dropped`, so the
 * caller can warn; `additionalProperties: false` and meta keywords (`$schema`, `$id`) go silently.
 *
 * @example
 * const { schema, dropped } = convertJsonSchemaToGemini({ type: 'object', properties: { city: { type: 'string' } } });
 * // schema: { type: 'OBJECT', properties: { city: { type: 'STRING' } } }
 */
export function convertJsonSchemaToGemini(schema: JSONSchema): GeminiSchemaConversion {
  const context: Context = { root: schema, dropped: [], expanding: new Set() };
  return { schema: convertNode(schema, '', context), dropped: context.dropped };
}

function convertNode(input: unknown, path: string, context: Context): GeminiSchema {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    drop(context, path, 'schema', 'a schema that accepts anything cannot be expressed; sent as STRING');
    return { type: 'STRING' };
  }
  const node = input as JSONSchema;
  if (typeof node.$ref === 'string') return convertReference(node, path, context);
  const alternatives = node.anyOf ?? node.oneOf;
  if (Array.isArray(alternatives)) return convertAlternatives(node, alternatives, path, context);
  if (Array.isArray(node.allOf)) return convertAllOf(node, node.allOf, path, context);
  if (Array.isArray(node.type)) return convertTypeList(node, node.type, path, context);
  return convertSingle(node, path, context);
}

/** A schema with one (or no) type: the common case. */
function convertSingle(node: JSONSchema, path: string, context: Context): GeminiSchema {
  const type = resolveType(node, path, context);
  const result: GeminiSchema = type === undefined ? {} : { type };
  for (const [keyword, value] of Object.entries(node)) {
    if (keptKeywords.has(keyword)) result[keyword] = value;
    else if (!structuralKeywords.has(keyword) && !silentKeywords.has(keyword)) {
      drop(context, path, keyword, 'not supported by Gemini');
    }
  }
  convertFormat(node, type, result, path, context);
  convertEnum(node, type, result, path, context);
  convertObjectKeywords(node, result, path, context);
  convertItems(node, result, path, context);
  return result;
}

function resolveType(node: JSONSchema, path: string, context: Context): GeminiType | undefined {
  if (typeof node.type === 'string') {
    const type = types[node.type];
    if (type !== undefined) return type;
    drop(context, path, 'type', `unknown type ${JSON.stringify(node.type)}; sent as STRING`);
    return 'STRING';
  }
  if (node.properties !== undefined) return 'OBJECT';
  if (node.items !== undefined || node.prefixItems !== undefined) return 'ARRAY';
  if (node.enum !== undefined || typeof node.const === 'string') return 'STRING';
  drop(context, path, 'type', 'missing; Gemini needs one, sent as STRING');
  return 'STRING';
}

function convertFormat(
  node: JSONSchema,
  type: GeminiType | undefined,
  result: GeminiSchema,
  path: string,
  context: Context,
): void {
  if (node.format === undefined) return;
  if (type !== undefined && typeof node.format === 'string' && formats[type]?.has(node.format)) {
    result.format = node.format;
    return;
  }
  drop(
    context,
    path,
    'format',
    `format ${JSON.stringify(node.format)} is not supported for ${type ?? 'this'} type`,
  );
}

function convertEnum(
  node: JSONSchema,
  type: GeminiType | undefined,
  result: GeminiSchema,
  path: string,
  context: Context,
): void {
  const values = node.const !== undefined ? [node.const] : node.enum;
  if (values === undefined) return;
  const keyword = node.const !== undefined ? 'const' : 'enum';
  if (type === 'STRING' && Array.isArray(values) && values.every((value) => typeof value === 'string')) {
    result.enum = values as string[];
    return;
  }
  drop(context, path, keyword, 'Gemini takes enums of strings only');
}

function convertObjectKeywords(node: JSONSchema, result: GeminiSchema, path: string, context: Context): void {
  const additional = node.additionalProperties;
  if (additional !== undefined && additional !== false) {
    drop(context, path, 'additionalProperties', 'Gemini objects cannot take extra properties');
  }
  if (typeof node.properties === 'object' && node.properties !== null) {
    result.properties = {};
    for (const [name, child] of Object.entries(node.properties)) {
      result.properties[name] = convertNode(child, `${path}/properties/${escapePointer(name)}`, context);
    }
  }
  if (!Array.isArray(node.required) || node.required.length === 0) return;
  const known = node.required.filter((name) => result.properties?.[name] !== undefined);
  if (known.length < node.required.length) {
    drop(context, path, 'required', 'names a property the schema does not define');
  }
  if (known.length > 0) result.required = known;
}

function convertItems(node: JSONSchema, result: GeminiSchema, path: string, context: Context): void {
  const tuple = Array.isArray(node.items)
    ? node.items
    : Array.isArray(node.prefixItems)
      ? node.prefixItems
      : undefined;
  if (tuple !== undefined) {
    drop(
      context,
      path,
      Array.isArray(node.items) ? 'items' : 'prefixItems',
      'tuple positions are not enforced',
    );
    const members = tuple.map((item, index) => convertNode(item, `${path}/items/${index}`, context));
    result.items = members.length === 1 ? members[0]! : { anyOf: members };
    return;
  }
  if (node.items !== undefined) result.items = convertNode(node.items, `${path}/items`, context);
}

/** `type: ['string', 'null']` → nullable STRING; several non-null types → `anyOf`. */
function convertTypeList(node: JSONSchema, list: string[], path: string, context: Context): GeminiSchema {
  const nonNull = list.filter((type) => type !== 'null');
  const nullable = nonNull.length < list.length ? { nullable: true } : {};
  if (nonNull.length <= 1) {
    const type = nonNull[0] ?? 'null';
    return { ...convertSingle({ ...node, type }, path, context), ...nullable };
  }
  const { description, title, ...rest } = node;
  const anyOf = nonNull.map((type) => convertSingle({ ...rest, type }, path, context));
  return { ...annotations(description, title), anyOf, ...nullable };
}

/** `anyOf`/`oneOf`: a `null` member becomes `nullable`; a single remaining member is merged into the node. */
function convertAlternatives(
  node: JSONSchema,
  members: unknown[],
  path: string,
  context: Context,
): GeminiSchema {
  const keyword = node.anyOf !== undefined ? 'anyOf' : 'oneOf';
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = node;
  const nonNull = members.filter((member) => !isNullSchema(member));
  const nullable = nonNull.length < members.length ? { nullable: true } : {};
  if (nonNull.length === 1) {
    return { ...convertNode({ ...(nonNull[0] as JSONSchema), ...rest }, path, context), ...nullable };
  }
  if (keyword === 'oneOf') drop(context, path, 'oneOf', 'sent as anyOf: exclusivity is not enforced');
  const { description, title, ...others } = rest;
  for (const other of Object.keys(others)) {
    if (!silentKeywords.has(other)) drop(context, path, other, `not supported beside ${keyword}`);
  }
  const anyOf = nonNull.map((member, index) => convertNode(member, `${path}/${keyword}/${index}`, context));
  return { ...annotations(description, title), anyOf, ...nullable };
}

function convertAllOf(node: JSONSchema, members: unknown[], path: string, context: Context): GeminiSchema {
  const { allOf: _allOf, ...rest } = node;
  if (members.length === 1) return convertNode({ ...rest, ...(members[0] as JSONSchema) }, path, context);
  drop(context, path, 'allOf', 'Gemini cannot combine schemas; only the sibling keywords were kept');
  return convertNode(rest, path, context);
}

/** Inlines `#`, `#/$defs/…` and `#/definitions/…`; sibling keywords win over the target's. */
function convertReference(node: JSONSchema, path: string, context: Context): GeminiSchema {
  const reference = node.$ref as string;
  const { $ref: _ref, ...siblings } = node;
  const target = resolvePointer(context.root, reference);
  if (target === undefined) {
    drop(context, path, '$ref', `cannot resolve ${reference}; sent as STRING`);
    return convertNode({ type: 'string', ...siblings }, path, context);
  }
  if (context.expanding.has(reference)) {
    drop(context, path, '$ref', `recursive reference ${reference} cut; sent as an object without properties`);
    return { type: 'OBJECT', ...annotations(siblings.description, siblings.title) };
  }
  context.expanding.add(reference);
  const converted = convertNode({ ...(target as JSONSchema), ...siblings }, path, context);
  context.expanding.delete(reference);
  return converted;
}

function resolvePointer(root: JSONSchema, reference: string): unknown {
  if (!reference.startsWith('#')) return undefined;
  let current: unknown = root;
  for (const token of reference.slice(1).split('/').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

function isNullSchema(member: unknown): boolean {
  return typeof member === 'object' && member !== null && (member as JSONSchema).type === 'null';
}

function annotations(description: unknown, title: unknown): GeminiSchema {
  return {
    ...(typeof description === 'string' ? { description } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  };
}

function drop(context: Context, path: string, keyword: string, reason: string): void {
  context.dropped.push({ path, keyword, reason });
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}
