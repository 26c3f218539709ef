import type { ParseErrorBody } from '../../http/provider-error-body.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { ReasoningContent } from '../../spec/content.js';
import type { Message } from '../../spec/message.js';
import type { ProviderMetadata } from '../../spec/provider-options.js';
import type { StreamPart } from '../../spec/stream-part.js';
import type { ChatHistoryOptions } from './convert-to-openai-chat-messages.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatDelta,
  ChatMessage,
  ChatResponseMessage,
} from './openai-chat-api.js';

/** What the request builder hands a dialect so it can add its provider options. */
export interface ApplyProviderOptionsContext {
  body: Record<string, unknown>;
  /** The call's options under the dialect's key, if any. */
  options: Record<string, unknown> | undefined;
  modelId: string;
  warnings: CallWarning[];
}

/**
 * A per-stream reducer for reasoning that carries more than text (OpenRouter's `reasoning_details`): it sees
 * every choice delta before the text and tool calls of that delta, and pushes reasoning parts.
 */
export interface ChatReasoningStream {
  /** Reduces one delta's reasoning; called for every delta, so it can also end reasoning when output begins. */
  reduce(delta: ChatDelta, parts: StreamPart[]): void;
  /** Closes reasoning still open when the body ends. */
  finish(parts: StreamPart[]): void;
}

/**
 * What differs between services that speak chat completions (OpenAI, any OpenAI-compatible endpoint,
 * OpenRouter, Vercel AI Gateway, Azure). The language model is the same; a dialect adds only its differences.
 */
export interface ChatDialect {
  /** Reported as `LanguageModel.provider`. */
  provider: string;
  /** The `providerOptions` key this dialect reads. */
  optionsKey: string;
  /** The object mode `auto` resolves to; `json` is coerced to `tool` when this is `tool`. */
  defaultObjectMode: 'json' | 'tool';
  applyProviderOptions(context: ApplyProviderOptionsContext): void;
  history?: ChatHistoryOptions;
  /** Replaces the default prompt conversion (`history` is then unused), e.g. for per-model history formats. */
  convertMessages?: (
    prompt: readonly Message[],
    context: { modelId: string },
  ) => { messages: ChatMessage[]; warnings: CallWarning[] };
  /** Reads reasoning text from a streamed delta or a message; undefined when it carries none. */
  readReasoning?: (delta: ChatDelta) => string | undefined;
  /** Reads a message's reasoning as parts with metadata; takes precedence over `readReasoning` in `generate`. */
  readMessageReasoning?: (message: ChatResponseMessage) => ReasoningContent[];
  /** Creates a stream's reasoning reducer; takes precedence over `readReasoning` in `stream`. */
  createReasoningStream?: () => ChatReasoningStream;
  /** Response-level metadata (e.g. the upstream provider and cost), from the completion or the usage chunk. */
  mapProviderMetadata?: (response: ChatCompletion | ChatCompletionChunk) => ProviderMetadata | undefined;
  parseErrorBody?: ParseErrorBody;
}
