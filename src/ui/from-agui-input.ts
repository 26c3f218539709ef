import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
import { decodeBase64 } from '../persistence/base64.js';
import type { Message, MessagePart, ToolCallPart } from '../spec/message.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { AGUIContentPart, AGUIMessage, AGUIResumeEntry, RunAgentInput } from './agui-event.js';
import type { ToolApprovalRequestPart, ToolApprovalResponsePart } from './ui-approval-parts.js';

/** A checked AG-UI run input with its conversation as fantasy-ts messages. */
export interface AGUIRunInput {
  threadId: string;
  runId: string;
  /** The conversation, with approval answers from `resume` appended as a tool message. */
  messages: Message[];
  /** The input as posted (state, tools, context, forwardedProps, resume). */
  input: RunAgentInput;
}

type Part = MessagePart | ToolApprovalRequestPart | ToolApprovalResponsePart;

/**
 * Reads an AG-UI `RunAgentInput` (parsed JSON) into fantasy-ts messages: system and developer text, user
 * text and data files, assistant text and tool calls (provider metadata restored from `encryptedValue`),
 * reasoning folded into the next assistant message, tool results; `resume` answers to tool-approval
 * interrupts become approval responses. Throws `InvalidUIMessageError` (answer with a 400) when malformed.
 */
export function fromAGUIInput(body: unknown): AGUIRunInput {
  const input = checkInput(body);
  const messages: Message[] = [];
  let reasoning: Part[] = [];
  input.messages.forEach((message, index) => {
    const path = `messages[${index}]`;
    if (message.role === 'reasoning') {
      reasoning.push({ type: 'reasoning', text: message.content, ...optionsOf(message.encryptedValue) });
      return;
    }
    const converted = convertMessage(message, path, messages);
    if (converted === undefined) return;
    if (converted.role === 'assistant') converted.content.unshift(...(reasoning as MessagePart[]));
    else if (reasoning.length > 0) messages.push({ role: 'assistant', content: reasoning as MessagePart[] });
    reasoning = [];
    messages.push(converted);
  });
  if (reasoning.length > 0) messages.push({ role: 'assistant', content: reasoning as MessagePart[] });
  appendApprovals(messages, input.resume ?? []);
  return { threadId: input.threadId, runId: input.runId, messages, input };
}

function convertMessage(
  message: AGUIMessage,
  path: string,
  earlier: readonly Message[],
): Message | undefined {
  switch (message.role) {
    case 'system':
    case 'developer':
      return { role: 'system', content: [{ type: 'text', text: message.content }] };
    case 'user':
      return { role: 'user', content: contentParts(message.content, path) };
    case 'assistant':
      return { role: 'assistant', content: assistantParts(message) };
    case 'tool':
      return {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: message.toolCallId,
            toolName: toolNameOf(earlier, message.toolCallId),
            output:
              message.error === undefined
                ? { type: 'text', text: textOf(message.content) }
                : { type: 'error', error: message.error },
          },
        ],
      };
    default:
      return undefined;
  }
}

function assistantParts(message: Extract<AGUIMessage, { role: 'assistant' }>): MessagePart[] {
  const parts: MessagePart[] = [];
  if (message.content !== undefined && message.content !== '')
    parts.push({ type: 'text', text: message.content });
  for (const call of message.toolCalls ?? []) {
    parts.push({
      type: 'tool-call',
      toolCallId: call.id,
      toolName: call.function.name,
      input: call.function.arguments,
      ...optionsOf(call.encryptedValue),
    });
  }
  return parts;
}

function contentParts(content: string | AGUIContentPart[], path: string): MessagePart[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return content.map((part, index): MessagePart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const where = `${path}.content[${index}].source`;
    if (part.source?.type !== 'data')
      throw invalid(where, 'only inline data sources are read (type "data", base64)');
    const data = decodeBase64(part.source.value);
    if (data === undefined) throw invalid(`${where}.value`, 'expected base64');
    return { type: 'file', data, mediaType: part.source.mimeType ?? 'application/octet-stream' };
  });
}

