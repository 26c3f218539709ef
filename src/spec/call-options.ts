import type { JSONSchema } from './json-value.js';
import type { Message } from './message.js';
import type { ProviderOptions } from './provider-options.js';
import type { Tool, ToolChoice } from './tool.js';

/** Sampling settings shared by every kind of call. Unset means the provider's default. */
export interface SamplingOptions {
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
}

/** Per-request settings that are not sent to the model as content. */
export interface RequestOptions {
  /** Extra HTTP headers for this request; they win over the provider's. */
  headers?: Record<string, string>;
  /** Overrides the provider's User-Agent for this request. */
  userAgent?: string;
  providerOptions?: ProviderOptions;
  abortSignal?: AbortSignal;
}

/** One call to a language model. */
export interface CallOptions extends SamplingOptions, RequestOptions {
  prompt: Message[];
  tools?: Tool[];
  /** Dropped by providers when there are no tools. */
  toolChoice?: ToolChoice;
  /** Native JSON mode; set by object generation. */
  responseFormat?: ResponseFormat;
}

/**
 * Asks for JSON output in the provider's native JSON mode. Object generation sets it; providers without a
 * native mode warn and ignore it.
 */
export interface ResponseFormat {
  type: 'json';
  schema?: JSONSchema;
  name?: string;
  description?: string;
}
