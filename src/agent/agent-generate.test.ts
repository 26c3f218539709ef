import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCall, usage, valueTool } from '../../test/support/agent-fixtures.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { type Content, sourcesOf, textOf, toolResultsOf } from '../spec/content.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { Message } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';
import { stepCountIs } from './stop-condition.js';

const text = (value: string): Content => ({ type: 'text', text: value });
const callsTool = (id = '1'): Partial<GenerateResult> => ({
  content: [toolCall(id, 'tool1', '{"value":"value"}')],
  finishReason: 'tool-calls',
});

describe('agent.generate: results and content', () => {
  it('runs the tool even when finish reason is stop and appends the result last', async () => {
    const tool1 = valueTool('tool1', { answer: 'result1' });
    const content: Content[] = [
      text('Hello'),
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com' },
      { type: 'file', mediaType: 'image/png', data: new Uint8Array([1]) },
      { type: 'reasoning', text: 'thinking' },
      toolCall('call-1', 'tool1', '{"value":"value"}'),
      text('World'),
    ];
    const model = new MockLanguageModel({ generate: { content, finishReason: 'stop' } });
    const result = await createAgent(model, { tools: [tool1] }).generate({ prompt: 'Hi' });
    expect(tool1.inputs).toEqual([{ value: 'value' }]);
    expect(result.steps).toHaveLength(1);
    const produced = result.response.content;
    expect(produced).toHaveLength(7);
    expect(produced.slice(0, 6)).toEqual(content);
    expect(produced[6]).toEqual({
      type: 'tool-result',
      toolCallId: 'call-1',
      toolName: 'tool1',
      output: { type: 'text', text: 'result1' },
    });
    expect(textOf(produced)).toBe('HelloWorld');
    expect(result.text).toBe('HelloWorld');
    expect(result.reasoningText).toBe('thinking');
    expect(sourcesOf(produced)).toHaveLength(1);
  });

  it('sends both tools, tool choice auto and exactly the user message without a system prompt', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    await createAgent(model, { tools: [valueTool('tool1'), valueTool('tool2')] }).generate({ prompt: 'Hi' });
    const call = model.calls[0];
    expect(call?.tools?.map((sent) => sent.name)).toEqual(['tool1', 'tool2']);
    expect(call?.toolChoice).toBe('auto');
    expect(call?.prompt).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }]);
  });

  it('keeps the tool call input string unchanged', async () => {
    const model = new MockLanguageModel({
      generate: { content: [toolCall('1', 'tool1', '{"value":"value"}')] },
    });
    const result = await createAgent(model, { tools: [valueTool('tool1')] }).generate({ prompt: 'Hi' });
    const call = result.steps[0]?.content[0];
    expect(call).toMatchObject({ type: 'tool-call', input: '{"value":"value"}' });
    expect(call).not.toHaveProperty('invalid');
  });

  it('continues after tool-calls, sums usage and answers with the last step text only', async () => {
    const model = new MockLanguageModel({
      generate: [
        { ...callsTool(), usage: usage({ inputTokens: 5, outputTokens: 10, totalTokens: 15 }) },
        { content: [text('Done')], usage: usage({ inputTokens: 8, outputTokens: 5, totalTokens: 13 }) },
      ],
    });
    const result = await createAgent(model, { tools: [valueTool('tool1')] }).generate({ prompt: 'Hi' });
    expect(model.calls).toHaveLength(2);
    expect(result.steps).toHaveLength(2);
    expect(result.totalUsage).toEqual(usage({ inputTokens: 13, outputTokens: 15, totalTokens: 28 }));
    expect(result.response.content).toEqual([text('Done')]);
  });

  it('sends the first step messages along with the second call', async () => {
    const model = new MockLanguageModel({ generate: [callsTool(), { content: [text('Done')] }] });
    const result = await createAgent(model, { tools: [valueTool('tool1')] }).generate({ prompt: 'Hi' });
    const second = model.calls[1]?.prompt ?? [];
    expect(second.map((message) => message.role)).toEqual(['user', 'assistant', 'tool']);
    expect(second.slice(1)).toEqual(result.steps[0]?.messages);
  });

  it('reports a single text step usage as both response usage and total usage', async () => {
    const stepUsage = usage({ inputTokens: 3, outputTokens: 4, totalTokens: 7 });
    const model = new MockLanguageModel({ generate: { content: [text('Hi there')], usage: stepUsage } });
    const result = await createAgent(model).generate({ prompt: 'Hi' });
    expect(result.steps).toHaveLength(1);
    expect(result.response.usage).toEqual(stepUsage);
    expect(result.totalUsage).toEqual(stepUsage);
  });

  it('puts the system prompt first', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    await createAgent(model, { system: 'You are a helpful assistant' }).generate({ prompt: 'Hi' });
    expect(model.calls[0]?.prompt).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant' }] },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    ]);
  });

  it('keeps earlier text as the response when the last step only calls tools', async () => {
    const model = new MockLanguageModel({
      generate: [
        {
          content: [text('Let me check'), toolCall('1', 'tool1', '{"value":"a"}')],
          finishReason: 'tool-calls',
        },
        { content: [toolCall('2', 'tool1', '{"value":"b"}')], finishReason: 'stop' },
      ],
    });
    const result = await createAgent(model, { tools: [valueTool('tool1')] }).generate({ prompt: 'Hi' });
    expect(result.steps).toHaveLength(2);
    expect(textOf(result.response.content)).toBe('Let me check');
  });
});

