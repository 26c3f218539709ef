import type { CallWarning } from '../../spec/call-warning.js';
import type {
  FilePart,
  Message,
  MessagePart,
  ReasoningPart,
  TextPart,
  ToolCallPart,
  ToolResultPart,
} from '../../spec/message.js';
import { encodeBase64 } from '../shared/base64.js';
import { withoutApprovalParts } from '../shared/without-approval-parts.js';
import type { ChatAssistantMessage, ChatContentPart, ChatMessage } from './openai-chat-api.js';

/** How a dialect writes assistant history beyond text and tool calls. */
export interface ChatHistoryOptions {
  /**
   * Adds dialect fields to an assistant message from its parts, e.g. openaicompat's `reasoning_content`.
   * Called for every assistant message that is sent.
   */
  decorateAssistant?: (message: ChatAssistantMessage, parts: readonly MessagePart[]) => void;
  /**
   * Extra wire fields of a part, merged into it on the wire (openaicompat's `fields`, e.g. `cache_control`):
   * read from the part's provider options, else its message's. A text with extra fields is sent in the array
   * form (`[{ type: 'text', text, ...fields }]`), which is the only form that can carry them.
   */
  partFields?: (part: MessagePart, message: Message) => Record<string, unknown> | undefined;
}

/** Converts a prompt to chat-completions `messages`, collecting warnings for what cannot be sent. */
export function convertToOpenAIChatMessages(
  prompt: readonly Message[],
  options: ChatHistoryOptions = {},
): { messages: ChatMessage[]; warnings: CallWarning[] } {
  const messages: ChatMessage[] = [];
  const warnings: CallWarning[] = [];
  withoutApprovalParts(prompt).forEach((message, index) => {
    const context: ConvertContext = { message, index, messages, warnings, options };
    switch (message.role) {
      case 'system':
        convertSystem(context);
        break;
      case 'user':
        convertUser(context);
        break;
      case 'assistant':
        convertAssistant(context);
        break;
      case 'tool':
        convertToolResults(message.content, messages, warnings);
        break;
    }
  });
  return { messages, warnings };
}

/** One prompt message being converted, and where its output and warnings go. */
interface ConvertContext {
  message: Message;
  /** The message's position in the prompt, for warnings. */
  index: number;
  messages: ChatMessage[];
  warnings: CallWarning[];
  options: ChatHistoryOptions;
}

function dropped(context: ConvertContext, reason: string): void {
  context.warnings.push({
    type: 'other',
    message: `${context.message.role} message ${context.index} ${reason}; it was not sent`,
  });
}

function convertSystem(context: ConvertContext): void {
  const texts = context.message.content.filter(
    (part): part is TextPart => part.type === 'text' && part.text.trim() !== '',
  );
  if (texts.length === 0) {
    dropped(context, 'has no text content');
    return;
  }
  const parts = textParts(texts, context);
  context.messages.push({
    role: 'system',
    content: parts ?? texts.map((part) => part.text).join('\n'),
  });
}

/** Text parts in the array form with their extra fields, or undefined when none has extra fields. */
function textParts(texts: readonly TextPart[], context: ConvertContext): ChatContentPart[] | undefined {
  const fields = texts.map((part) => context.options.partFields?.(part, context.message));
  if (fields.every((extra) => extra === undefined)) return undefined;
  return texts.map((part, index) => ({ type: 'text', text: part.text, ...fields[index] }));
}

function convertUser(context: ConvertContext): void {
  const { message, warnings, options } = context;
  const parts = message.content;
  const only = parts[0];
  if (parts.length === 1 && only?.type === 'text' && !options.partFields?.(only, message)) {
    context.messages.push({ role: 'user', content: only.text });
    return;
  }
  const content: ChatContentPart[] = [];
  parts.forEach((part, index) => {
    let converted: ChatContentPart | undefined;
    if (part.type === 'text') converted = { type: 'text', text: part.text };
    else if (part.type === 'file') {
      converted = convertFile(part, index);
      if (!converted) {
        warnings.push({ type: 'other', message: `file with media type ${part.mediaType} is not supported` });
      }
    }
    if (converted) content.push({ ...converted, ...options.partFields?.(part, message) });
  });
  if (content.length > 0) context.messages.push({ role: 'user', content });
  else dropped(context, 'has no content that can be sent');
}

/**
 * A user file as a content part: images, text, audio and PDF; undefined for other media types. An image's
 * `detail` is read from `providerOptions[imageDetailKey].imageDetail`.
 */
