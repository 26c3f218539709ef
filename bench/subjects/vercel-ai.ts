/**
 * The Vercel AI SDK side of each case (`ai` + `@ai-sdk/openai-compatible`), written the way its docs show.
 * Each returns what it received, like the fantasy-ts subjects, so a case can compare the two.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  embedMany,
  experimental_streamTextLowMemory,
  generateText,
  type JSONSchema7,
  jsonSchema,
  Output,
  stepCountIs,
  streamText,
  tool,
} from 'ai';
import { documentSchema } from '../support/documents.js';
import { lookupSchema } from './fantasy.js';
import { createAiLoopingModel, createAiMockAgentModel } from './vercel-ai-mock-model.js';

// The SDK logs a warning per call for settings a provider ignores; the bench output has no room for them.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** An OpenAI-compatible chat model whose requests go to `fetch`; objects use `response_format: json_schema`. */
export function createAiModel(fetch: typeof globalThis.fetch) {
  return createOpenAICompatible({
    name: 'bench',
    baseURL: 'http://bench.invalid/v1',
    apiKey: 'bench',
    fetch,
    supportsStructuredOutputs: true,
  })('bench-model');
}

/** `streamText` read through `textStream` or `fullStream`; returns the text length received. */
export async function aiTextStream(options: {
  fetch: typeof globalThis.fetch;
  view: 'textStream' | 'fullStream';
}): Promise<number> {
  const result = streamText({ model: createAiModel(options.fetch), prompt: 'Write something.' });
  return readTextLength(result, options.view);
}

/** The text length read through one view of a `streamText`-like result. */
async function readTextLength(
  result: Pick<ReturnType<typeof streamText>, 'textStream' | 'fullStream'>,
  view: 'textStream' | 'fullStream',
): Promise<number> {
  let length = 0;
  if (view === 'textStream') {
    for await (const text of result.textStream) length += text.length;
    return length;
  }
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') length += part.text.length;
    else if (part.type === 'error') throw part.error;
  }
  return length;
}

/** `streamText` with `output: Output.object`, read through `partialOutputStream`. */
export async function aiStreamObject(
  fetch: typeof globalThis.fetch,
): Promise<{ partials: number; object: unknown }> {
  const result = streamText({
    model: createAiModel(fetch),
    output: Output.object({ schema: jsonSchema(documentSchema as JSONSchema7) }),
    prompt: 'Write a document.',
  });
  let partials = 0;
  for await (const _partial of result.partialOutputStream) partials += 1;
  return { partials, object: await result.output };
}

/** `streamText` with one tool (no `execute`), read through `fullStream`. */
export async function aiToolInputStream(
  fetch: typeof globalThis.fetch,
): Promise<{ deltaLength: number; input: string }> {
  const result = streamText({
    model: createAiModel(fetch),
    tools: {
      lookup: tool({
        description: 'Looks up a record',
        inputSchema: jsonSchema(lookupSchema as JSONSchema7),
      }),
    },
    prompt: 'Look it up.',
  });
  let deltaLength = 0;
  let input = '';
  for await (const part of result.fullStream) {
    if (part.type === 'tool-input-delta') deltaLength += part.delta.length;
    else if (part.type === 'tool-call') input = JSON.stringify(part.input);
    else if (part.type === 'error') throw part.error;
  }
  return { deltaLength, input };
}

/** A two-step tool loop (`stopWhen: stepCountIs(2)`) against `MockLanguageModelV4`; each run returns its step count. */
export function createAiAgentLoop(): { generate(): Promise<number>; stream(): Promise<number> } {
  const settings = {
    model: createAiMockAgentModel(),
    tools: {
      lookup: tool({
        description: 'Looks up a record',
        inputSchema: jsonSchema<{ query: string }>(lookupSchema as JSONSchema7),
        execute: async ({ query }) => `found ${query}`,
      }),
    },
    stopWhen: stepCountIs(2),
    prompt: 'Look up Paris.',
  };
  return {
    generate: async () => (await generateText(settings)).steps.length,
    stream: async () => {
      const result = streamText(settings);
      for await (const _part of result.fullStream);
      return (await result.steps).length;
    },
  };
}

/** What an HTTP-case or case-1 stream received: text length, or tool-input length plus the call's input. */
export type StreamKind = 'text' | 'tool';

/**
 * The provider-level stream: `doStream` of the openai-compatible model, the layer `model.stream` is on (no
 * `streamText` around it). Returns the text length, or the tool-input length for `kind: 'tool'`.
 */
export async function aiDoStream(fetch: typeof globalThis.fetch, kind: StreamKind = 'text'): Promise<number> {
  const model = createAiModel(fetch);
  const { stream } = await model.doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'Write something.' }] }],
    ...(kind === 'tool'
      ? {
          tools: [
            {
              type: 'function' as const,
              name: 'lookup',
              description: 'Looks up a record',
              inputSchema: lookupSchema as JSONSchema7,
            },
          ],
        }
      : {}),
  });
  const reader = stream.getReader();
  let length = 0;
  while (true) {
    const { done, value: part } = await reader.read();
    if (done) return length;
    if (part.type === 'text-delta' || part.type === 'tool-input-delta') length += part.delta.length;
    else if (part.type === 'error') throw part.error;
  }
}

/** `experimental_streamTextLowMemory`, ai's lightest high-level view, read through `textStream` or `fullStream`. */
export async function aiLowMemoryTextStream(options: {
  fetch: typeof globalThis.fetch;
  view: 'textStream' | 'fullStream';
}): Promise<number> {
  const result = experimental_streamTextLowMemory({
    model: createAiModel(options.fetch),
    prompt: 'Write something.',
  });
  return readTextLength(result, options.view);
}

/** `streamText` over either kind, read through `fullStream`; returns the text or tool-input length. */
export async function aiStreamTextLength(fetch: typeof globalThis.fetch, kind: StreamKind): Promise<number> {
  if (kind === 'text') return aiTextStream({ fetch, view: 'textStream' });
  return (await aiToolInputStream(fetch)).deltaLength;
}

/** `steps` tool-calling steps against the AI SDK's looping mock; `onStep` runs at each model call. */
export async function aiLongRun(options: {
  steps: number;
  mode: 'generate' | 'stream';
  onStep: () => void;
}): Promise<{ steps: number; result: unknown }> {
  const settings = {
    model: createAiLoopingModel(options.onStep),
    tools: {
      lookup: tool({
        description: 'Looks up a record',
        inputSchema: jsonSchema<{ query: string }>(lookupSchema as JSONSchema7),
        execute: async ({ query }) => `found ${query}`,
      }),
    },
    stopWhen: stepCountIs(options.steps),
    prompt: 'Look up Paris.',
  };
  if (options.mode === 'generate') {
    const result = await generateText(settings);
    return { steps: result.steps.length, result };
  }
  const result = streamText(settings);
  for await (const _part of result.fullStream);
  const steps = await result.steps;
  return { steps: steps.length, result: steps };
}

/** ai's `embedMany` over `@ai-sdk/openai-compatible` (which asks for floats), 4 batches in flight. */
export async function aiEmbedMany(options: {
  fetch: typeof globalThis.fetch;
  values: readonly string[];
}): Promise<number[][]> {
  const model = createOpenAICompatible({
    name: 'bench',
    baseURL: 'http://bench.invalid/v1',
    apiKey: 'bench',
    fetch: options.fetch,
  }).textEmbeddingModel('text-embedding-3-small');
  const { embeddings } = await embedMany({ model, values: [...options.values], maxParallelCalls: 4 });
  return embeddings;
}