describe('agent.generate: prompt validation', () => {
  const agent = createAgent(new MockLanguageModel({ generate: { content: [text('ok')] } }));
  const user: Message = { role: 'user', content: [{ type: 'text', text: 'Hi' }] };
  const assistant: Message = { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] };
  const file = { type: 'file' as const, data: new Uint8Array([1]), mediaType: 'image/png' };

  it('rejects an empty prompt when there are no messages', async () => {
    const failure = agent.generate({ prompt: '' });
    await expect(failure).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(failure).rejects.toThrow(
      "invalid argument: prompt can't be empty when there are no messages",
    );
  });

  it('rejects an empty prompt with files, even when messages exist', async () => {
    await expect(agent.generate({ messages: [user], files: [file] })).rejects.toThrow(
      "prompt can't be empty when there are files",
    );
  });

  it('rejects an empty prompt when the last message is from the assistant', async () => {
    await expect(agent.generate({ messages: [user, assistant] })).rejects.toThrow(
      "prompt can't be empty when the last message is not a user or tool message",
    );
  });

  it('continues a conversation whose last message is a user or tool message', async () => {
    const toolMessage: Message = {
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: '1', output: { type: 'text', text: 'r' } }],
    };
    const callMessage: Message = {
      role: 'assistant',
      content: [{ type: 'tool-call', toolCallId: '1', toolName: 'tool1', input: '{}' }],
    };
    await expect(agent.generate({ messages: [user] })).resolves.toBeDefined();
    const result = await agent.generate({ messages: [user, callMessage, toolMessage] });
    expect(result.steps).toHaveLength(1);
  });

  it('puts files after the prompt text in the user message', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    await createAgent(model).generate({ prompt: 'Look', files: [file] });
    expect(model.calls[0]?.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Look' }, file] },
    ]);
  });

  it('rejects a step cap that is not a positive integer', async () => {
    await expect(agent.generate({ prompt: 'Hi', maxSteps: 0 })).rejects.toThrow(
      'maxSteps must be a positive integer',
    );
  });
});

