import type { ParseErrorBody } from '../../http/provider-error-body.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { ChatHistoryOptions } from './convert-to-openai-chat-messages.js';
import type { ChatDelta } from './openai-chat-api.js';

/** What the request builder hands a dialect so it can add its provider options. */
export interface ApplyProviderOptionsContext {
  body: Record<string, unknown>;
  /** The call's options under the dialect's key, if any. */
  options: Record<string, unknown> | undefined;
  modelId: string;
  warnings: CallWarning[];
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
  /** Reads reasoning text from a streamed delta or a message; undefined when it carries none. */
  readReasoning?: (delta: ChatDelta) => string | undefined;
  parseErrorBody?: ParseErrorBody;
}
