import type { CallWarning } from '../../spec/call-warning.js';
import type { JSONObject, JSONValue } from '../../spec/json-value.js';
import type { Message, MessagePart, ToolCallPart, ToolResultPart } from '../../spec/message.js';
import { encodeBase64 } from '../shared/base64.js';
import { withoutApprovalParts } from '../shared/without-approval-parts.js';
import { convertCodeExecutionPart } from './convert-google-code-execution.js';
import type { GoogleContent, GooglePart, GoogleSystemInstruction } from './google-api.js';
import { thoughtSignatureOf } from './google-options.js';

/** A prompt in Gemini's shape. */
export interface GooglePrompt {
  systemInstruction?: GoogleSystemInstruction;
  contents: GoogleContent[];
  warnings: CallWarning[];
}

/** How the prompt is written for one backend and model. */
export interface ConvertToGoogleContentsOptions {
  /** Vertex answers 400 to `id` on function calls and responses: leave them out. */
  omitFunctionCallIds: boolean;
  /** Gemma models take no system instruction: the system text leads the first user turn instead. */
  systemInFirstUserTurn: boolean;
}

/**
 * Converts a prompt to Gemini `contents` and a `systemInstruction`. The leading system messages become the
 * instruction (texts joined with "\n"); user and tool messages become `user` turns, assistant messages
 * `model` turns. Reasoning is not sent back, but the thought signature in a reasoning part's
 * `providerOptions.google` goes on the next text or function call of that turn, where Gemini expects it.
 * Function responses are named after the call they answer, found by id.
 */
export function convertToGoogleContents(
  fullPrompt: readonly Message[],
  options: ConvertToGoogleContentsOptions,
): GooglePrompt {
  const prompt = withoutApprovalParts(fullPrompt);
  const warnings: CallWarning[] = [];
  const contents: GoogleContent[] = [];
  const toolNames = toolNamesById(prompt);
  const systemTexts: string[] = [];
  let leading = true;
  for (const message of prompt) {
    if (message.role === 'system') {
      if (leading) systemTexts.push(...textsOf(message.content));
      else
        warnings.push({
          type: 'other',
          message:
            'Gemini takes system text only before the conversation; a later system message was not sent',
        });
      continue;
    }
    leading = false;
    const parts = convertMessage(message, { ...options, toolNames, warnings });
    if (parts.length > 0) contents.push({ role: message.role === 'assistant' ? 'model' : 'user', parts });
  }
  return withSystemText({ contents, warnings }, systemTexts.join('\n'), options.systemInFirstUserTurn);
}

interface MessageContext extends ConvertToGoogleContentsOptions {
  toolNames: Map<string, string>;
  warnings: CallWarning[];
}

function convertMessage(message: Message, context: MessageContext): GooglePart[] {
  switch (message.role) {
    case 'user':
      return convertUserParts(message.content);
    case 'assistant':
      return convertAssistantParts(message.content, context);
    case 'tool':
      return convertToolResults(message.content, context);
    default:
      return [];
  }
}

function convertUserParts(parts: readonly MessagePart[]): GooglePart[] {
  const converted: GooglePart[] = [];
  for (const part of parts) {
    if (part.type === 'text' && part.text !== '') converted.push({ text: part.text });
    else if (part.type === 'file') converted.push(inlineData(part.mediaType, encodeBase64(part.data)));
  }
  return converted;
}

function convertAssistantParts(parts: readonly MessagePart[], context: MessageContext): GooglePart[] {
  const converted: GooglePart[] = [];
  let pendingSignature: string | undefined;
  const sign = (part: GooglePart, own: string | undefined): GooglePart => {
    const signature = pendingSignature ?? own;
    pendingSignature = undefined;
    return signature === undefined ? part : { ...part, thoughtSignature: signature };
  };
  for (const part of parts) {
    if (part.type === 'reasoning') {
      pendingSignature = thoughtSignatureOf(part.providerOptions) ?? pendingSignature;
    } else if (part.type === 'text' && part.text !== '') {
      converted.push(sign({ text: part.text }, thoughtSignatureOf(part.providerOptions)));
    } else if (part.type === 'tool-call' && !part.providerExecuted) {
      const call = convertToolCall(part, context);
      if (call !== undefined) converted.push(sign(call, thoughtSignatureOf(part.providerOptions)));
    } else if (part.type === 'tool-call' || part.type === 'tool-result') {
      // Code execution: the code and its result go back as the parts they came as.
      const replayed = convertCodeExecutionPart(part);
      if (replayed !== undefined) converted.push(sign(replayed, thoughtSignatureOf(part.providerOptions)));
    } else if (part.type === 'file') {
      converted.push(inlineData(part.mediaType, encodeBase64(part.data)));
    }
  }
  return converted;
}

function convertToolCall(part: ToolCallPart, context: MessageContext): GooglePart | undefined {
  const args = parseArguments(part.input);
  if (args === undefined) {
    context.warnings.push({
      type: 'other',
      message: `tool call ${part.toolCallId} (${part.toolName}) has input that is not a JSON object; it was not sent`,
    });
    return undefined;
  }
  const id = context.omitFunctionCallIds ? {} : { id: part.toolCallId };
  return { functionCall: { ...id, name: part.toolName, args } };
}

function parseArguments(input: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(input === '' ? '{}' : input);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function convertToolResults(parts: readonly MessagePart[], context: MessageContext): GooglePart[] {
  const converted: GooglePart[] = [];
  for (const part of parts) {
    if (part.type === 'tool-result') converted.push(...convertToolResult(part, context));
  }
  return converted;
}

function convertToolResult(part: ToolResultPart, context: MessageContext): GooglePart[] {
  const name = context.toolNames.get(part.toolCallId) ?? part.toolName ?? '';
  const id = context.omitFunctionCallIds ? {} : { id: part.toolCallId };
  const respond = (result: string): GooglePart => ({
    functionResponse: { ...id, name, response: { result } },
  });
  const output = part.output;
  if (output.type === 'text') return [respond(output.text)];
  if (output.type === 'error') return [respond(output.error)];
  if (output.type === 'json')
    return [{ functionResponse: { ...id, name, response: jsonResponse(output.value) } }];
  // The response object holds text only; the media follows as inline data in the same turn.
  const caption = output.text || `The tool returned ${output.mediaType} content, attached next.`;
  return [respond(caption), inlineData(output.mediaType, output.data)];
}

/**
 * `functionResponse.response` is a JSON object: an object result is sent as it is, any other JSON value
 * under `result`, as text results are.
 */
function jsonResponse(value: JSONValue): JSONObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { result: value };
}

function inlineData(mimeType: string, data: string): GooglePart {
  return { inlineData: { mimeType, data } };
}

/** Tool names by call id, from every assistant message (Gemini pairs responses with calls by name). */
function toolNamesById(prompt: readonly Message[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const message of prompt) {
    if (message.role !== 'assistant') continue;
    for (const part of message.content)
      if (part.type === 'tool-call') names.set(part.toolCallId, part.toolName);
  }
  return names;
}

function textsOf(parts: readonly MessagePart[]): string[] {
  return parts.flatMap((part) => (part.type === 'text' && part.text !== '' ? [part.text] : []));
}

function withSystemText(prompt: GooglePrompt, system: string, inFirstUserTurn: boolean): GooglePrompt {
  if (system === '') return prompt;
  const first = prompt.contents[0];
  if (inFirstUserTurn && first?.role === 'user') {
    first.parts.unshift({ text: `${system}\n\n` });
    return prompt;
  }
  return { ...prompt, systemInstruction: { role: 'user', parts: [{ text: system }] } };
}
