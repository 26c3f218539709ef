import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { defaultMaxSteps } from '../../src/agent/resolve-agent-run.js';
import { InvalidToolCallError } from '../../src/errors/invalid-tool-call-error.js';
import { NoObjectGeneratedError } from '../../src/errors/no-object-generated-error.js';
import { streamObject } from '../../src/object/stream-object.js';
import { streamObjectWithMode } from '../../src/object/stream-object-with-mode.js';
import { createOpenAICompatible } from '../../src/providers/openaicompat/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { type ToolCallContent, textOf, toolResultsOf } from '../../src/spec/content.js';
import { type Message, userMessage } from '../../src/spec/message.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';
import { finishPart, textParts, toolCall, toolCallParts, valueTool } from '../support/agent-fixtures.js';
import { useFaultServer } from './fault-server.js';
import { collectParts, faultApiKey, rejectionOf, settles } from './support.js';
import { chatFinish, okStream, sse } from './wire.js';

const server = useFaultServer();
const megabyte = 1024 * 1024;

/** A model that makes one tool call with `input` (streamed), then answers "done" once it sees the result. */
function callingOnce(toolName: string, input: string): MockLanguageModel {
  return new MockLanguageModel({
    stream: [
      [...toolCallParts('call_1', toolName, input), finishPart('tool-calls')],
      [...textParts('1', 'done'), finishPart('stop')],
    ],
  });
}

/** A mock that streams objects in json mode from the given model stream. */
function objectModel(parts: StreamPart[]): MockLanguageModel {
  const model: MockLanguageModel = new MockLanguageModel({
    stream: parts,
    streamObject: (options) => streamObjectWithMode(model, options, 'json'),
  });
  return model;
}

/** The error text the agent sent back to the model for the first tool call. */
function errorFedBack(model: MockLanguageModel): string | undefined {
  const toolMessage = model.calls[1]?.prompt.find((message: Message) => message.role === 'tool');
  const part = toolMessage?.content[0];
  return part?.type === 'tool-result' && part.output.type === 'error' ? part.output.error : undefined;
}

describe('hostile model output: tool calls', () => {
  it.each([
    ['arguments that are not JSON', 'weather', '<<<not json>>>', /^invalid JSON input: /],
    ['JSON of the wrong shape', 'weather', '{"value":42}', /^invalid input: /],
    ['a JSON array', 'weather', '[1,2]', /^invalid JSON input: expected a JSON object, got an array$/],
    [
      'a tool that does not exist',
      'launch_missiles',
      '{}',
      /^tool not found: launch_missiles\. Available tools: weather$/,
    ],
  ])(
    'answers %s with an error result the model sees, and goes on',
    async (_name, toolName, input, message) => {
      const weather = valueTool('weather');
      const model = callingOnce(toolName, input);
      const toolCalls: ToolCallContent[] = [];
      const run = await createAgent(model, { tools: [weather] }).stream({
        prompt: 'Hi',
        onToolCall: (call) => void toolCalls.push(call),
      });
      const result = await settles(run.result, 'result');
      expect(weather.inputs).toEqual([]);
      expect(toolCalls[0]).toMatchObject({ invalid: true, input });
      expect(InvalidToolCallError.isInstance(toolCalls[0]?.validationError)).toBe(true);
      expect(errorFedBack(model)).toMatch(message);
      expect(result.steps).toHaveLength(2);
      expect(textOf(result.response.content)).toBe('done');
      expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.output).toMatchObject({ type: 'error' });
    },
  );

  it('runs a tool once with a valid 10 MB argument', async () => {
    const value = 'v'.repeat(10 * megabyte);
    const weather = valueTool('weather', { answer: 'ok' });
    const model = callingOnce('weather', JSON.stringify({ value }));
    const run = await createAgent(model, { tools: [weather] }).stream({ prompt: 'Hi' });
    const result = await settles(run.result, 'run', 10_000);
    expect(weather.inputs).toHaveLength(1);
    expect(weather.inputs[0]?.value.length).toBe(10 * megabyte);
    expect(textOf(result.response.content)).toBe('done');
  });

  it('answers a 10 MB argument that never closes with an error result, quickly', async () => {
    const weather = valueTool('weather');
    const model = callingOnce('weather', `{"value":"${'v'.repeat(10 * megabyte)}`);
    const started = performance.now();
    const run = await createAgent(model, { tools: [weather] }).stream({ prompt: 'Hi' });
    const result = await settles(run.result, 'run', 10_000);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(weather.inputs).toEqual([]);
    expect(errorFedBack(model)).toMatch(/^invalid JSON input: /);
    expect(textOf(result.response.content)).toBe('done');
  });

  it(`ends a model that never stops calling tools after ${defaultMaxSteps} steps`, async () => {
    const weather = valueTool('weather');
    const model = new MockLanguageModel({
      stream: () => [...toolCallParts('call', 'weather', '{"value":"again"}'), finishPart('tool-calls')],
    });
    const run = await createAgent(model, { tools: [weather] }).stream({ prompt: 'Hi' });
    const result = await settles(run.result, 'run');
    expect(result.steps).toHaveLength(20);
    expect(model.calls).toHaveLength(20);
    expect(weather.inputs).toHaveLength(20);
    expect(result.response.finishReason).toBe('tool-calls');
  });

  it('ends a model that keeps calling a tool that does not exist after 20 steps, running nothing', async () => {
    const weather = valueTool('weather');
    const model = new MockLanguageModel({
      generate: () => ({ content: [toolCall('call', 'nope', '{}')], finishReason: 'tool-calls' }),
    });
    const result = await settles(createAgent(model, { tools: [weather] }).generate({ prompt: 'Hi' }), 'run');
    expect(result.steps).toHaveLength(20);
    expect(weather.inputs).toEqual([]);
  });
});

