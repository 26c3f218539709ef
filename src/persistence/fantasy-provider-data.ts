import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { setOwnEntry } from '../json/set-own-entry.js';
import type { JSONObject } from '../spec/json-value.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import {
  type FantasyProviderDataType,
  fantasyProviderDataType,
  fantasyTypesByProviderKey,
} from './fantasy-provider-data-types.js';
import { fromGoValue, sameKey, toGoValue } from './fantasy-value.js';
import { camelToSnake, snakeToCamel } from './part-fields.js';
import { childContext, failAt, type ReadContext, readRecord, readString } from './read-value.js';

/** Options of the writers of Fantasy's (Go) JSON. */
export interface FantasyJSONOptions {
  /**
   * Provider keys Fantasy does not know, mapped to the key whose types they hold: an OpenAI-compatible
   * provider named `xai` keeps its options under `xai`, as `openai-compat` types.
   * @example { xai: 'openai-compat', groq: 'openai-compat' }
   */
  providerKeys?: Record<string, string>;
  /**
   * `'omit'` leaves approval parts out (and messages left empty by that), for Go programs: Fantasy has no
   * approval types and rejects them. Only do this for a history whose approvals have all been answered and
   * resumed; a pending call would reach Go without its request. @default 'keep'
   */
  approvals?: 'keep' | 'omit';
}

/** Options or metadata: decides the type of a value whose fields fit both. */
export type ProviderDataKind = FantasyProviderDataType['kind'];

/**
 * Remembers, on data read from Go JSON, the type id it had, so that writing it back picks the same type even
 * where the fields alone cannot tell (chat options and Responses options share most of theirs). Not
 * enumerable: providers and JSON never see it.
 */
const typeIdHint = Symbol.for('fantasy-ts.fantasy-type-id');

/** Provider options or metadata as Fantasy writes them: `{ "<key>": { "type": "<typeID>", "data": {...} } }`. */
export function providerDataToFantasy(
  data: ProviderOptions | undefined,
  context: { kind: ProviderDataKind; path: string; options: FantasyJSONOptions },
): JSONObject | undefined {
  if (data === undefined || Object.keys(data).length === 0) return undefined;
  const envelopes: JSONObject = {};
  for (const [key, value] of Object.entries(data)) {
    const type = chooseType(key, value, { ...context, path: `${context.path}.${key}` });
    envelopes[key] = { type: type.typeId, data: toGoData(type, value) };
  }
  return envelopes;
}

/** Reads `{ "<key>": { type, data } }`; an unknown type id fails with "unknown provider data type". */
export function providerDataFromFantasy(value: unknown, context: ReadContext): ProviderOptions | undefined {
  if (value === undefined || value === null) return undefined;
  const entries = Object.entries(readRecord(value, context));
  if (entries.length === 0) return undefined;
  const data: ProviderOptions = {};
  for (const [key, entry] of entries) setOwnEntry(data, key, readEnvelope(entry, childContext(context, key)));
  return data;
}

function readEnvelope(entry: unknown, context: ReadContext): Record<string, unknown> {
  const envelope = readRecord(entry, context);
  const typeId = readString(envelope.type, childContext(context, 'type'));
  const type = fantasyProviderDataType(typeId) ?? failAt(context, `unknown provider data type: ${typeId}`);
  const data = envelope.data === null || envelope.data === undefined ? {} : envelope.data;
  const dataContext = childContext(context, 'data');
  const fields = fromGoData(type, readRecord(data, dataContext), dataContext);
  Object.defineProperty(fields, typeIdHint, { value: typeId, enumerable: false });
  return fields;
}

function toGoData(type: FantasyProviderDataType, value: Record<string, unknown>): JSONObject {
  const data: JSONObject = {};
  for (const [field, item] of Object.entries(value)) {
    const converted = toGoValue(item, type.verbatim?.includes(field) ? sameKey : camelToSnake);
    if (converted !== undefined) data[type.renames?.[field] ?? camelToSnake(field)] = converted;
  }
  return data;
}

function fromGoData(
  type: FantasyProviderDataType,
  data: Record<string, unknown>,
  context: ReadContext,
): Record<string, unknown> {
  const fieldsByWire = new Map(Object.entries(type.renames ?? {}).map(([field, wire]) => [wire, field]));
  const fields: Record<string, unknown> = {};
  for (const [wire, item] of Object.entries(data)) {
    if (item === null) continue;
    const field = fieldsByWire.get(wire) ?? snakeToCamel(wire);
    const converted = type.verbatim?.includes(field)
      ? item
      : fromGoValue(item, snakeToCamel, childContext(context, wire));
    setOwnEntry(fields, field, converted);
  }
  return fields;
}

/**
 * The Go type a value is written as: the one it was read as, else the type of its key that knows the most of
 * its fields (ties go to the kind the value sits in, then to the table's order). Fields of another type of
 * the same key cannot travel in one Go value, so they fail rather than being dropped.
 */
function chooseType(
  key: string,
  value: Record<string, unknown>,
  context: { kind: ProviderDataKind; path: string; options: FantasyJSONOptions },
): FantasyProviderDataType {
  const candidates = candidateTypes(key, context);
  const hinted = (value as { [typeIdHint]?: string })[typeIdHint];
  const hintedType = candidates.find((type) => type.typeId === hinted);
  if (hintedType) return hintedType;
  const fields = Object.keys(value).filter((field) => value[field] !== undefined);
  const score = (type: FantasyProviderDataType) =>
    fields.filter((field) => type.fields.includes(field)).length * 2 + (type.kind === context.kind ? 1 : 0);
  const best = candidates.reduce((chosen, type) => (score(type) > score(chosen) ? type : chosen));
  const strays = fields.filter(
    (field) => !best.fields.includes(field) && candidates.some((type) => type.fields.includes(field)),
  );
  if (strays.length > 0) {
    throw new InvalidArgumentError({
      argument: context.path,
      message: `${context.path} mixes fields of ${best.typeId} with ${strays.join(', ')}, which belong to another Fantasy type; Fantasy keeps one type per provider key`,
    });
  }
  return best;
}

function candidateTypes(
  key: string,
  context: { path: string; options: FantasyJSONOptions },
): FantasyProviderDataType[] {
  const family = context.options.providerKeys?.[key] ?? key;
  const typeIds = Object.hasOwn(fantasyTypesByProviderKey, family)
    ? fantasyTypesByProviderKey[family]
    : undefined;
  if (typeIds === undefined) {
    throw new InvalidArgumentError({
      argument: context.path,
      message: `Fantasy (Go) has no types for provider key "${key}"; map it to one of ${Object.keys(fantasyTypesByProviderKey).join(', ')} with providerKeys, e.g. { providerKeys: { ${JSON.stringify(key)}: 'openai-compat' } }`,
    });
  }
  return typeIds.map((typeId) => fantasyProviderDataType(typeId)!);
}
