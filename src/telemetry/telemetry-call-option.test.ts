import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestTelemetry } from '../../test/support/otel-fixtures.js';
import { collectStream, jsonBody, sseBody } from '../../test/support/provider-wire.js';
import { createOpenAI } from '../providers/openai/index.js';
import { userMessage } from '../spec/message.js';

// Expected names from the OpenTelemetry GenAI semantic conventions:
// https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/gen-ai-spans.md
const SpanKind = { CLIENT: 2 };
const SpanStatusCode = { ERROR: 2 };

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-2024-08-06',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 },
};

const chunks = [
  {
    id: 'chatcmpl-2',
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' } }],
  },
  { id: 'chatcmpl-2', model: 'gpt-4o-2024-08-06', choices: [{ index: 0, delta: { content: 'lo.' } }] },
  { id: 'chatcmpl-2', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] },
  { id: 'chatcmpl-2', choices: [], usage: { prompt_tokens: 9, completion_tokens: 3, total_tokens: 12 } },
];

/** A fetch that answers with the scripted responses in turn. */
function scriptedFetch(...answers: Array<() => Response>): typeof fetch {
  let index = 0;
  return (async () => {
    const answer = answers[Math.min(index, answers.length - 1)];
    index += 1;
    return answer!();
  }) as typeof fetch;
}

const rateLimited = () =>
  new Response(JSON.stringify({ error: { message: 'Rate limit reached', type: 'requests' } }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'retry-after-ms': '1' },
  });

function chatModel(fetch: typeof globalThis.fetch) {
  return createOpenAI({ apiKey: 'test-key', fetch }).chat('gpt-4o');
}

afterEach(() => trace.disable());

describe('the telemetry option of a bare model call', () => {
  it('traces model.generate as one chat span per attempt, the retried one failed with error.type 429', async () => {
    const telemetry = createTestTelemetry();
    const model = chatModel(scriptedFetch(rateLimited, () => jsonBody(completion)));
    const result = await model.generate({
      prompt: [userMessage('Say hello.')],
      maxOutputTokens: 20,
      temperature: 0.2,
      telemetry: { tracer: telemetry.tracer, meter: telemetry.meter, conversationId: 'conv-9' },
    });
    expect(result.text).toBe('Hello.');
    const spans = telemetry.spans();
    expect(spans.map((span) => span.name)).toEqual(['chat gpt-4o', 'chat gpt-4o']);
    const [failed, succeeded] = spans;
    expect(failed?.kind).toBe(SpanKind.CLIENT);
    expect(failed?.attributes['error.type']).toBe('429');
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(succeeded?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.max_tokens': 20,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 9,
      'gen_ai.usage.output_tokens': 3,
      'gen_ai.conversation.id': 'conv-9',
    });
    expect(succeeded?.attributes['error.type']).toBeUndefined();
    const histograms = await telemetry.histograms();
    expect(histograms.get('gen_ai.client.operation.duration')?.dataPoints).toHaveLength(2);
  });

  it('traces model.stream in a span that ends with the stream, with usage and time to first chunk', async () => {
    const telemetry = createTestTelemetry();
    const model = chatModel(scriptedFetch(() => sseBody(chunks)));
    const stream = await model.stream({
      prompt: [userMessage('Say hello.')],
      telemetry: { tracer: telemetry.tracer, meter: telemetry.meter, recordOutputs: true },
    });
    expect(telemetry.spans()).toHaveLength(0);
    const parts = await collectStream(stream);
    expect(parts.at(-1)?.type).toBe('finish');
    const [span] = telemetry.spans();
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBe(3);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['stop']);
    expect(JSON.parse(String(span?.attributes['gen_ai.output.messages']))).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello.' }], finish_reason: 'stop' },
    ]);
    const histograms = await telemetry.histograms();
    expect(histograms.has('gen_ai.client.operation.time_to_first_chunk')).toBe(true);
  });

  it('uses the global tracer provider for telemetry: true, and traces nothing without the option', async () => {
    const telemetry = createTestTelemetry();
    trace.setGlobalTracerProvider(telemetry.tracerProvider);
    const model = chatModel(scriptedFetch(() => jsonBody(completion)));
    await model.generate({ prompt: [userMessage('Say hello.')] });
    await model.generate({ prompt: [userMessage('Say hello.')], telemetry: false });
    expect(telemetry.spans()).toHaveLength(0);
    await model.generate({ prompt: [userMessage('Say hello.')], telemetry: true });
    expect(telemetry.spans().map((span) => span.name)).toEqual(['chat gpt-4o']);
  });
});