describe('hostile model output: objects and reasoning', () => {
  const person = jsonSchema<{ name: string; age: number }>({
    type: 'object',
    properties: { name: { type: 'string' }, age: { type: 'number' } },
    required: ['name', 'age'],
  });

  it('rejects an object that never closes and misses a field with a NoObjectGeneratedError', async () => {
    const model = objectModel([
      ...textParts('1', '{"name":"Ada",', '"tags":["math"'),
      finishPart('length', { outputTokens: 9 }),
    ]);
    const result = await streamObject({ model, schema: person, prompt: 'A person', mode: 'json' });
    const partials: unknown[] = [];
    const reading = (async () => {
      for await (const partial of result.partialObjectStream) partials.push(partial);
    })();
    const error = await rejectionOf(reading, 'partialObjectStream');
    expect(NoObjectGeneratedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ rawText: '{"name":"Ada","tags":["math"', finishReason: 'length' });
    expect((error as NoObjectGeneratedError).usage?.outputTokens).toBe(9);
    expect(await rejectionOf(result.object, 'object')).toBe(error);
    expect(partials.at(-1)).toEqual({ name: 'Ada', tags: ['math'] });
  });

  it('repairs an object that never closes but is otherwise complete', async () => {
    const model = objectModel([...textParts('1', '{"name":"Ada","age":36'), finishPart('length')]);
    const result = await streamObject({ model, schema: person, prompt: 'A person', mode: 'json' });
    const { object, rawText, finishReason } = await settles(result.object, 'object');
    expect(object).toEqual({ name: 'Ada', age: 36 });
    expect(rawText).toBe('{"name":"Ada","age":36');
    expect(finishReason).toBe('length');
  });

  it('keeps the answer but not the reasoning of a block the model never ended', async () => {
    const parts: StreamPart[] = [
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'thinking…' },
      ...textParts('t', 'answer'),
      finishPart('stop'),
    ];
    const reasoningEnds: string[] = [];
    const run = await createAgent(new MockLanguageModel({ stream: parts })).stream({
      prompt: 'Hi',
      onReasoningEnd: (id) => void reasoningEnds.push(id),
    });
    const result = await settles(run.result, 'result');
    expect(result.response.content).toEqual([{ type: 'text', text: 'answer' }]);
    expect(reasoningEnds).toEqual([]);
  });

  it('closes reasoning that a chat-completions stream never ended', async () => {
    const reasoning = (text: string) => ({ choices: [{ index: 0, delta: { reasoning_content: text } }] });
    server.answer(okStream(sse(reasoning('think'), reasoning('ing'), chatFinish(), '[DONE]')));
    const model = createOpenAICompatible({ baseURL: `${server.url}/v1`, apiKey: faultApiKey }).languageModel(
      'm',
    );
    const parts = await collectParts(await model.stream({ prompt: [userMessage('Hi')] }));
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'finish',
    ]);
  });
});
