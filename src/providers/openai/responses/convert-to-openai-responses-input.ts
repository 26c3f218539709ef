import type { CallWarning } from '../../../spec/call-warning.js';
import type {
  FilePart,
  Message,
  MessagePart,
  ToolApprovalResponsePart,
  ToolResultPart,
} from '../../../spec/message.js';
import { encodeBase64 } from '../../shared/base64.js';
import { withoutApprovalParts } from '../../shared/without-approval-parts.js';
import {
  type ClientCallItems,
  clientCallItemsOf,
  convertApprovalRequest,
  convertApprovalResponse,
  convertClientItemOutput,
  convertKeptItem,
} from './convert-openai-responses-tool-history.js';
import type { ResponsesInputContent, ResponsesInputItem } from './openai-responses-api.js';
import type { OpenAIResponsesModelRules } from './openai-responses-model-rules.js';

/** How the prompt is written for one model and call. */
export interface ResponsesInputOptions {
  systemMessageMode: OpenAIResponsesModelRules['systemMessageMode'];
  /** With `store: true` provider-executed tool calls are sent back as `item_reference`s. */
  store: boolean;
}

/** Everything a message converter writes to. */
interface InputBuilder {
  input: ResponsesInputItem[];
  warnings: CallWarning[];
  options: ResponsesInputOptions;
  /** Client tool items (custom, shell, apply_patch) by call id, to answer each in its own output type. */
  clientCalls: ClientCallItems;
}

/**
 * Converts a prompt to the Responses API `input` list. Reasoning parts are never sent back (with `store:
 * false` their ids are unknown to OpenAI, and inline reasoning is not accepted); sources are skipped.
 */
export function convertToOpenAIResponsesInput(
  prompt: readonly Message[],
  options: ResponsesInputOptions,
): { input: ResponsesInputItem[]; warnings: CallWarning[] } {
  const builder: InputBuilder = { input: [], warnings: [], options, clientCalls: clientCallItemsOf(prompt) };
  for (const message of withoutApprovalParts(prompt, { keepProviderExecuted: true })) {
    messageConverters[message.role](message.content, builder);
  }
  return { input: builder.input, warnings: builder.warnings };
}

const messageConverters: Record<Message['role'], (parts: MessagePart[], builder: InputBuilder) => void> = {
  system: convertSystem,
  user: convertUser,
  assistant: convertAssistant,
  tool: convertToolResults,
};

function convertSystem(parts: MessagePart[], builder: InputBuilder): void {
  let text = '';
  for (const part of parts) {
    if (part.type !== 'text') {
      builder.warnings.push({ type: 'other', message: 'system prompt can only have text content' });
      continue;
    }
    // Fantasy concatenates system texts without a separator.
    if (part.text.trim() !== '') text += part.text;
  }
  if (text === '') {
    builder.warnings.push({ type: 'other', message: 'system prompt has no text parts' });
    return;
  }
  const mode = builder.options.systemMessageMode;
  if (mode === 'remove') {
    builder.warnings.push({ type: 'other', message: 'system messages are removed for this model' });
    return;
  }
  builder.input.push({ role: mode, content: text });
}

/** User content is always a list, even for a single text. */
function convertUser(parts: MessagePart[], builder: InputBuilder): void {
  const content: ResponsesInputContent[] = [];
  parts.forEach((part, index) => {
    if (part.type === 'text') content.push({ type: 'input_text', text: part.text });
    else if (part.type === 'file') {
      const converted = convertFile(part, index);
      if (converted) content.push(converted);
      else
        builder.warnings.push({
          type: 'other',
          message: `file part media type ${part.mediaType} not supported`,
        });
    }
  });
  if (content.length === 0) {
    builder.warnings.push({ type: 'other', message: 'dropping empty user message' });
    return;
  }
  builder.input.push({ role: 'user', content });
}

