import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { Message, MessagePart } from '../../spec/message.js';
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

/**
 * Options on a message or one of its parts, under `providerOptions['openai-compat']` (or the provider's
 * custom name): wire fields merged into each part, Fantasy's `ContentExtraFields`.
 *
 * @example
 * const part = { type: 'text', text: longDocument, providerOptions: { 'openai-compat': { fields: { cache_control: { type: 'ephemeral' } } } } };
 */
export interface OpenAICompatiblePartOptions {
  /** Merged into the part on the wire, e.g. `{ cache_control: { type: 'ephemeral' } }`. */
  fields?: Record<string, unknown>;
}

/**
 * A part's extra wire fields: `providerOptions[key].fields` of the part, else of its message. Fields that
 * would replace what the part is (`type`, `text`, `image_url`, ...) are a mistake the caller must fix.
 */
export function readPartFields(
  key: string,
  part: MessagePart,
  message: Message,
): Record<string, unknown> | undefined {
  const fields = (part.providerOptions?.[key] ?? message.providerOptions?.[key])?.fields;
  if (fields === undefined) return undefined;
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new InvalidArgumentError({
      argument: `providerOptions.${key}.fields`,
      message: `fields must be an object of wire fields, got ${JSON.stringify(fields)}`,
    });
  }
  const reserved = Object.keys(fields).find((name) => reservedPartFields.has(name));
  if (reserved !== undefined) {
    throw new InvalidArgumentError({
      argument: `providerOptions.${key}.fields`,
      message: `fields cannot set ${reserved}, which the part itself defines`,
    });
  }
  return fields as Record<string, unknown>;
}

const reservedPartFields = new Set(['type', 'text', 'image_url', 'input_audio', 'file']);

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