export function convertFile(
  part: FilePart,
  index: number,
  imageDetailKey = 'openai',
): ChatContentPart | undefined {
  const mediaType = part.mediaType.toLowerCase();
  const base64 = encodeBase64(part.data);
  if (mediaType.startsWith('image/')) {
    const detail = part.providerOptions?.[imageDetailKey]?.imageDetail;
    const url = `data:${part.mediaType};base64,${base64}`;
    return { type: 'image_url', image_url: typeof detail === 'string' ? { url, detail } : { url } };
  }
  if (mediaType.startsWith('text/')) return { type: 'file', file: { file_data: base64 } };
  if (mediaType === 'audio/wav') return { type: 'input_audio', input_audio: { data: base64, format: 'wav' } };
  if (mediaType === 'audio/mpeg' || mediaType === 'audio/mp3') {
    return { type: 'input_audio', input_audio: { data: base64, format: 'mp3' } };
  }
  if (mediaType === 'application/pdf') {
    const text = new TextDecoder().decode(part.data.subarray(0, 64));
    if (text.startsWith('file-'))
      return { type: 'file', file: { file_id: new TextDecoder().decode(part.data) } };
    return {
      type: 'file',
      file: {
        filename: part.filename ?? `part-${index}.pdf`,
        file_data: `data:application/pdf;base64,${base64}`,
      },
    };
  }
  return undefined;
}

function convertAssistant(context: ConvertContext): void {
  const { message: prompt, options } = context;
  const parts = prompt.content;
  const texts = parts.filter((part): part is TextPart => part.type === 'text');
  const toolCalls = parts.filter((part): part is ToolCallPart => part.type === 'tool-call');
  const message: ChatAssistantMessage = { role: 'assistant' };
  const lastText = texts.at(-1);
  if (lastText) {
    const fields = options.partFields?.(lastText, prompt);
    message.content = fields ? [{ type: 'text', text: lastText.text, ...fields }] : lastText.text;
  }
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((call) => ({
      id: call.toolCallId,
      type: 'function',
      function: { name: call.toolName, arguments: call.input },
    }));
  }
  // Many servers reject an assistant message without content or tool calls, so one holding only reasoning
  // (or nothing) is not sent, and the caller is told.
  if (message.content === undefined && message.tool_calls === undefined) {
    const reasoningOnly = parts.some((part) => part.type === 'reasoning');
    dropped(context, reasoningOnly ? 'has only reasoning, no text or tool calls' : 'is empty');
    return;
  }
  options.decorateAssistant?.(message, parts);
  context.messages.push(message);
}

/**
 * One `tool` message per tool result, then one user message with the media tool messages cannot carry: the
 * API wants every call of an assistant message answered by tool messages before any other message.
 */
export function convertToolResults(
  parts: readonly MessagePart[],
  messages: ChatMessage[],
  warnings: CallWarning[],
): void {
  const media: ChatContentPart[] = [];
  for (const part of parts) {
    if (part.type !== 'tool-result') continue;
    convertToolResult(part, messages, media, warnings);
  }
  if (media.length > 0) messages.push({ role: 'user', content: media });
}

function convertToolResult(
  part: ToolResultPart,
  messages: ChatMessage[],
  media: ChatContentPart[],
  warnings: CallWarning[],
): void {
  const output = part.output;
  if (output.type === 'text') {
    messages.push({ role: 'tool', content: output.text, tool_call_id: part.toolCallId });
    return;
  }
  if (output.type === 'error') {
    messages.push({ role: 'tool', content: output.error, tool_call_id: part.toolCallId });
    return;
  }
  if (output.type === 'json') {
    // A tool message's content is text: a JSON value travels as its JSON text.
    messages.push({ role: 'tool', content: JSON.stringify(output.value), tool_call_id: part.toolCallId });
    return;
  }
  // Chat completions cannot carry media in a tool message: say so there, then attach it in a user message.
  const placeholder =
    output.text || `The tool returned ${output.mediaType} content; see the following user message.`;
  messages.push({ role: 'tool', content: placeholder, tool_call_id: part.toolCallId });
  const converted = convertMediaResult(output.data, output.mediaType);
  if (converted) media.push(converted);
  else
    warnings.push({ type: 'other', message: `tool result media type ${output.mediaType} is not supported` });
}

function convertMediaResult(data: string, mediaType: string): ChatContentPart | undefined {
  if (mediaType.startsWith('image/'))
    return { type: 'image_url', image_url: { url: `data:${mediaType};base64,${data}` } };
  if (mediaType === 'audio/wav') return { type: 'input_audio', input_audio: { data, format: 'wav' } };
  if (mediaType === 'audio/mpeg' || mediaType === 'audio/mp3') {
    return { type: 'input_audio', input_audio: { data, format: 'mp3' } };
  }
  return undefined;
}

/** The text of the last reasoning part, if the parts have one. */
export function lastReasoningText(parts: readonly MessagePart[]): string | undefined {
  return parts.filter((part): part is ReasoningPart => part.type === 'reasoning').at(-1)?.text;
}