function convertFile(part: FilePart, index: number): ResponsesInputContent | undefined {
  if (part.mediaType.startsWith('image/')) {
    const detail = part.providerOptions?.openai?.imageDetail;
    const image_url = `data:${part.mediaType};base64,${encodeBase64(part.data)}`;
    return typeof detail === 'string'
      ? { type: 'input_image', image_url, detail }
      : { type: 'input_image', image_url };
  }
  if (part.mediaType === 'application/pdf') {
    return {
      type: 'input_file',
      filename: part.filename ?? `part-${index}.pdf`,
      file_data: `data:application/pdf;base64,${encodeBase64(part.data)}`,
    };
  }
  return undefined;
}

/**
 * Each assistant part becomes its own item, in order. Items OpenAI gave us whole (hosted tool results,
 * client tool calls, MCP approval requests, compaction) go back as received, or as references when stored;
 * a provider-executed call without its item is never sent alone.
 */
function convertAssistant(parts: MessagePart[], builder: InputBuilder): void {
  const start = builder.input.length;
  for (const part of parts) {
    const kept = convertKeptItem(part, builder.options.store);
    if (kept !== undefined) builder.input.push(kept);
    else if (part.type === 'tool-approval-request' && part.providerExecuted) {
      builder.input.push(convertApprovalRequest(part, builder.options.store));
    } else if (part.type === 'text') builder.input.push({ role: 'assistant', content: part.text });
    else if (part.type === 'tool-call' && !part.providerExecuted) {
      builder.input.push({
        type: 'function_call',
        call_id: part.toolCallId,
        name: part.toolName,
        arguments: part.input,
      });
    } else if (part.type === 'tool-call' && builder.options.store) {
      // Stored responses keep provider-executed calls (web search) server-side; refer to them by id.
      builder.input.push({ type: 'item_reference', id: part.toolCallId });
    }
  }
  if (builder.input.length === start) {
    builder.warnings.push({ type: 'other', message: 'dropping empty assistant message' });
  }
}

function convertToolResults(parts: MessagePart[], builder: InputBuilder): void {
  for (const part of parts) {
    if (part.type === 'tool-approval-response') {
      convertProviderApprovalResponse(part, builder);
      continue;
    }
    if (part.type !== 'tool-result') {
      builder.warnings.push({ type: 'other', message: 'tool message can only have tool result content' });
      continue;
    }
    // Provider-executed results travel with their call (or not at all).
    if (!part.providerExecuted) convertToolResult(part, builder);
  }
}

/**
 * Provider-side approvals (remote MCP): only `providerExecuted` responses reach here (client ones are
 * stripped by `withoutApprovalParts`); each is sent as the `mcp_approval_response` answering the
 * `mcp_approval_request` with id `approvalId`.
 */
function convertProviderApprovalResponse(part: ToolApprovalResponsePart, builder: InputBuilder): void {
  builder.input.push(convertApprovalResponse(part));
}

function convertToolResult(part: ToolResultPart, builder: InputBuilder): void {
  const clientOutput = convertClientItemOutput(part, builder.clientCalls.get(part.toolCallId));
  if (clientOutput !== undefined) {
    builder.input.push(clientOutput);
    return;
  }
  const output = part.output;
  if (output.type !== 'media') {
    // `function_call_output.output` is a string: a JSON value travels as its JSON text.
    const text =
      output.type === 'text'
        ? output.text
        : output.type === 'error'
          ? output.error
          : JSON.stringify(output.value);
    builder.input.push({ type: 'function_call_output', call_id: part.toolCallId, output: text });
    return;
  }
  // `function_call_output` takes only a string: say where the media is, then attach it as a user image.
  const placeholder =
    output.text || `The tool returned ${output.mediaType} content; see the following user message.`;
  builder.input.push({ type: 'function_call_output', call_id: part.toolCallId, output: placeholder });
  if (output.mediaType.startsWith('image/')) {
    const image_url = `data:${output.mediaType};base64,${output.data}`;
    builder.input.push({ role: 'user', content: [{ type: 'input_image', image_url }] });
    return;
  }
  builder.warnings.push({
    type: 'other',
    message: `tool result media type ${output.mediaType} not supported, sending text placeholder only`,
  });
}
