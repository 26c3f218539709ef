import { type AgentTool, tool } from '../../src/agent/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import type { ToolCallContent } from '../../src/spec/content.js';
import type { FinishReason } from '../../src/spec/finish-reason.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import type { Usage } from '../../src/spec/usage.js';

/** A usage with the given counts, the others zero. */
export function usage(counts: Partial<Usage>): Usage {
  return {
    inputTokens: 0,
    outputTokens: 0,
    totalTokens: 0,
    reasoningTokens: 0,
    cacheCreationTokens: 0,
    cacheReadTokens: 0,
    ...counts,
  };
}

/** A client tool call as the model returns it. */
export function toolCall(toolCallId: string, toolName: string, input: string): ToolCallContent {
  return { type: 'tool-call', toolCallId, toolName, input };
}

/** A text block as stream parts. */
export function textParts(id: string, ...deltas: string[]): StreamPart[] {
  return [
    { type: 'text-start', id },
    ...deltas.map((delta): StreamPart => ({ type: 'text-delta', id, delta })),
    { type: 'text-end', id },
  ];
}

/** A streamed client tool call: input block, then the call. */
export function toolCallParts(id: string, toolName: string, input: string): StreamPart[] {
  return [
    { type: 'tool-input-start', id, toolName },
    { type: 'tool-input-delta', id, delta: input },
    { type: 'tool-input-end', id },
    toolCall(id, toolName, input),
  ];
}

/** The terminal part of a stream. */
export function finishPart(finishReason: FinishReason, totals: Partial<Usage> = {}): StreamPart {
  return { type: 'finish', finishReason, usage: usage(totals) };
}

const valueSchema = jsonSchema<{ value: string }>({
  type: 'object',
  properties: { value: { type: 'string' } },
  required: ['value'],
});

/** A tool with one required string `value`; records each input it ran with and answers `answer`. */
export function valueTool(
  name: string,
  options: { answer?: string; parallel?: boolean } = {},
): AgentTool<{ value: string }> & { inputs: { value: string }[] } {
  const inputs: { value: string }[] = [];
  const created = tool({
    name,
    description: `The ${name} tool`,
    inputSchema: valueSchema,
    parallel: options.parallel ?? false,
    execute: (input) => {
      inputs.push(input);
      return options.answer ?? `${name}: ${input.value}`;
    },
  });
  return Object.assign(created, { inputs });
}

/** A promise with its resolve function, for tests that pause tools or streams. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** Every item of an async iterable, in order. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
