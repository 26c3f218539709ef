import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneralChatWrapper } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { tool } from '../../src/agent/tool.js';
import { createLlamaCpp, type LlamaCppProvider } from '../../src/llamacpp/index.js';
import { userMessage } from '../../src/spec/message.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import { writeTinyGguf } from '../support/write-tiny-gguf.js';

// llama.cpp in process (node-llama-cpp's prebuilt CPU binary) on a tiny GGUF model this test writes: seeded
// random weights, so its free text is gibberish, but grammars make enum-only objects and tool calls exact.
let directory: string;
let modelPath: string;
let provider: LlamaCppProvider;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'fantasy-llamacpp-'));
  modelPath = join(directory, 'tiny.gguf');
  await writeTinyGguf(modelPath, { seed: 7 });
  provider = createLlamaCpp({
    modelPath,
    contextSize: 1024,
    sequences: 2,
    threads: 1,
    chatWrapper: new GeneralChatWrapper(),
  });
});

afterAll(async () => {
  await provider?.dispose();
  await rm(directory, { recursive: true, force: true });
});

const seeded = { providerOptions: { llamacpp: { seed: 1234 } }, temperature: 0.8 };

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const all: StreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

describe('the llama.cpp provider', () => {
  it('streams text deltas capped at maxOutputTokens, the same text twice for the same seed', async () => {
    const model = provider.languageModel();
    const run = async () =>
      collect(await model.stream({ prompt: [userMessage('Say something')], maxOutputTokens: 8, ...seeded }));
    const first = await run();
    const second = await run();
    const deltas = first.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(0);
    const finish = first.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'length' });
    if (finish?.type !== 'finish') throw new Error('no finish');
    expect(finish.usage.outputTokens).toBe(8);
    expect(finish.usage.inputTokens).toBeGreaterThan(0);
    const textOf = (parts: StreamPart[]) =>
      parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
    expect(textOf(second)).toBe(textOf(first));
    expect(textOf(first).length).toBeGreaterThan(0);
  });

  it('stops sampling when the stream is aborted and frees the sequence for the next call', async () => {
    const model = provider.languageModel();
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    for await (const part of await model.stream({
      prompt: [userMessage('Talk forever')],
      maxOutputTokens: 400,
      abortSignal: controller.signal,
      ...seeded,
    })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort(new Error('stop now'));
    }
    expect(parts.at(-1)).toMatchObject({ type: 'error' });
    expect(parts.filter((part) => part.type === 'text-delta').length).toBeLessThan(20);
    const next = await model.generate({ prompt: [userMessage('Again')], maxOutputTokens: 3, ...seeded });
    expect(next.usage.outputTokens).toBe(3);
  });

  it('generates an object with enum fields that parses and validates against the schema', async () => {
    const model = provider.languageModel();
    const schema = {
      type: 'object',
      properties: {
        color: { type: 'string', enum: ['red', 'green', 'blue'] },
        size: { type: 'string', enum: ['small', 'large'] },
      },
      required: ['color', 'size'],
      additionalProperties: false,
    };
    const result = await model.generateObject({
      prompt: [userMessage('Pick a color and a size')],
      schema,
      maxOutputTokens: 100,
      ...seeded,
    });
    const object = result.object as { color: string; size: string };
    expect(['red', 'green', 'blue']).toContain(object.color);
    expect(['small', 'large']).toContain(object.size);
    expect(Object.keys(object).sort()).toEqual(['color', 'size']);
    expect(JSON.parse(result.rawText)).toEqual(object);
  });

  it('runs an agent step whose forced tool call (enum parameters) executes the tool, then continues', async () => {
    const calls: unknown[] = [];
    const setLight = tool({
      name: 'set_light',
      description: 'Turn a light on or off',
      inputSchema: {
        type: 'object',
        properties: {
          room: { type: 'string', enum: ['kitchen', 'hall'] },
          state: { type: 'string', enum: ['on', 'off'] },
        },
        required: ['room', 'state'],
        additionalProperties: false,
      },
      execute: (input) => {
        calls.push(input);
        return 'done';
      },
    });
    const agent = createAgent(provider.languageModel(), {
      tools: [setLight],
      maxOutputTokens: 200,
      ...seeded,
      prepareStep: ({ stepNumber }) =>
        stepNumber === 0
          ? { toolChoice: { type: 'tool', toolName: 'set_light' } }
          : { disableAllTools: true },
    });
    const result = await agent.generate({ prompt: 'Light the kitchen' });
    expect(calls).toHaveLength(1);
    const input = calls[0] as { room: string; state: string };
    expect(['kitchen', 'hall']).toContain(input.room);
    expect(['on', 'off']).toContain(input.state);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]?.finishReason).toBe('tool-calls');
    expect(result.steps[1]?.usage.outputTokens).toBeGreaterThan(0);
  });

  it('answers concurrent calls on one loaded model, each as it would alone', async () => {
    const model = provider.languageModel();
    const call = (text: string) =>
      model
        .generate({ prompt: [userMessage(text)], maxOutputTokens: 5, ...seeded })
        .then((result) => result.text);
    const alone = [await call('one'), await call('two'), await call('three')];
    const together = await Promise.all([call('one'), call('two'), call('three')]);
    expect(together).toEqual(alone);
  });

  it('rejects calls after dispose with an error that says so', async () => {
    const own = createLlamaCpp({
      modelPath,
      contextSize: 256,
      threads: 1,
      chatWrapper: new GeneralChatWrapper(),
    });
    const model = own.languageModel();
    const before = await model.generate({ prompt: [userMessage('hi')], maxOutputTokens: 2, ...seeded });
    expect(before.usage.outputTokens).toBe(2);
    await own.dispose();
    await expect(model.generate({ prompt: [userMessage('hi')], maxOutputTokens: 2 })).rejects.toThrow(
      /disposed/,
    );
  });
});
