import { deniedToolMessage } from '../agent/tool-approval.js';
import { decodeBase64 } from '../persistence/base64.js';
import type { FilePart, Message, MessagePart, ToolResultPart } from '../spec/message.js';
import type { ProviderMetadata, ProviderOptions } from '../spec/provider-options.js';
import { invalid, parseUIMessages } from './parse-ui-messages.js';
import { type AnyToolResultOutput, fantasyMetadataKey } from './to-ui-output.js';
import type { ToolApprovalRequestPart, ToolApprovalResponsePart } from './ui-approval-parts.js';
import type { UIMessage, UIMessagePart, UIToolPart } from './ui-message.js';

type Part = MessagePart | ToolApprovalRequestPart | ToolApprovalResponsePart;

/** What a step of an assistant UI message becomes: the assistant's parts and the tool message's. */
interface StepParts {
  assistant: Part[];
  tool: Part[];
}

/**
 * The messages `useChat` posts, as fantasy-ts messages to continue the conversation with. Lossless for what
 * `toUIMessageStream` sent: text, files, reasoning with its provider metadata (Anthropic signatures,
 * Gemini thought signatures, OpenAI encrypted reasoning), tool calls with their exact input, results of
 * every kind, and approval requests with the user's answers. An assistant message is split at its steps
 * into an assistant message and a tool message each, as the agent's history has them. Data parts and
 * sources are for the page and are left out. Throws `InvalidUIMessageError` for malformed messages.
 *
 * @example
 * const { messages } = parseUIChatRequest(await request.json());
 * const run = agent.stream({ messages: fromUIMessages(messages) });
 */
export function fromUIMessages(uiMessages: readonly UIMessage[] | unknown): Message[] {
  const checked = parseUIMessages(uiMessages);
  const messages: Message[] = [];
  checked.forEach((message, index) => {
    messages.push(...convertMessage(message, `messages[${index}]`));
  });
  return messages;
}

function convertMessage(message: UIMessage, path: string): Message[] {
  if (message.role === 'assistant') return convertAssistant(message, path);
  const content: Part[] = [];
  message.parts.forEach((part, index) => {
    const converted = convertContentPart(part, `${path}.parts[${index}]`);
    if (converted !== undefined && (message.role === 'user' || converted.type === 'text'))
      content.push(converted);
  });
  return content.length === 0 ? [] : [toMessage(message.role, content)];
}

function convertAssistant(message: UIMessage, path: string): Message[] {
  const steps: StepParts[] = [{ assistant: [], tool: [] }];
  message.parts.forEach((part, index) => {
    if (part.type === 'step-start') {
      const current = steps.at(-1);
      if (current !== undefined && (current.assistant.length > 0 || current.tool.length > 0)) {
        steps.push({ assistant: [], tool: [] });
      }
      return;
    }
    const step = steps.at(-1) as StepParts;
    if (isToolPart(part)) addToolPart(step, part);
    else {
      const converted = convertContentPart(part, `${path}.parts[${index}]`);
      if (converted !== undefined) step.assistant.push(converted);
    }
  });
  return steps.flatMap((step) => [
    ...(step.assistant.length > 0 ? [toMessage('assistant', step.assistant)] : []),
    ...(step.tool.length > 0 ? [toMessage('tool', step.tool)] : []),
  ]);
}

function convertContentPart(part: UIMessagePart, path: string): Part | undefined {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return { type: part.type, text: part.text, ...optionsOf(part.providerMetadata) };
    case 'file':
      return convertFile(part, path);
    default:
      return undefined;
  }
}

function convertFile(part: Extract<UIMessagePart, { type: 'file' }>, path: string): FilePart {
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(part.url);
  if (match === null) {
    throw invalid(
      `${path}.url`,
      'expected a data: URL (upload the file as a data URL; remote URLs are not fetched)',
    );
  }
  const payload = match[3] ?? '';
  const data =
    match[2] === undefined ? new TextEncoder().encode(decodeURIComponent(payload)) : decodeBase64(payload);
  if (data === undefined) throw invalid(`${path}.url`, 'the data URL is not valid base64');
  return {
    type: 'file',
    data,
    mediaType: part.mediaType,
    ...(part.filename === undefined ? {} : { filename: part.filename }),
    ...optionsOf(part.providerMetadata),
  };
}