describe('agent.generate: stop conditions and the step cap', () => {
  const looping = () => new MockLanguageModel({ generate: (_call, index) => callsTool(String(index)) });

  it('stops after one step with stepCountIs(1)', async () => {
    const model = looping();
    const result = await createAgent(model, {
      tools: [valueTool('tool1')],
      stopWhen: stepCountIs(1),
    }).generate({
      prompt: 'Hi',
    });
    expect(result.steps).toHaveLength(1);
    expect(toolResultsOf(result.steps[0]?.content ?? [])).toHaveLength(1);
  });

  it('ORs several conditions and ends on the step that finished with stop', async () => {
    const model = new MockLanguageModel({ generate: [callsTool(), { content: [text('done')] }] });
    const agent = createAgent(model, {
      tools: [valueTool('tool1')],
      stopWhen: [stepCountIs(5), () => false],
    });
    const result = await agent.generate({ prompt: 'Hi' });
    expect(result.steps).toHaveLength(2);
    expect(result.steps.at(-1)?.finishReason).toBe('stop');
  });

  it('lets the call stop conditions replace the agent ones', async () => {
    const model = looping();
    const agent = createAgent(model, { tools: [valueTool('tool1')], stopWhen: stepCountIs(1) });
    const result = await agent.generate({ prompt: 'Hi', stopWhen: [stepCountIs(3)] });
    expect(result.steps).toHaveLength(3);
  });

  it('stops a model that keeps calling tools at the default cap of 20 steps', async () => {
    const model = looping();
    const result = await createAgent(model, { tools: [valueTool('tool1')] }).generate({ prompt: 'Hi' });
    expect(result.steps).toHaveLength(20);
    expect(result.steps.at(-1)?.finishReason).toBe('tool-calls');
  });

  it('takes maxSteps from the call over the agent', async () => {
    const model = looping();
    const agent = createAgent(model, { tools: [valueTool('tool1')], maxSteps: 2 });
    expect((await agent.generate({ prompt: 'Hi' })).steps).toHaveLength(2);
    expect((await agent.generate({ prompt: 'Hi', maxSteps: 4 })).steps).toHaveLength(4);
  });

  it('runs past 20 steps when maxSteps is Infinity', async () => {
    const model = looping();
    const agent = createAgent(model, { tools: [valueTool('tool1')], maxSteps: Number.POSITIVE_INFINITY });
    const result = await agent.generate({ prompt: 'Hi', stopWhen: stepCountIs(25) });
    expect(result.steps).toHaveLength(25);
  });
});

describe('agent.generate: call settings', () => {
  it('merges headers and provider options key by key, the call winning', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    const agent = createAgent(model, {
      headers: { 'x-agent': 'a', 'x-both': 'agent' },
      providerOptions: { openai: { user: 'agent' }, anthropic: { effort: 'low' } },
    });
    await agent.generate({
      prompt: 'Hi',
      headers: { 'x-both': 'call', 'x-call': 'c' },
      providerOptions: { openai: { store: true } },
    });
    expect(model.calls[0]?.headers).toEqual({ 'x-agent': 'a', 'x-both': 'call', 'x-call': 'c' });
    expect(model.calls[0]?.providerOptions).toEqual({
      openai: { store: true },
      anthropic: { effort: 'low' },
    });
  });

  it('takes each sampling option from the call, else from the agent', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    const agent = createAgent(model, { temperature: 0.2, topP: 0.9, maxOutputTokens: 100 });
    await agent.generate({ prompt: 'Hi', temperature: 0.7, topK: 5 });
    expect(model.calls[0]).toMatchObject({ temperature: 0.7, topP: 0.9, maxOutputTokens: 100, topK: 5 });
    expect(model.calls[0]).not.toHaveProperty('presencePenalty');
  });

  it('passes the user agent on every call, and none when unset', async () => {
    const model = new MockLanguageModel({
      generate: [callsTool(), { content: [text('ok')] }, { content: [] }],
    });
    await createAgent(model, { tools: [valueTool('tool1')], userAgent: 'my-app/1.0' }).generate({
      prompt: 'Hi',
    });
    expect(model.calls.map((call) => call.userAgent)).toEqual(['my-app/1.0', 'my-app/1.0']);
    await createAgent(model).generate({ prompt: 'Hi' });
    expect(model.calls[2]).not.toHaveProperty('userAgent');
  });

  it('passes the call abort signal to the model', async () => {
    const model = new MockLanguageModel({ generate: { content: [text('ok')] } });
    const controller = new AbortController();
    await createAgent(model).generate({ prompt: 'Hi', abortSignal: controller.signal });
    expect(model.calls[0]?.abortSignal).toBe(controller.signal);
  });
});

describe('MockLanguageModel', () => {
  it('answers each call with the next scripted stream and says when the script runs out', async () => {
    const model = new MockLanguageModel({ stream: [[...textParts('1', 'a'), finishPart('stop')]] });
    const parts = [];
    for await (const part of await model.stream({ prompt: [] })) parts.push(part.type);
    expect(parts).toEqual(['text-start', 'text-delta', 'text-end', 'finish']);
    await expect(model.stream({ prompt: [] })).rejects.toThrow('stream call 2 has no answer (1 configured)');
  });
});
