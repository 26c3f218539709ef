import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCall } from '../../test/support/agent-fixtures.js';
import { createTestTelemetry, parentOf } from '../../test/support/otel-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { tool } from '../agent/tool.js';
import { APICallError } from '../errors/api-call-error.js';
import { wrapLanguageModel } from '../middleware/wrap-language-model.js';
import { generateObject } from '../object/generate-object.js';
import { userMessage } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { telemetryMiddleware } from './telemetry-middleware.js';

const SpanStatusCode = { ERROR: 2 };
const done = { content: [{ type: 'text' as const, text: 'done' }] };

function echo(name: string, parallel = false) {
  return tool({
    name,
    description: `echoes for ${name}`,
    inputSchema: { type: 'object', properties: { value: { type: 'string' } } },
    parallel,
    execute: async ({ value }: { value?: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return `${name}:${value}`;
    },
  });
}

afterEach(() => trace.disable());

describe('agent telemetry', () => {
  it('puts parallel tools under the agent span, overlapping, each with its call id', async () => {
    const telemetry = createTestTelemetry();
    const model = new MockLanguageModel({
      generate: [
        {
          content: [toolCall('c1', 'left', '{"value":"a"}'), toolCall('c2', 'right', '{"value":"b"}')],
          finishReason: 'tool-calls',
        },
        done,
      ],
    });
    const agent = createAgent(model, { tools: [echo('left', true), echo('right', true)] });
    await agent.generate({ prompt: 'go', telemetry: { tracer: telemetry.tracer } });
    const spans = telemetry.spans();
    const root = spans.find((span) => span.name === 'invoke_agent agent')!;
    const left = spans.find((span) => span.name === 'execute_tool left')!;
    const right = spans.find((span) => span.name === 'execute_tool right')!;
    expect([parentOf(left), parentOf(right)]).toEqual([root.spanContext().spanId, root.spanContext().spanId]);
    expect([left.attributes['gen_ai.tool.call.id'], right.attributes['gen_ai.tool.call.id']]).toEqual([
      'c1',
      'c2',
    ]);
    // Parallel: the second started before the first ended.
    const startOf = (span: typeof left) => span.startTime[0] * 1e9 + span.startTime[1];
    const endOf = (span: typeof left) => span.endTime[0] * 1e9 + span.endTime[1];
    expect(startOf(right)).toBeLessThan(endOf(left));
  });

  it('shows every attempt of a retried model call, the failed one with error.type and an error status', async () => {
    const telemetry = createTestTelemetry();
    const rateLimited = new APICallError({
      url: 'https://api.example.com/v1/chat',
      statusCode: 429,
      message: 'slow down',
    });
    const model = new MockLanguageModel({
      generate: (_options, index) => {
        if (index === 0) throw rateLimited;
        return done;
      },
    });
    const agent = createAgent(model, { retry: { sleep: async () => {} } });
    await agent.generate({ prompt: 'go', telemetry: { tracer: telemetry.tracer, meter: telemetry.meter } });
    const chats = telemetry.spans().filter((span) => span.name === 'chat mock-model');
    expect(chats).toHaveLength(2);
    expect(chats[0]?.attributes['error.type']).toBe('429');
    expect(chats[0]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(chats[1]?.attributes['error.type']).toBeUndefined();
    const duration = (await telemetry.histograms()).get('gen_ai.client.operation.duration');
    const failed = duration?.dataPoints.find((point) => point.attributes['error.type'] === '429');
    expect(failed?.value.count).toBe(1);
  });

  it('marks the agent span failed when the run fails, and a throwing tool span failed', async () => {
    const telemetry = createTestTelemetry();
    const broken = tool({
      name: 'broken',
      description: 'fails',
      inputSchema: { type: 'object', properties: {} },
      execute: () => {
        throw new TypeError('no disk');
      },
    });
    const model = new MockLanguageModel({
      generate: (_options, index) => {
        if (index === 0) return { content: [toolCall('c1', 'broken', '{}')], finishReason: 'tool-calls' };
        throw new APICallError({ url: 'https://api.example.com', statusCode: 400, message: 'bad request' });
      },
    });
    const agent = createAgent(model, { tools: [broken] });
    await expect(agent.generate({ prompt: 'go', telemetry: { tracer: telemetry.tracer } })).rejects.toThrow(
      'bad request',
    );
    const spans = telemetry.spans();
    const root = spans.find((span) => span.name === 'invoke_agent agent');
    expect(root?.status.code).toBe(SpanStatusCode.ERROR);
    expect(root?.attributes['error.type']).toBe('400');
    const toolSpan = spans.find((span) => span.name === 'execute_tool broken');
    expect(toolSpan?.attributes['error.type']).toBe('TypeError');
  });

  it('records content only when asked, in the conventions’ shapes', async () => {
    const telemetry = createTestTelemetry();
    const model = new MockLanguageModel({
      stream: [
        [...[toolCall('c1', 'left', '{"value":"x"}')], finishPart('tool-calls')],
        [...textParts('t', 'Hel', 'lo'), finishPart('stop')],
      ],
    });
    const agent = createAgent(model, { system: 'Be brief.', tools: [echo('left')] });
    const run = await agent.stream({
      prompt: 'hi',
      telemetry: { tracer: telemetry.tracer, recordInputs: true, recordOutputs: true },
    });
    await run.result;
    const chats = telemetry.spans().filter((span) => span.name === 'chat mock-model');
    const first = chats[0]!.attributes;
    expect(JSON.parse(String(first['gen_ai.system_instructions']))).toEqual([
      { type: 'text', content: 'Be brief.' },
    ]);
    expect(JSON.parse(String(first['gen_ai.input.messages']))).toEqual([
      { role: 'user', parts: [{ type: 'text', content: 'hi' }] },
    ]);
    expect(JSON.parse(String(first['gen_ai.tool.definitions']))[0]).toMatchObject({
      type: 'function',
      name: 'left',
    });
    const last = chats[1]!.attributes;
    expect(JSON.parse(String(last['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello' }], finish_reason: 'stop' },
    ]);
    const toolSpan = telemetry.spans().find((span) => span.name === 'execute_tool left')!;
    expect(toolSpan.attributes['gen_ai.tool.call.arguments']).toBe('{"value":"x"}');
    expect(toolSpan.attributes['gen_ai.tool.call.result']).toBe('left:x');
  });

  it('creates no span without the option, and uses the global provider with telemetry: true', async () => {
    const telemetry = createTestTelemetry();
    trace.setGlobalTracerProvider(telemetry.tracerProvider);
    const agent = createAgent(new MockLanguageModel({ generate: done }));
    await agent.generate({ prompt: 'go' });
    expect(telemetry.spans()).toHaveLength(0);
    await agent.generate({ prompt: 'go', telemetry: true });
    expect(
      telemetry
        .spans()
        .map((span) => span.name)
        .sort(),
    ).toEqual(['chat mock-model', 'invoke_agent agent']);
  });

  it('nests under a parent context the caller gives', async () => {
    const telemetry = createTestTelemetry();
    const parent = telemetry.tracer.startSpan('http.request');
    const parentContext = trace.setSpan((await import('@opentelemetry/api')).context.active(), parent);
    await createAgent(new MockLanguageModel({ generate: done })).generate({
      prompt: 'go',
      telemetry: { tracer: telemetry.tracer, parentContext },
    });
    parent.end();
    const root = telemetry.spans().find((span) => span.name === 'invoke_agent agent')!;
    expect(parentOf(root)).toBe(parent.spanContext().spanId);
  });
});

describe('telemetry on model and object calls', () => {
  it('traces a wrapped model call and the time to its first chunk', async () => {
    const telemetry = createTestTelemetry();
    const model = wrapLanguageModel({
      model: new MockLanguageModel({
        stream: [...textParts('t', 'a'), finishPart('stop', { outputTokens: 3 })],
      }),
      middleware: telemetryMiddleware({ tracer: telemetry.tracer, meter: telemetry.meter }),
    });
    for await (const _part of await model.stream({ prompt: [userMessage('hi')], temperature: 0.2 })) {
      // drain
    }
    const [span] = telemetry.spans();
    expect(span?.name).toBe('chat mock-model');
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.temperature': 0.2,
      'gen_ai.usage.output_tokens': 3,
    });
    expect(
      (await telemetry.histograms()).get('gen_ai.client.operation.time_to_first_chunk')?.dataPoints[0]?.value
        .count,
    ).toBe(1);
  });

  it('traces generateObject with the telemetry option', async () => {
    const telemetry = createTestTelemetry();
    const model = new MockLanguageModel({
      generateObject: {
        object: { a: 1 },
        rawText: '{"a":1}',
        usage: {
          inputTokens: 1,
          outputTokens: 2,
          totalTokens: 3,
          reasoningTokens: 0,
          cacheCreationTokens: 0,
          cacheReadTokens: 0,
        },
        finishReason: 'stop',
        warnings: [],
      },
    });
    await generateObject({
      model,
      schema: { type: 'object', properties: { a: { type: 'number' } } },
      prompt: 'go',
      telemetry: { tracer: telemetry.tracer },
    });
    expect(
      telemetry.spans().map((span) => [span.name, span.attributes['gen_ai.usage.output_tokens']]),
    ).toEqual([['chat mock-model', 2]]);
  });
});