/** Approval answers (`resume`) as a tool message, with the request added to the assistant message. */
function appendApprovals(messages: Message[], resume: readonly AGUIResumeEntry[]): void {
  const answers: Part[] = [];
  const pending = unansweredCalls(messages);
  for (const entry of resume) {
    const payload = (entry.payload ?? {}) as { approved?: unknown; reason?: unknown; toolCallId?: unknown };
    const call =
      typeof payload.toolCallId === 'string'
        ? pending.find((c) => c.toolCallId === payload.toolCallId)
        : pending.shift();
    if (call === undefined) continue;
    const approved = entry.status === 'resolved' && payload.approved !== false;
    const reason = typeof payload.reason === 'string' ? payload.reason : undefined;
    const request: ToolApprovalRequestPart = {
      type: 'tool-approval-request',
      approvalId: entry.interruptId,
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input: call.input,
    };
    call.message.content.push(request as unknown as MessagePart);
    answers.push({
      type: 'tool-approval-response',
      approvalId: entry.interruptId,
      toolCallId: call.toolCallId,
      approved,
      ...(reason === undefined ? {} : { reason }),
    });
  }
  if (answers.length > 0) messages.push({ role: 'tool', content: answers as MessagePart[] });
}

function unansweredCalls(messages: readonly Message[]): (ToolCallPart & { message: Message })[] {
  const answered = new Set<string>();
  for (const message of messages) {
    for (const part of message.content) if (part.type === 'tool-result') answered.add(part.toolCallId);
  }
  const calls: (ToolCallPart & { message: Message })[] = [];
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'tool-call' && !answered.has(part.toolCallId)) calls.push({ ...part, message });
    }
  }
  return calls;
}

function toolNameOf(messages: readonly Message[], toolCallId: string): string {
  for (const message of messages) {
    for (const part of message.content) {
      if (part.type === 'tool-call' && part.toolCallId === toolCallId) return part.toolName;
    }
  }
  return '';
}

function textOf(content: string | AGUIContentPart[]): string {
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

/** Provider metadata that `toAGUIEvents` sent as an encrypted value, back as part options. */
function optionsOf(encryptedValue: string | undefined): { providerOptions?: ProviderOptions } {
  if (encryptedValue === undefined) return {};
  try {
    const value = JSON.parse(encryptedValue) as unknown;
    if (isRecord(value) && Object.values(value).every(isRecord))
      return { providerOptions: value as ProviderOptions };
  } catch {
    // Not ours: an encrypted value another producer wrote; it cannot be sent to a provider as options.
  }
  return {};
}

function checkInput(body: unknown): RunAgentInput {
  if (!isRecord(body)) throw invalid('', 'expected a RunAgentInput object');
  for (const field of ['threadId', 'runId'] as const) {
    if (typeof body[field] !== 'string') throw invalid(field, 'expected a string');
  }
  if (!Array.isArray(body.messages)) throw invalid('messages', 'expected an array of messages');
  body.messages.forEach((message, index) => {
    checkMessage(message, `messages[${index}]`);
  });
  if (body.resume !== undefined && !Array.isArray(body.resume)) throw invalid('resume', 'expected an array');
  return body as unknown as RunAgentInput;
}

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'reasoning', 'activity']);

function checkMessage(message: unknown, path: string): void {
  if (!isRecord(message)) throw invalid(path, 'expected an object');
  if (typeof message.id !== 'string') throw invalid(`${path}.id`, 'expected a string');
  if (typeof message.role !== 'string' || !roles.has(message.role))
    throw invalid(`${path}.role`, 'unknown role');
  if (message.role === 'tool' && typeof message.toolCallId !== 'string') {
    throw invalid(`${path}.toolCallId`, 'expected a string');
  }
  const content = message.content;
  const textual = message.role === 'system' || message.role === 'developer' || message.role === 'reasoning';
  if (textual && typeof content !== 'string') throw invalid(`${path}.content`, 'expected a string');
  if (
    (message.role === 'user' || message.role === 'tool') &&
    typeof content !== 'string' &&
    !Array.isArray(content)
  ) {
    throw invalid(`${path}.content`, 'expected a string or an array of parts');
  }
  if (message.role === 'assistant' && message.toolCalls !== undefined) {
    if (!Array.isArray(message.toolCalls)) throw invalid(`${path}.toolCalls`, 'expected an array');
    message.toolCalls.forEach((call, index) => {
      const fn = isRecord(call) ? call.function : undefined;
      if (
        !isRecord(call) ||
        typeof call.id !== 'string' ||
        !isRecord(fn) ||
        typeof fn.name !== 'string' ||
        typeof fn.arguments !== 'string'
      ) {
        throw invalid(
          `${path}.toolCalls[${index}]`,
          'expected { id, type: "function", function: { name, arguments } }',
        );
      }
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(path: string, message: string): InvalidUIMessageError {
  return new InvalidUIMessageError({ message, path });
}
