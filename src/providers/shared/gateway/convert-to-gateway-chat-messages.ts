import type { CallWarning } from '../../../spec/call-warning.js';
import type { Message, MessagePart } from '../../../spec/message.js';
import type { ProviderOptions } from '../../../spec/provider-options.js';
import { convertFile, convertToolResults } from '../../openai/convert-to-openai-chat-messages.js';
import type {
  ChatAssistantMessage,
  ChatContentPart,
  ChatMessage,
  ChatToolCall,
} from '../../openai/openai-chat-api.js';
import { withoutApprovalParts } from '../without-approval-parts.js';
import { convertReasoningPart } from './convert-reasoning-part.js';

/** How a gateway writes history. */
export interface GatewayHistoryOptions {
  /** The full model id, e.g. `anthropic/claude-haiku-4.5`; its prefix picks the reasoning format. */
  modelId: string;
  /** The provider-options key an image's `imageDetail` is read from (`openrouter` or `openai`). */
  imageDetailKey: string;
  /** Whether `xai/` models get `xai-responses-v1` reasoning details. */
  xaiResponses: boolean;
}

/** Anthropic prompt caching as sent through a gateway. */
interface CacheControl {
  type: string;
  ttl?: string;
}

/**
 * Converts a prompt to chat-completions `messages` for OpenRouter and the Vercel AI Gateway. Differences from
 * plain chat completions: assistant texts are joined with newlines and carry the last reasoning part's
 * `reasoning_details` (see `convertReasoningPart`); Anthropic cache control (`providerOptions.anthropic.
 * cacheControl`, on a part, or on a message for its last part) becomes `cache_control` on system and user
 * messages, user content parts, a single-text assistant message and tool calls. As in Fantasy, it is not sent
 * on tool messages or on assistant text next to other parts.
 */
export function convertToGatewayChatMessages(
  prompt: readonly Message[],
  options: GatewayHistoryOptions,
): { messages: ChatMessage[]; warnings: CallWarning[] } {
  const messages: ChatMessage[] = [];
  const warnings: CallWarning[] = [];
  for (const message of withoutApprovalParts(prompt)) {
    if (message.role === 'system') convertSystem(message, messages, warnings);
    else if (message.role === 'user') convertUser(message, messages, warnings, options);
    else if (message.role === 'assistant') convertAssistant(message, messages, warnings, options);
    else convertToolResults(message.content, messages, warnings);
  }
  return { messages, warnings };
}

function convertSystem(message: Message, messages: ChatMessage[], warnings: CallWarning[]): void {
  const texts: string[] = [];
  for (const part of message.content)
    if (part.type === 'text' && part.text.trim() !== '') texts.push(part.text);
  if (texts.length === 0) {
    warnings.push({ type: 'other', message: 'system message has no text content; it was not sent' });
    return;
  }
  messages.push(withCache({ role: 'system', content: texts.join('\n') }, cacheOfLastPart(message)));
}

function convertUser(
  message: Message,
  messages: ChatMessage[],
  warnings: CallWarning[],
  options: GatewayHistoryOptions,
): void {
  const only = message.content[0];
  if (message.content.length === 1 && only?.type === 'text') {
    messages.push(withCache({ role: 'user', content: only.text }, cacheOfLastPart(message)));
    return;
  }
  const content: ChatContentPart[] = [];
  message.content.forEach((part, index) => {
    const converted = convertUserPart(part, index, options.imageDetailKey);
    if (converted) content.push(withCache(converted, cacheOfPart(message, index)));
    else if (part.type === 'file')
      warnings.push({ type: 'other', message: `file with media type ${part.mediaType} is not supported` });
  });
  if (content.length > 0) messages.push({ role: 'user', content });
  else
    warnings.push({ type: 'other', message: 'user message has no content that can be sent; it was dropped' });
}

function convertUserPart(
  part: MessagePart,
  index: number,
  imageDetailKey: string,
): ChatContentPart | undefined {
  if (part.type === 'text') return { type: 'text', text: part.text };
  if (part.type === 'file') return convertFile(part, index, imageDetailKey);
  return undefined;
}

function convertAssistant(
  message: Message,
  messages: ChatMessage[],
  warnings: CallWarning[],
  options: GatewayHistoryOptions,
): void {
  const only = message.content[0];
  if (message.content.length === 1 && only?.type === 'text') {
    messages.push(withCache({ role: 'assistant', content: only.text }, cacheOfLastPart(message)));
    return;
  }
  const texts: string[] = [];
  const toolCalls: ChatToolCall[] = [];
  let reasoningFields: Record<string, unknown> | undefined;
  message.content.forEach((part, index) => {
    if (part.type === 'text') texts.push(part.text);
    else if (part.type === 'tool-call')
      toolCalls.push(withCache(toolCallOf(part), cacheOfPart(message, index)));
    else if (part.type === 'reasoning') {
      const history = convertReasoningPart(part, options);
      // Each reasoning part replaces the fields of the one before: the last one is sent.
      if (history.type === 'fields') reasoningFields = history.fields;
      else texts.push(history.text);
    }
  });
  const assistant: ChatAssistantMessage = { role: 'assistant' };
  if (texts.length > 0) assistant.content = texts.join('\n');
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  Object.assign(assistant, reasoningFields);
  if (Object.keys(assistant).length > 1) messages.push(assistant);
  else warnings.push({ type: 'other', message: 'assistant message is empty; it was not sent' });
}

function toolCallOf(part: Extract<MessagePart, { type: 'tool-call' }>): ChatToolCall {
  return { id: part.toolCallId, type: 'function', function: { name: part.toolName, arguments: part.input } };
}

/** The cache control of a part: its own, else its message's when it is the message's last part. */
function cacheOfPart(message: Message, index: number): CacheControl | undefined {
  const own = cacheControlOf(message.content[index]?.providerOptions);
  if (own !== undefined || index !== message.content.length - 1) return own;
  return cacheControlOf(message.providerOptions);
}

function cacheOfLastPart(message: Message): CacheControl | undefined {
  return cacheOfPart(message, message.content.length - 1);
}

/** `providerOptions.anthropic.cacheControl` as sent on the wire. */
function cacheControlOf(options: ProviderOptions | undefined): CacheControl | undefined {
  const cacheControl = options?.anthropic?.cacheControl as { type?: unknown; ttl?: unknown } | undefined;
  if (typeof cacheControl !== 'object' || cacheControl === null) return undefined;
  const type = typeof cacheControl.type === 'string' ? cacheControl.type : 'ephemeral';
  return typeof cacheControl.ttl === 'string' ? { type, ttl: cacheControl.ttl } : { type };
}

function withCache<T extends object>(value: T, cacheControl: CacheControl | undefined): T {
  return cacheControl === undefined ? value : { ...value, cache_control: cacheControl };
}
