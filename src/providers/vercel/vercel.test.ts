import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { userMessage } from '../../spec/message.js';
import { createVercelGateway } from './index.js';

interface RecordedRequest {
  url: string;
  body: Record<string, unknown>;
}

function fakeFetch(respond: () => Response): typeof fetch & { requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetchFunction = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, body: JSON.parse(await request.text()) });
    return respond();
  };
  return Object.assign(fetchFunction, { requests }) as never;
}

const completion = {
  choices: [
    {
      finish_reason: 'stop',
      message: {
        role: 'assistant',
        content: 'Oi!',
        reasoning: 'A greeting.',
        provider_metadata: { gateway: {} },
      },
    },
  ],
  usage: { prompt_tokens: 8, completion_tokens: 2, total_tokens: 10, cost: 0.001 },
};

const prompt = [userMessage('Say hi in Portuguese')];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Vercel AI Gateway', () => {
  it('sends no usage or reasoning fields without options', async () => {
    const fetch = fakeFetch(() => Response.json(completion));
    await createVercelGateway({ apiKey: 'key', fetch })
      .languageModel('google/gemini-2.5-flash')
      .generate({ prompt });
    expect(fetch.requests[0]).toEqual({
      url: 'https://ai-gateway.vercel.sh/v1/chat/completions',
      body: {
        model: 'google/gemini-2.5-flash',
        messages: [{ role: 'user', content: 'Say hi in Portuguese' }],
      },
    });
  });

  it('writes reasoning snake_case and routing under providerOptions.gateway, with models also at the top level', async () => {
    const fetch = fakeFetch(() => Response.json(completion));
    await createVercelGateway({ apiKey: 'key', baseURL: 'https://gateway.example/v1/', fetch })
      .languageModel('anthropic/claude-sonnet-4')
      .generate({
        prompt,
        providerOptions: {
          vercel: {
            reasoning: { enabled: true, maxTokens: 1024 },
            providerOptions: { order: ['vertex', 'anthropic'], models: ['openai/gpt-5'] },
            byok: { anthropic: [{ apiKey: 'sk-ant' }] },
            topLogprobs: 2,
            user: 'user-1',
          },
        },
      });
    expect(fetch.requests[0]?.url).toBe('https://gateway.example/v1/chat/completions');
    expect(fetch.requests[0]?.body).toMatchObject({
      reasoning: { enabled: true, max_tokens: 1024 },
      providerOptions: {
        gateway: {
          order: ['vertex', 'anthropic'],
          models: ['openai/gpt-5'],
          byok: { anthropic: [{ apiKey: 'sk-ant' }] },
        },
      },
      models: ['openai/gpt-5'],
      top_logprobs: 2,
      user: 'user-1',
    });
    expect(fetch.requests[0]?.body).not.toHaveProperty('usage');
  });

  it('reads plain `reasoning` when a message has no reasoning_details, and reports the cost', async () => {
    const fetch = fakeFetch(() => Response.json(completion));
    const result = await createVercelGateway({ apiKey: 'key', fetch })
      .languageModel('moonshotai/kimi-k2')
      .generate({ prompt });
    expect(result.content).toEqual([
      { type: 'text', text: 'Oi!' },
      { type: 'reasoning', text: 'A greeting.' },
    ]);
    expect(result.providerMetadata?.vercel).toMatchObject({ usage: { cost: 0.001, totalTokens: 10 } });
  });

  it('fails the call with a LoadAPIKeyError naming AI_GATEWAY_API_KEY when no key is set', async () => {
    vi.stubEnv('AI_GATEWAY_API_KEY', '');
    const model = createVercelGateway({ fetch: fakeFetch(() => Response.json(completion)) }).languageModel(
      'openai/gpt-5',
    );
    const error = await model.generate({ prompt }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('AI_GATEWAY_API_KEY');
  });
});
