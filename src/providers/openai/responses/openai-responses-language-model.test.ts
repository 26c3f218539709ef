import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../errors/api-call-error.js';
import { userMessage } from '../../../spec/message.js';
import {
  createOpenAI,
  isResponsesModel,
  OpenAIChatLanguageModel,
  OpenAIResponsesLanguageModel,
} from '../index.js';

function jsonFetch(body: unknown, status = 200) {
  const requests: Array<{ url: string; body: Record<string, unknown>; headers: Headers }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, body: JSON.parse(await request.text()), headers: request.headers });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fetch, { requests });
}

const prompt = [userMessage('hi')];
const usage = { input_tokens: 10, output_tokens: 5, output_tokens_details: { reasoning_tokens: 2 } };

async function generate(response: unknown, modelId = 'gpt-5') {
  const fetch = jsonFetch(response);
  const result = await createOpenAI({ apiKey: 'k', fetch })
    .responses(modelId)
    .generate({ prompt, maxRetries: 0 });
  return { result, fetch };
}

describe('OpenAI Responses generate', () => {
  it('posts to /responses and maps reasoning, text and function calls in output order', async () => {
    const { result, fetch } = await generate({
      id: 'resp_1',
      model: 'gpt-5-2025-08-07',
      output: [
        {
          id: 'rs_1',
          type: 'reasoning',
          summary: [{ text: 'Plan' }, { text: 'Act' }],
          encrypted_content: 'enc',
        },
        {
          id: 'msg_1',
          type: 'message',
          content: [{ type: 'output_text', text: 'Checking.', annotations: [] }],
        },
        {
          id: 'fc_1',
          type: 'function_call',
          call_id: 'call_1',
          name: 'weather',
          arguments: '{"location": "Rome"}',
        },
      ],
      usage,
    });
    expect(fetch.requests[0]?.url).toBe('https://api.openai.com/v1/responses');
    expect(fetch.requests[0]?.headers.get('authorization')).toBe('Bearer k');
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: 'Plan\nAct',
        providerMetadata: { openai: { itemId: 'rs_1', encryptedContent: 'enc', summary: ['Plan', 'Act'] } },
      },
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: '{"location": "Rome"}' },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(result.usage).toMatchObject({
      inputTokens: 10,
      outputTokens: 5,
      totalTokens: 15,
      reasoningTokens: 2,
    });
    expect(result.providerMetadata).toEqual({ openai: { responseId: 'resp_1' } });
    expect(result.response).toMatchObject({ id: 'resp_1', modelId: 'gpt-5-2025-08-07' });
  });

  it('skips reasoning items with neither summary nor encrypted content, and keeps one "" summary otherwise', async () => {
    const { result } = await generate({
      output: [
        { id: 'rs_1', type: 'reasoning', summary: [] },
        { id: 'rs_2', type: 'reasoning', summary: [], encrypted_content: 'enc' },
      ],
    });
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: '',
        providerMetadata: { openai: { itemId: 'rs_2', encryptedContent: 'enc', summary: [''] } },
      },
    ]);
    expect(result.finishReason).toBe('stop');
  });

  it('maps a web search call to a provider-executed call and result, and citations to sources', async () => {
    const action = { type: 'search', query: 'tokyo' };
    const { result } = await generate(
      {
        output: [
          { id: 'ws_1', type: 'web_search_call', status: 'completed', action },
          {
            id: 'msg_1',
            type: 'message',
            content: [
              {
                type: 'output_text',
                text: 'About 14M.',
                annotations: [
                  { type: 'url_citation', url: 'https://example.test', title: 'Example' },
                  { type: 'file_citation', file_id: 'file_1' },
                ],
              },
            ],
          },
        ],
      },
      'gpt-4.1',
    );
    expect(result.content.map((part) => part.type)).toEqual([
      'tool-call',
      'tool-result',
      'text',
      'source',
      'source',
    ]);
    expect(result.content[0]).toMatchObject({
      toolName: 'web_search',
      toolCallId: 'ws_1',
      providerExecuted: true,
    });
    expect(result.content[1]).toMatchObject({ providerMetadata: { openai: { itemId: 'ws_1', action } } });
    expect(result.content[3]).toMatchObject({
      sourceType: 'url',
      url: 'https://example.test',
      title: 'Example',
    });
    expect(result.content[4]).toMatchObject({
      sourceType: 'document',
      title: 'Document',
      filename: 'file_1',
    });
  });

  it.each([
    ['max_output_tokens', 'length'],
    ['content_filter', 'content-filter'],
    ['something_new', 'other'],
  ])('maps incomplete reason %s to %s', async (reason, finishReason) => {
    const { result } = await generate({ status: 'incomplete', incomplete_details: { reason }, output: [] });
    expect(result.finishReason).toBe(finishReason);
  });

  it('throws the error of a failed response as an APICallError with its code', async () => {
    const error = await generate({
      status: 'failed',
      error: { code: 'server_error', message: 'boom' },
    }).catch((caught: unknown) => caught);
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).providerMessage).toBe('boom (code: server_error)');
    expect((error as APICallError).isRetryable).toBe(true);
  });

  it('maps an error status to an APICallError with the provider message', async () => {
    const fetch = jsonFetch(
      { error: { message: 'Unsupported parameter: temperature', type: 'invalid_request_error' } },
      400,
    );
    const error = (await createOpenAI({ apiKey: 'k', fetch })
      .responses('o3')
      .generate({ prompt })
      .catch((caught: unknown) => caught)) as APICallError;
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain(
      'POST https://api.openai.com/v1/responses failed 400: Unsupported parameter',
    );
    expect(error.isRetryable).toBe(false);
  });

  it('generates objects in native JSON mode from the first output text', async () => {
    const fetch = jsonFetch({
      output: [{ type: 'message', content: [{ type: 'output_text', text: '{"name":"Alice"}' }] }],
      usage,
    });
    const result = await createOpenAI({ apiKey: 'k', fetch })
      .responses('gpt-4o-mini')
      .generateObject({
        prompt,
        schema: { type: 'object', properties: { name: { type: 'string' } } },
        schemaName: 'P',
      });
    expect(result.object).toEqual({ name: 'Alice' });
    expect(fetch.requests[0]?.body.text).toMatchObject({ format: { type: 'json_schema', name: 'P' } });
  });
});

