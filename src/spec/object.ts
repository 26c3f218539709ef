import type { RequestOptions, SamplingOptions } from './call-options.js';
import type { CallWarning } from './call-warning.js';
import type { FinishReason } from './finish-reason.js';
import type { JSONSchema } from './json-value.js';
import type { Message } from './message.js';
import type { ProviderMetadata } from './provider-options.js';
import type { Usage } from './usage.js';

/**
 * How a model is asked for an object: `auto` lets the provider choose, `json` uses its native JSON-schema
 * mode, `tool` forces a tool call whose input is the object, `text` puts the schema in the system prompt.
 */
export type ObjectMode = 'auto' | 'json' | 'tool' | 'text';

/** Turns text that failed to parse or validate into text that may pass; return it unchanged to give up. */
export type RepairTextFunction = (options: { text: string; error: Error }) => Promise<string> | string;

/** One object-generation call to a language model. */
export interface ObjectCallOptions extends SamplingOptions, RequestOptions {
  prompt: Message[];
  schema: JSONSchema;
  /** Names the schema (the forced tool's name in tool mode). */
  schemaName?: string;
  schemaDescription?: string;
  /** @default 'auto' */
  mode?: ObjectMode;
  repairText?: RepairTextFunction;
}

/** A generated object, validated against the call's JSON Schema. */
export interface ObjectResult<T = unknown> {
  object: T;
  /** The JSON text the object was parsed from. */
  rawText: string;
  usage: Usage;
  finishReason: FinishReason;
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
}

/** One event of an object stream: a grown partial object, raw text, an error, or the end. */
export type ObjectStreamPart =
  | { type: 'object'; object: unknown }
  | { type: 'text-delta'; delta: string }
  | { type: 'error'; error: unknown }
  | {
      type: 'finish';
      /** The final object, validated against the schema. */
      object: unknown;
      rawText: string;
      finishReason: FinishReason;
      usage: Usage;
      warnings: CallWarning[];
      providerMetadata?: ProviderMetadata;
    };