function addToolPart(step: StepParts, part: UIToolPart): void {
  if (part.state === 'input-streaming') return;
  const toolName = toolNameOf(part);
  const callOptions = optionsOf(part.callProviderMetadata);
  const executed = part.providerExecuted ? { providerExecuted: true } : {};
  step.assistant.push({
    type: 'tool-call',
    toolCallId: part.toolCallId,
    toolName,
    input: inputTextOf(part),
    ...executed,
    ...callOptions,
  });
  const approval = part.approval;
  if (approval !== undefined) {
    step.assistant.push({
      type: 'tool-approval-request',
      approvalId: approval.id,
      toolCallId: part.toolCallId,
      toolName,
      input: inputTextOf(part),
      ...executed,
    });
    if (approval.approved !== undefined) {
      step.tool.push({
        type: 'tool-approval-response',
        approvalId: approval.id,
        toolCallId: part.toolCallId,
        approved: approval.approved,
        ...(approval.reason === undefined ? {} : { reason: approval.reason }),
        ...executed,
      });
    }
  }
  const result = toolResultOf(part, toolName);
  if (result !== undefined) (part.providerExecuted ? step.assistant : step.tool).push(result);
}

function toolResultOf(part: UIToolPart, toolName: string): ToolResultPart | undefined {
  const fantasy = part.resultProviderMetadata?.[fantasyMetadataKey];
  const output = outputOf(part, fantasy);
  if (output === undefined) return undefined;
  const clientMetadata = fantasy?.clientMetadata;
  return {
    type: 'tool-result',
    toolCallId: part.toolCallId,
    toolName,
    output: output as ToolResultPart['output'],
    ...(part.providerExecuted ? { providerExecuted: true } : {}),
    ...(typeof clientMetadata === 'string' ? { clientMetadata } : {}),
    ...optionsOf(part.resultProviderMetadata),
  };
}

function outputOf(
  part: UIToolPart,
  fantasy: Record<string, unknown> | undefined,
): AnyToolResultOutput | undefined {
  switch (part.state) {
    case 'output-error':
      return { type: 'error', error: part.errorText ?? '' };
    case 'output-denied':
      return { type: 'error', error: deniedToolMessage(part.approval?.reason) };
    case 'output-available':
      return readOutput(part.output, fantasy);
    default:
      return undefined;
  }
}

function readOutput(output: unknown, fantasy: Record<string, unknown> | undefined): AnyToolResultOutput {
  if (fantasy?.noResult === true) return { type: 'text', text: '' };
  if (fantasy?.output === 'media') {
    const media = output as { data?: unknown; mediaType?: unknown; text?: unknown };
    if (typeof media?.data === 'string' && typeof media.mediaType === 'string') {
      return {
        type: 'media',
        data: media.data,
        mediaType: media.mediaType,
        ...(typeof media.text === 'string' ? { text: media.text } : {}),
      };
    }
  }
  if (typeof output === 'string' && fantasy?.output !== 'json') return { type: 'text', text: output };
  return { type: 'json', value: (output ?? null) as never };
}

function inputTextOf(part: UIToolPart): string {
  const inputText = part.callProviderMetadata?.[fantasyMetadataKey]?.inputText;
  if (typeof inputText === 'string') return inputText;
  return JSON.stringify(part.input ?? {});
}

function toolNameOf(part: UIToolPart): string {
  if (part.type === 'dynamic-tool') return part.toolName ?? '';
  return part.type.slice('tool-'.length);
}

function isToolPart(part: UIMessagePart): part is UIToolPart {
  return part.type === 'dynamic-tool' || part.type.startsWith('tool-');
}

/** Provider metadata as part options, without fantasy's own bookkeeping. */
function optionsOf(metadata: ProviderMetadata | undefined): { providerOptions?: ProviderOptions } {
  if (metadata === undefined || metadata === null) return {};
  if (!(fantasyMetadataKey in metadata)) return { providerOptions: metadata };
  const { [fantasyMetadataKey]: _ours, ...rest } = metadata;
  return Object.keys(rest).length === 0 ? {} : { providerOptions: rest };
}

function toMessage(role: Message['role'], content: Part[]): Message {
  return { role, content };
}
