import type { MessagePart } from '../../spec/message.js';
import { lastReasoningText } from '../openai/convert-to-openai-chat-messages.js';
import type { ChatAssistantMessage, ChatDelta } from '../openai/openai-chat-api.js';
import type { ApplyProviderOptionsContext } from '../openai/openai-chat-dialect.js';
import { checkReasoningEffort, type ReasoningEffort } from '../openai/openai-options.js';
import { wireTypeError } from '../shared/wire-type-error.js';

/** Options under `providerOptions['openai-compat']` (or the provider's custom name). */
export interface OpenAICompatibleOptions {
  user?: string;
  reasoningEffort?: ReasoningEffort;
  /** Fields merged into the top level of the request body, for service-specific settings. */
  extraBody?: Record<string, unknown>;
}

/** Writes openaicompat provider options into a request body. */
export function applyOpenAICompatibleOptions({ body, options }: ApplyProviderOptionsContext): void {
  if (options === undefined) return;
  const typed = options as OpenAICompatibleOptions;
  if (typed.user !== undefined) body.user = typed.user;
  if (typed.reasoningEffort !== undefined)
    body.reasoning_effort = checkReasoningEffort(typed.reasoningEffort);
  if (typed.extraBody !== undefined) Object.assign(body, typed.extraBody);
}

/**
 * Reasoning as OpenAI-compatible services send it: `reasoning_content` (DeepSeek, xAI, GLM, llama.cpp) or
 * `reasoning`. A present key, even `null`, counts as reasoning (empty text), as Fantasy reads it; a value that
 * is neither a string nor `null` is malformed (`InvalidResponseError`).
 */
export function readCompatibleReasoning(delta: ChatDelta): string | undefined {
  const reasoningContent = delta.reasoning_content as unknown;
  const reasoning = delta.reasoning as unknown;
  if (typeof reasoningContent === 'string') return reasoningContent;
  if (typeof reasoning === 'string') return reasoning;
  for (const [field, value] of [
    ['reasoning_content', reasoningContent],
    ['reasoning', reasoning],
  ] as const) {
    if (value !== undefined && value !== null)
      throw wireTypeError({ path: field, expected: 'a string', value });
  }
  if ('reasoning_content' in delta || 'reasoning' in delta) return '';
  return undefined;
}

/**
 * Echoes the last reasoning part as `reasoning_content` on assistant history: services like DeepSeek require
 * it on tool turns to continue their chain of thought.
 */
export function echoReasoningContent(message: ChatAssistantMessage, parts: readonly MessagePart[]): void {
  const reasoning = lastReasoningText(parts);
  if (reasoning !== undefined) message.reasoning_content = reasoning;
}
