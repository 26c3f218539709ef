import type { TelemetryOptions } from '../telemetry/telemetry-options.js';
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

/**
 * Limits on how long one model call may take, each in milliseconds; a limit left unset takes its default
 * (`totalMs` 600000, `firstChunkMs` 60000 for streams, `chunkMs` 60000), `Infinity` turns it off.
 * A stalled connection fails with a retryable `TimeoutError`, a call over its whole budget with one that is not.
 */
export interface TimeoutOptions {
  /** The whole call: from sending the request to the last byte of the response. */
  totalMs?: number;
  /** From sending the request to the first byte of the response body (keep-alive comments count). */
  firstChunkMs?: number;
  /** The longest pause between two chunks of the response body, once the first one arrived. */
  chunkMs?: number;
}

/** How long retries wait: exponential backoff from `initialDelayMs`, unless the provider sends `retry-after`. */
export interface RetryTimingOptions {
  /** @default 2000 */
  initialDelayMs?: number;
  /** Each retry waits this many times longer than the previous one. @default 2 */
  backoffFactor?: number;
  /** The longest wait, for backoff and `retry-after` alike. @default 60000 */
  maxDelayMs?: number;
  /** `true` waits a random 50–100 % of each delay. */
  jitter?: boolean;
}

/** What `onRetry` learns before each wait. */
export interface CallRetryEvent {
  /** The error of the attempt that just failed. */
  error: unknown;
  /** 1-based number of the attempt that failed. */
  attempt: number;
  /** How long the next attempt waits. */
  delayMs: number;
}

/** Per-request settings that are not sent to the model as content. */
export interface RequestOptions {
  /**
   * Retries after a retryable failure (408, 409, 429, 5xx, dropped or stalled connections, streams cut
   * before any output reached you); `0` disables them. @default 2
   */
  maxRetries?: number;
  /** Called before each retry's wait; may be async. */
  onRetry?: (event: CallRetryEvent) => void | Promise<void>;
  /** How long retries wait. */
  retry?: RetryTimingOptions;
  /** Extra HTTP headers for this request; they win over the provider's. */
  headers?: Record<string, string>;
  /** Overrides the provider's User-Agent for this request. */
  userAgent?: string;
  providerOptions?: ProviderOptions;
  abortSignal?: AbortSignal;
  /**
   * Timeouts of the call; a number is `totalMs`. A limit left unset takes its default: 10 minutes for the
   * whole call, 60 s between chunks, and 60 s to the first chunk of a stream. `Infinity` turns a limit off
   * (`timeout: Infinity` turns all of them off).
   * @example { totalMs: 120_000, firstChunkMs: 30_000, chunkMs: 15_000 }
   */
  timeout?: number | TimeoutOptions;
  /**
   * The largest response body read whole (non-streamed answers and error bodies), counted after decompression;
   * a larger one fails with a `ResponseTooLargeError`, which is not retried. Streams are bounded per event.
   * @default 67108864 (64 MiB)
   */
  maxResponseBytes?: number;
  /**
   * OpenTelemetry for this call: a `chat {model}` span per attempt (retries show as siblings) with the GenAI
   * conventions' attributes, and the `gen_ai.client.*` metrics; `true` uses the global providers. Off by
   * default, and then nothing of it is loaded. Honoured by every built-in provider (a custom model honours it
   * when it goes through `generateWithRetry`/`streamWithRetry`); agents and object calls take their own.
   */
  telemetry?: TelemetryOptions | boolean;
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
