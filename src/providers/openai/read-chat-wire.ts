import { isWireObject, wireTypeError } from '../shared/wire-type-error.js';
import type { ChatCompletionChunk, ChatDelta, ChatToolCallDelta } from './openai-chat-api.js';

/**
 * Checks the shape of the chat-completions fields the reducer reads, so that wrong wire types (`choices: 5`,
 * `tool_calls: {}`, a numeric tool name) end the stream with an `InvalidResponseError` naming the field,
 * instead of a `TypeError` or an object passed on as text. Only the fields we read are checked.
 */
export function readChunkChoices(chunk: ChatCompletionChunk): NonNullable<ChatCompletionChunk['choices']> {
  const choices = chunk.choices as unknown;
  if (choices === undefined || choices === null) return [];
  if (!Array.isArray(choices)) throw wireTypeError({ path: 'choices', expected: 'an array', value: choices });
  choices.forEach((choice: unknown, index) => {
    if (!isWireObject(choice))
      throw wireTypeError({ path: `choices[${index}]`, expected: 'an object', value: choice });
    optionalString(choice.finish_reason, `choices[${index}].finish_reason`);
    const delta = choice.delta ?? choice.message;
    if (delta !== undefined && delta !== null && !isWireObject(delta)) {
      throw wireTypeError({ path: `choices[${index}].delta`, expected: 'an object', value: delta });
    }
  });
  return choices;
}

/** The tool-call fragments of a delta (or message), each checked; `[]` when it has none. */
export function readToolCallDeltas(delta: ChatDelta, path: string): ChatToolCallDelta[] {
  const toolCalls = delta.tool_calls as unknown;
  if (toolCalls === undefined || toolCalls === null) return [];
  if (!Array.isArray(toolCalls)) throw wireTypeError({ path, expected: 'an array', value: toolCalls });
  toolCalls.forEach((call: unknown, index) => {
    checkToolCall(call, `${path}[${index}]`);
  });
  return toolCalls;
}

function checkToolCall(call: unknown, path: string): void {
  if (!isWireObject(call)) throw wireTypeError({ path, expected: 'an object', value: call });
  if (call.index !== undefined && call.index !== null && !Number.isInteger(call.index)) {
    throw wireTypeError({ path: `${path}.index`, expected: 'an integer', value: call.index });
  }
  optionalString(call.id, `${path}.id`);
  optionalString(call.type, `${path}.type`);
  const fn = call.function;
  if (fn === undefined || fn === null) return;
  if (!isWireObject(fn)) throw wireTypeError({ path: `${path}.function`, expected: 'an object', value: fn });
  optionalString(fn.name, `${path}.function.name`);
  optionalString(fn.arguments, `${path}.function.arguments`);
}

function optionalString(value: unknown, path: string): void {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw wireTypeError({ path, expected: 'a string', value });
  }
}
