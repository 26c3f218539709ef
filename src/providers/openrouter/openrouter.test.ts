import { afterEach, describe, expect, it, vi } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import { createOpenRouter } from './index.js';

interface RecordedRequest {
  url: string;
  body: Record<string, unknown>;
  headers: Headers;
}

function fakeFetch(respond: () => Response): typeof fetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchFunction = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, body: JSON.parse(await request.text()), headers: request.headers });
    return respond();
  };
  return Object.assign(fetchFunction, { requests }) as never;
}

/** A body streamed in the given pieces, so a test decides where chunk boundaries fall. */
function streamed(pieces: string[], contentType = 'text/event-stream'): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': contentType } });
}

async function collect(parts: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const all: StreamPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

const completion = {
  id: 'gen-1',
  provider: 'Amazon Bedrock',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Olá!' } }],
  usage: {
    prompt_tokens: 10,
    completion_tokens: 3,
    total_tokens: 13,
    cost: 0.0002,
    cost_details: { upstream_inference_cost: 0.0002 },
    prompt_tokens_details: { cached_tokens: 4 },
  },
};

const prompt = [userMessage('Say hi in Portuguese')];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('OpenRouter', () => {
  it('always asks for usage accounting and writes reasoning and routing options snake_case', async () => {
    const fetch = fakeFetch(() => Response.json(completion));
    const model = createOpenRouter({ apiKey: 'key', fetch }).languageModel('anthropic/claude-haiku-4.5');
    await model.generate({ prompt });
    await model.generate({
      prompt,
      providerOptions: {
        openrouter: {
          reasoning: { effort: 'high', maxTokens: 2000, exclude: false },
          provider: { order: ['anthropic'], allowFallbacks: false, dataCollection: 'deny' },
          models: ['openai/gpt-5-mini'],
          user: 'user-1',
          parallelToolCalls: false,
          extraBody: { transforms: ['middle-out'] },
        },
      },
    });
    const [plain, configured] = fetch.requests;
    expect(plain?.url).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(plain?.headers.get('authorization')).toBe('Bearer key');
    expect(plain?.body).toEqual({
      model: 'anthropic/claude-haiku-4.5',
      messages: [{ role: 'user', content: 'Say hi in Portuguese' }],
      usage: { include: true },
    });
    expect(configured?.body).toMatchObject({
      reasoning: { effort: 'high', max_tokens: 2000, exclude: false },
      provider: { order: ['anthropic'], allow_fallbacks: false, data_collection: 'deny' },
      models: ['openai/gpt-5-mini'],
      user: 'user-1',
      parallel_tool_calls: false,
      transforms: ['middle-out'],
      usage: { include: true },
    });
  });

  it('sends usage include false when asked, and lets extraBody override any field', async () => {
    const fetch = fakeFetch(() => Response.json(completion));
    const model = createOpenRouter({ apiKey: 'key', fetch }).languageModel('openai/gpt-5.4-nano');
    await model.generate({ prompt, providerOptions: { openrouter: { includeUsage: false } } });
    await model.generate({
      prompt,
      providerOptions: { openrouter: { extraBody: { usage: { include: false } } } },
    });
    expect(fetch.requests.map((request) => request.body.usage)).toEqual([
      { include: false },
      { include: false },
    ]);
  });

  it('reads a non-streamed body that starts with keep-alive blank lines, with provider and cost metadata', async () => {
    const fetch = fakeFetch(() =>
      streamed(['\n         \n\n   ', `      \n${JSON.stringify(completion)}`], 'application/json'),
    );
    const result = await createOpenRouter({ apiKey: 'key', fetch })
      .languageModel('anthropic/claude-haiku-4.5')
      .generate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'Olá!' }]);
    expect(result.usage).toMatchObject({
      inputTokens: 6,
      cacheReadTokens: 4,
      outputTokens: 3,
      totalTokens: 13,
    });
    expect(result.providerMetadata).toEqual({
      openrouter: {
        provider: 'Amazon Bedrock',
        usage: {
          promptTokens: 10,
          completionTokens: 3,
          totalTokens: 13,
          cachedTokens: 4,
          reasoningTokens: 0,
          cost: 0.0002,
          costDetails: { upstreamInferenceCost: 0.0002 },
        },
      },
    });
  });

  it('skips `: OPENROUTER PROCESSING` comment lines in a stream, even split across chunks', async () => {
    const chunk = (value: object) => `data: ${JSON.stringify(value)}\n\n`;
    const fetch = fakeFetch(() =>
      streamed([
        ': OPENROUTER PROCE',
        'SSING\n\n: OPENROUTER PROCESSING\n\n',
        chunk({ provider: 'xAI', choices: [{ index: 0, delta: { content: 'Oi' } }] }),
        ': OPENROUTER PROCESSING\n\n',
        chunk({ provider: 'xAI', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }),
        chunk({
          provider: 'xAI',
          choices: [],
          usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 },
        }),
        'data: [DONE]\n\n',
      ]),
    );
    const parts = await collect(
      await createOpenRouter({ apiKey: 'key', fetch }).languageModel('x-ai/grok-4.1-fast').stream({ prompt }),
    );
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'finish']);
    expect(parts.at(-1)).toMatchObject({
      finishReason: 'stop',
      usage: { totalTokens: 6 },
      providerMetadata: { openrouter: { provider: 'xAI', usage: { totalTokens: 6 } } },
    });
    expect(fetch.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("turns OpenRouter's error body into an APICallError with its message, retryable on 429", async () => {
    const fetch = fakeFetch(
      () =>
        new Response(JSON.stringify({ error: { code: 429, message: 'Rate limit exceeded' } }), {
          status: 429,
        }),
    );
    const model = createOpenRouter({ apiKey: 'key', fetch }).languageModel('z-ai/glm-5-turbo');
    const error = await model.generate({ prompt, maxRetries: 0 }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).message).toContain('Rate limit exceeded');
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('generates objects in tool mode by default', async () => {
    const fetch = fakeFetch(() =>
      Response.json({
        choices: [
          {
            finish_reason: 'tool_calls',
            message: {
              tool_calls: [
                { id: 'c', type: 'function', function: { name: 'Person', arguments: '{"name":"Ana"}' } },
              ],
            },
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
    const result = await createOpenRouter({ apiKey: 'key', fetch })
      .languageModel('openai/gpt-5.4-nano')
      .generateObject({
        prompt,
        schema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        schemaName: 'Person',
      });
    expect(result.object).toEqual({ name: 'Ana' });
    expect(fetch.requests[0]?.body).toMatchObject({
      tool_choice: { type: 'function', function: { name: 'Person' } },
    });
  });

  it('fails the call, not the import, with a LoadAPIKeyError naming OPENROUTER_API_KEY when no key is set', async () => {
    vi.stubEnv('OPENROUTER_API_KEY', '');
    const model = createOpenRouter({ fetch: fakeFetch(() => Response.json(completion)) }).languageModel(
      'openai/gpt-5',
    );
    const error = await model.generate({ prompt }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('OPENROUTER_API_KEY');
  });
});
