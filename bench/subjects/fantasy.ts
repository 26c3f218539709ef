/**
 * The fantasy-ts side of each case: what a user would write, consuming every part. Each returns what it
 * received (text length, final object, input length) so a case can check both SDKs saw the same bytes.
 */
import { createAgent, stepCountIs, tool } from '../../src/agent/index.js';
import { embedMany } from '../../src/embed/embed-many.js';
import { streamObject } from '../../src/object/stream-object.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { OpenAIEmbeddingModel } from '../../src/providers/openai/openai-embedding-model.js';
import { createOpenAICompatible } from '../../src/providers/openaicompat/index.js';
import { jsonSchema } from '../../src/schema/index.js';
import type { JSONSchema } from '../../src/spec/json-value.js';
import { userMessage } from '../../src/spec/message.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import type { TelemetryOptions } from '../../src/telemetry/telemetry-options.js';
import { documentSchema } from '../support/documents.js';
import { createFakeAgentModel, createLoopingAgentModel } from './fantasy-fake-model.js';

/** An OpenAI-compatible chat model whose requests go to `fetch`. */
export function createFantasyModel(fetch: typeof globalThis.fetch) {
  return createOpenAICompatible({ baseURL: 'http://bench.invalid/v1', apiKey: 'bench', fetch }).languageModel(
    'bench-model',
  );
}

/**
 * `model.stream` read with `for await`; returns the text length received. With `abortSignal`, the body is
 * read under the signal (the request watchdog), as a server passing its request's signal does.
 */
export async function fantasyModelTextStream(
  fetch: typeof globalThis.fetch,
  options: { abortSignal?: AbortSignal; telemetry?: TelemetryOptions | boolean } = {},
): Promise<number> {
  const parts = await createFantasyModel(fetch).stream({
    prompt: [userMessage('Write something.')],
    ...options,
  });
  let length = 0;
  for await (const part of parts) {
    if (part.type === 'text-delta') length += part.delta.length;
    else if (part.type === 'error') throw part.error;
  }
  return length;
}

/** An agent's `textStream` over the same model; returns the text length received. */
export async function fantasyAgentTextStream(
  fetch: typeof globalThis.fetch,
  options: { telemetry?: TelemetryOptions } = {},
): Promise<number> {
  const agent = createAgent(createFantasyModel(fetch));
  const run = await agent.stream({ prompt: 'Write something.', ...options });
  let length = 0;
  for await (const delta of run.textStream) length += delta.length;
  return length;
}

/** `streamObject` read through `partialObjectStream`; returns the partial count and the final object. */
export async function fantasyStreamObject(options: {
  fetch: typeof globalThis.fetch;
  mode: 'tool' | 'text';
}): Promise<{ partials: number; object: unknown }> {
  const result = await streamObject({
    model: createFantasyModel(options.fetch),
    schema: jsonSchema(documentSchema),
    mode: options.mode,
    prompt: 'Write a document.',
  });
  let partials = 0;
  for await (const _partial of result.partialObjectStream) partials += 1;
  return { partials, object: (await result.object).object };
}

/** `model.stream` with one tool offered; returns the input-delta length and the final tool call's input. */
export async function fantasyToolInputStream(
  fetch: typeof globalThis.fetch,
): Promise<{ deltaLength: number; input: string }> {
  const parts = await createFantasyModel(fetch).stream({
    prompt: [userMessage('Look it up.')],
    tools: [
      { type: 'function', name: 'lookup', description: 'Looks up a record', inputSchema: lookupSchema },
    ],
  });
  let deltaLength = 0;
  let input = '';
  for await (const part of parts) deltaLength += readToolPart(part, (value) => (input = value));
  return { deltaLength, input };
}

function readToolPart(part: StreamPart, onInput: (input: string) => void): number {
  if (part.type === 'tool-input-delta') return part.delta.length;
  if (part.type === 'tool-call') onInput(part.input);
  else if (part.type === 'error') throw part.error;
  return 0;
}

