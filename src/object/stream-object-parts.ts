import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { IncrementalJsonParser } from '../json/incremental-json-parser.js';
import type { CallWarning } from '../spec/call-warning.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { JSONSchema } from '../spec/json-value.js';
import type { ObjectStreamPart, RepairTextFunction } from '../spec/object.js';
import type { ProviderMetadata } from '../spec/provider-options.js';
import type { StreamPart } from '../spec/stream-part.js';
import { emptyUsage, type Usage } from '../spec/usage.js';
import { parseObjectText } from './parse-object-text.js';

/** How model stream parts become object stream parts. */
export interface StreamObjectPartsOptions {
  /** Where the object's JSON arrives: tool-input deltas (tool mode) or text deltas (json and text modes). */
  source: 'tool' | 'text';
  schema: JSONSchema;
  repairText?: RepairTextFunction | undefined;
}

/**
 * Amortization factor: a snapshot whose `snapshotCost` is C waits for at least C / 8 new characters, so the
 * copying of all snapshots together is at most 8 units per character, for objects of any depth and width.
 */
const SNAPSHOT_THROTTLE = 8;

/**
 * Turns a model stream into an object stream. JSON text is fed to an incremental parser (cost linear in the
 * output); a partial `object` part is emitted whenever the visible value grew, never twice for the same
 * value. Snapshots of deep or wide open containers are throttled so their copying stays linear overall. At the end
 * the final text (the tool call's input in tool mode) is parsed, repaired if needed and validated: `finish`
 * carries the object, or an `error` part carries a `NoObjectGeneratedError`.
 */
export async function* streamObjectParts(
  parts: AsyncIterable<StreamPart>,
  options: StreamObjectPartsOptions,
): AsyncGenerator<ObjectStreamPart> {
  const parser = new IncrementalJsonParser();
  const pieces: string[] = [];
  const outcome: StreamOutcome = { usage: emptyUsage(), finishReason: 'unknown', warnings: [] };
  let emittedVersion = -1;
  let pending = 0;
  for await (const part of parts) {
    const delta = deltaOf(part, options.source);
    if (delta !== undefined) {
      const malformed = malformedPart(part, delta);
      if (malformed) {
        yield { type: 'error', error: malformed };
        return;
      }
      pieces.push(delta);
      parser.write(delta);
      pending += delta.length;
      if (parser.version !== emittedVersion && pending * SNAPSHOT_THROTTLE >= parser.snapshotCost) {
        const object = parser.snapshot();
        emittedVersion = parser.version;
        pending = 0;
        if (object !== undefined) yield { type: 'object', object };
      }
      continue;
    }
    if (part.type === 'tool-call' && typeof (part.input as unknown) !== 'string') {
      yield { type: 'error', error: malformedPart(part, part.input) };
      return;
    }
    if (part.type === 'error') {
      yield { type: 'error', error: part.error };
      return;
    }
    recordOutcome(outcome, part, options.source);
  }
  yield* finishObjectStream({ parser, pieces, outcome, emittedVersion, options });
}

interface StreamOutcome {
  usage: Usage;
  finishReason: FinishReason;
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
  toolInput?: string;
}

/**
 * A delta that is not text (a model or middleware that passed an object on) would reach the JSON parser as a
 * `TypeError`; it is the model's malformed output, an `InvalidResponseError` holding the part.
 */
function malformedPart(part: StreamPart, value: unknown): InvalidResponseError | undefined {
  if (typeof value === 'string') return undefined;
  const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  let data: string;
  try {
    data = JSON.stringify(part) ?? String(value);
  } catch {
    data = String(value);
  }
  return new InvalidResponseError({
    message: `the model stream sent a ${part.type} holding ${kind}, not text`,
    data,
  });
}

function deltaOf(part: StreamPart, source: 'tool' | 'text'): string | undefined {
  if (source === 'text' && part.type === 'text-delta') return part.delta;
  if (source === 'tool' && part.type === 'tool-input-delta') return part.delta;
  return undefined;
}

function recordOutcome(outcome: StreamOutcome, part: StreamPart, source: 'tool' | 'text'): void {
  if (part.type === 'finish') {
    outcome.usage = part.usage;
    outcome.finishReason = part.finishReason;
    if (part.providerMetadata) outcome.providerMetadata = part.providerMetadata;
  } else if (part.type === 'warnings') {
    outcome.warnings.push(...part.warnings);
  } else if (part.type === 'tool-call' && source === 'tool' && outcome.toolInput === undefined) {
    outcome.toolInput = part.input;
  }
}

async function* finishObjectStream(context: {
  parser: IncrementalJsonParser;
  pieces: string[];
  outcome: StreamOutcome;
  emittedVersion: number;
  options: StreamObjectPartsOptions;
}): AsyncGenerator<ObjectStreamPart> {
  const { outcome, options } = context;
  const text = outcome.toolInput ?? context.pieces.join('');
  let parsed: { object: unknown; rawText: string };
  try {
    parsed = await parseObjectText({
      text,
      schema: options.schema,
      repairText: options.repairText,
      usage: outcome.usage,
      finishReason: outcome.finishReason,
    });
  } catch (error) {
    yield { type: 'error', error };
    return;
  }
  // The last growth may have been throttled away, or the text needed repair: the caller still sees the
  // complete object once as a partial.
  const { parser } = context;
  if (parser.version !== context.emittedVersion || !parser.done)
    yield { type: 'object', object: parsed.object };
  yield {
    type: 'finish',
    object: parsed.object,
    rawText: parsed.rawText,
    finishReason: outcome.finishReason,
    usage: outcome.usage,
    warnings: outcome.warnings,
    ...(outcome.providerMetadata ? { providerMetadata: outcome.providerMetadata } : {}),
  };
}