describe('Responses routing on the OpenAI provider', () => {
  it('routes Responses models to the Responses API only when useResponsesAPI is on', () => {
    const routed = createOpenAI({ apiKey: 'k', useResponsesAPI: true });
    expect(routed.languageModel('gpt-5')).toBeInstanceOf(OpenAIResponsesLanguageModel);
    expect(routed.languageModel('o4-mini')).toBeInstanceOf(OpenAIResponsesLanguageModel);
    expect(routed.languageModel('gpt-3.5-turbo-instruct')).toBeInstanceOf(OpenAIChatLanguageModel);
    expect(routed.chat('gpt-5')).toBeInstanceOf(OpenAIChatLanguageModel);
    expect(createOpenAI({ apiKey: 'k' }).languageModel('gpt-5')).toBeInstanceOf(OpenAIChatLanguageModel);
  });

  it('lets the caller decide which ids are Responses models', () => {
    const provider = createOpenAI({
      apiKey: 'k',
      useResponsesAPI: true,
      isResponsesModel: (id) => id === 'custom',
    });
    expect(provider.languageModel('custom')).toBeInstanceOf(OpenAIResponsesLanguageModel);
    expect(provider.languageModel('gpt-5')).toBeInstanceOf(OpenAIChatLanguageModel);
  });

  it('treats the listed ids and any gpt-4 or gpt-5 id as Responses models', () => {
    expect(
      [
        'gpt-4.1',
        'o1',
        'o3-mini',
        'codex-mini-latest',
        'gpt-oss-120b',
        'GPT-5.4-nano',
        'my-gpt-4-tune',
      ].every(isResponsesModel),
    ).toBe(true);
    expect(['o1-mini', 'gpt-3.5-turbo-instruct', 'llama-3'].some(isResponsesModel)).toBe(false);
  });
});