/** The schema of the `lookup` tool of the tool-input and agent cases. */
export const lookupSchema: JSONSchema = {
  type: 'object',
  properties: { query: { type: 'string' } },
  required: ['query'],
};

/** A two-step tool loop (tool call, then answer) against a fake model; each run returns its step count. */
export function createFantasyAgentLoop(): { generate(): Promise<number>; stream(): Promise<number> } {
  const agent = createAgent(createFakeAgentModel(), {
    tools: [
      tool({
        name: 'lookup',
        description: 'Looks up a record',
        inputSchema: jsonSchema(lookupSchema),
        execute: async ({ query }) => `found ${query}`,
      }),
    ],
    stopWhen: stepCountIs(2),
  });
  return {
    generate: async () => (await agent.generate({ prompt: 'Look up Paris.' })).steps.length,
    stream: async () => {
      const run = await agent.stream({ prompt: 'Look up Paris.' });
      for await (const _part of run.fullStream);
      return (await run.result).steps.length;
    },
  };
}

/** An agent's `fullStream` over a model offered `lookup`, one step; returns the tool-input length received. */
export async function fantasyAgentToolStream(fetch: typeof globalThis.fetch): Promise<number> {
  const agent = createAgent(createFantasyModel(fetch), {
    tools: [
      tool({
        name: 'lookup',
        description: 'Looks up a record',
        inputSchema: jsonSchema(lookupSchema),
        execute: async () => 'found',
      }),
    ],
    stopWhen: stepCountIs(1),
  });
  const run = await agent.stream({ prompt: 'Look it up.' });
  let length = 0;
  for await (const part of run.fullStream) if (part.type === 'tool-input-delta') length += part.delta.length;
  return length;
}

/**
 * A run of `steps` tool-calling steps against the looping fake model; calls `onStep` at each model call
 * (the long-run case timestamps them) and returns the result, so its history stays reachable while measured.
 */
export async function fantasyLongRun(options: {
  steps: number;
  mode: 'generate' | 'stream';
  onStep: () => void;
}): Promise<{ steps: number; result: unknown }> {
  const agent = createAgent(createLoopingAgentModel(options.onStep), {
    tools: [
      tool({
        name: 'lookup',
        description: 'Looks up a record',
        inputSchema: jsonSchema(lookupSchema),
        execute: async ({ query }) => `found ${query}`,
      }),
    ],
    maxSteps: options.steps,
  });
  if (options.mode === 'generate') {
    const result = await agent.generate({ prompt: 'Look up Paris.' });
    return { steps: result.steps.length, result };
  }
  const run = await agent.stream({ prompt: 'Look up Paris.' });
  for await (const _part of run.fullStream);
  const result = await run.result;
  return { steps: result.steps.length, result };
}

/**
 * `embedMany` over OpenAI's `/embeddings` at `fetch`, 4 batches in flight; returns the vectors. `base64` is
 * what `openai.embeddingModel` asks for; `float` is the same model asking for floats, as ai's provider does.
 */
export async function fantasyEmbedMany(options: {
  fetch: typeof globalThis.fetch;
  values: readonly string[];
  encoding: 'base64' | 'float';
}): Promise<number[][]> {
  const baseURL = 'http://bench.invalid/v1';
  const model =
    options.encoding === 'base64'
      ? createOpenAI({ baseURL, apiKey: 'bench', fetch: options.fetch }).embeddingModel(
          'text-embedding-3-small',
        )
      : new OpenAIEmbeddingModel('text-embedding-3-small', {
          provider: 'openai',
          baseURL,
          headers: () => ({ authorization: 'Bearer bench' }),
          fetch: options.fetch,
          encodingFormat: 'float',
        });
  const { embeddings } = await embedMany({ model, values: options.values, maxParallelCalls: 4 });
  return embeddings;
}
