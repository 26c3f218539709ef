import { validateJsonSchema } from '../schema/validate-json-schema.js';
import type { JSONSchema } from '../spec/json-value.js';
import { maxJsonDepth } from './max-json-depth.js';
import { type LenientValue, parseLenientJson } from './parse-lenient-json.js';

/** Loaded on first use: most runs never repair anything, and the import would cost every cold start. */
let repairModule: Promise<typeof import('jsonrepair')> | undefined;

/**
 * The longest text a repair is tried on. Repair is for a model's slips (prose around the JSON, comments, a
 * value cut by the token limit); our own stage is linear, but the `jsonrepair` fallback blocks the event loop
 * for about 3 s on a 10 MB string that never closes, so a text this long that is not JSON is simply not JSON.
 */
export const maxRepairLength = 1_048_576;

/** Options of {@link repairJson}. */
export interface RepairJsonOptions {
  /** When given, the first value in the text that validates is the answer; others are passed over. */
  schema?: JSONSchema | undefined;
}

/**
 * Recovers the JSON value a model meant from its answer, as JSON text; undefined when there is none. First
 * it finds the value the answer is about: the first complete `{…}` or `[…]` (inside a ```json fence if there
 * is one, else anywhere in the prose), the first that validates against `schema` when one is given, else the
 * longest cut-off one. Then it repairs what models write: `//`, `/* *\/` and `#` comments, Python's `True`,
 * `False` and `None`, `1_000` separators, missing values (null), trailing or missing commas, single quotes,
 * unquoted keys, stray or mismatched closing brackets, and text cut short (open containers close, the entry
 * being written is dropped). What that cannot read goes to the `jsonrepair` package. Linear in the text.
 *
 * @example
 * await repairJson('Sure! ```json\n{"city": "Paris", // capital\n "big": True,}\n``` Anything else?');
 * // '{"city":"Paris","big":true}'
 */
export async function repairJson(text: string, options: RepairJsonOptions = {}): Promise<string | undefined> {
  if (text.length > maxRepairLength) return undefined;
  let found: Candidate | undefined;
  try {
    found = await findJsonValue(text, options.schema);
  } catch (error) {
    if (error instanceof TooDeepText) return undefined;
    throw error;
  }
  // A value cut off by the end of the text keeps its complete part; jsonrepair would invent the rest.
  if (found?.complete || found?.truncated) return JSON.stringify(found.value);
  // jsonrepair reads prose as strings: only a text with a bracket in it may hold an object or array.
  const fallback = /[[{]/.test(text) ? await repairWithJsonrepair(text, options.schema) : undefined;
  return fallback ?? (found === undefined ? undefined : JSON.stringify(found.value));
}

/**
 * The value the text is about: fenced blocks first, then the whole text. A complete value (valid against
 * `schema` if given) wins at once; otherwise the longest cut-off value (valid, if a schema is given).
 */
async function findJsonValue(text: string, schema: JSONSchema | undefined): Promise<Candidate | undefined> {
  let best: Candidate | undefined;
  for (const [start, end] of [...fencedBlocks(text), [0, text.length] as const]) {
    for (const candidate of scanCandidates(text.slice(start, end))) {
      if (schema !== undefined && !(await isValid(candidate.value, schema))) continue;
      if (candidate.complete) return candidate;
      if (best === undefined || candidate.end - candidate.start > best.end - best.start) best = candidate;
    }
  }
  return best;
}

/** A value found in the text: where it starts, and whether the text ended inside it. */
export interface Candidate extends LenientValue {
  start: number;
  /** True when the value is incomplete because the text ended inside it (not because it went wrong). */
  truncated: boolean;
}

/**
 * Every value that starts at a `{` or `[` of the text (or at its first character), left to right. Scanning
 * resumes after each candidate, or where it failed, so every character is read by at most one candidate.
 */
export function* scanCandidates(text: string): Generator<Candidate> {
  let from = firstNonSpace(text);
  const first = text[from];
  if (first !== undefined && first !== '{' && first !== '[') {
    // The answer may be a bare value (`True`, `1_000`, a quoted string).
    const bare = parseLenientJson(text, from);
    if ('value' in bare && bare.complete) yield { ...bare, start: from, truncated: false };
  }
  for (;;) {
    const start = nextOpening(text, from);
    if (start === -1) return;
    const parsed = parseLenientJson(text, start);
    if ('failedAt' in parsed) {
      // Nesting past maxJsonDepth is no answer a model gave: stop rather than find values inside it.
      if (parsed.tooDeep) throw new TooDeepText();
      from = Math.max(parsed.failedAt, start + 1);
      continue;
    }
    yield { ...parsed, start, truncated: !parsed.complete && parsed.end === text.length };
    from = Math.max(parsed.end, start + 1);
  }
}

/** Raised by `scanCandidates` for a text nested deeper than `maxJsonDepth`. */
export class TooDeepText extends Error {
  constructor() {
    super(`the text nests deeper than ${maxJsonDepth} levels`);
    this.name = 'TooDeepText';
  }
}

/** `[start, end)` of the contents of every ``` fence (an unclosed one runs to the end). */
function fencedBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('```', from);
    if (open === -1) return blocks;
    const lineEnd = text.indexOf('\n', open);
    const contentStart = lineEnd === -1 ? text.length : lineEnd + 1;
    const close = text.indexOf('```', contentStart);
    blocks.push([contentStart, close === -1 ? text.length : close]);
    if (close === -1) return blocks;
    from = close + 3;
  }
}

function nextOpening(text: string, from: number): number {
  for (let index = from; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x7b || code === 0x5b) return index;
  }
  return -1;
}

function firstNonSpace(text: string): number {
  const match = /\S/.exec(text);
  return match === null ? text.length : match.index;
}

async function isValid(value: unknown, schema: JSONSchema): Promise<boolean> {
  try {
    return (await validateJsonSchema(value, schema)).length === 0;
  } catch {
    // A schema the validator cannot use (or a value too deep for it) decides nothing.
    return false;
  }
}

/** What the `jsonrepair` package makes of the text, if it is an object or array (valid against `schema`). */
async function repairWithJsonrepair(
  text: string,
  schema: JSONSchema | undefined,
): Promise<string | undefined> {
  repairModule ??= import('jsonrepair');
  const { jsonrepair } = await repairModule;
  try {
    const value: unknown = JSON.parse(jsonrepair(text));
    // jsonrepair turns plain prose into a string: only a container is an answer we did not see.
    if (typeof value !== 'object' || value === null) return undefined;
    if (schema !== undefined && !(await isValid(value, schema))) return undefined;
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
