import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { systemMessage, userMessage } from '../../spec/message.js';
import { createCassetteFetch } from '../../testing/index.js';
import { OpenAIChatLanguageModel } from '../openai/openai-chat-language-model.js';
import { OpenAIResponsesLanguageModel } from '../openai/responses/openai-responses-language-model.js';
import { createAzure, resolveAzureBaseURL } from './index.js';

function recordingFetch(body: unknown) {
  const requests: Array<{ url: string; body: Record<string, unknown>; headers: Headers }> = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, body: JSON.parse(await request.text()), headers: request.headers });
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fetch, { requests });
}

const chatCompletion = { choices: [{ message: { content: 'Olá' }, finish_reason: 'stop' }] };
const prompt = [userMessage('Say hi in Portuguese')];

describe('Azure base URL', () => {
  it.each([
    ['https://my-resource.openai.azure.com', 'https://my-resource.openai.azure.com/openai/v1'],
    ['my-resource.openai.azure.com/', 'https://my-resource.openai.azure.com/openai/v1'],
    [
      'https://my-resource.cognitiveservices.azure.com/openai/deployments/x',
      'https://my-resource.openai.azure.com/openai/v1',
    ],
    ['https://my-resource.services.ai.azure.com', 'https://my-resource.openai.azure.com/openai/v1'],
    ['proxy.example.com/azure/', 'https://proxy.example.com/azure'],
    ['http://localhost:8080/openai/v1', 'http://localhost:8080/openai/v1'],
  ])('rewrites %s to %s', (baseURL, expected) => {
    expect(resolveAzureBaseURL({ baseURL })).toBe(expected);
  });

  it('builds the v1 URL from a resource name and asks for one when neither is given', () => {
    expect(resolveAzureBaseURL({ resourceName: 'fantasy' })).toBe(
      'https://fantasy.openai.azure.com/openai/v1',
    );
    expect(() => createAzure({})).toThrow(InvalidArgumentError);
  });
});

describe('Azure OpenAI provider', () => {
  it('calls chat completions on the v1 URL with an api-key header, no bearer token and no api-version', async () => {
    const fetch = recordingFetch(chatCompletion);
    const model = createAzure({ resourceName: 'fantasy', apiKey: 'secret', fetch }).languageModel(
      'gpt-5-mini',
    );
    expect(model).toBeInstanceOf(OpenAIChatLanguageModel);
    expect(model.provider).toBe('azure');
    await model.generate({ prompt, providerOptions: { openai: { reasoningEffort: 'high' } } });
    const request = fetch.requests[0];
    expect(request?.url).toBe('https://fantasy.openai.azure.com/openai/v1/chat/completions');
    expect(request?.headers.get('api-key')).toBe('secret');
    expect(request?.headers.get('authorization')).toBeNull();
    expect(request?.body).toMatchObject({ reasoning_effort: 'high' });
  });

  it('routes Responses models to /responses with useResponsesAPI, reading options under openai', async () => {
    const fetch = recordingFetch({ output: [] });
    const azure = createAzure({ resourceName: 'fantasy', apiKey: 'secret', fetch, useResponsesAPI: true });
    const model = azure.languageModel('gpt-5-mini');
    expect(model).toBeInstanceOf(OpenAIResponsesLanguageModel);
    expect(model.provider).toBe('azure');
    await model.generate({ prompt, providerOptions: { openai: { reasoningEffort: 'low' } } });
    expect(fetch.requests[0]?.url).toBe('https://fantasy.openai.azure.com/openai/v1/responses');
    expect(fetch.requests[0]?.body).toMatchObject({ store: false, reasoning: { effort: 'low' } });
    expect(azure.chat('gpt-5-mini')).toBeInstanceOf(OpenAIChatLanguageModel);
  });

  it('says to set AZURE_OPENAI_API_KEY when no key is given', async () => {
    const previous = process.env.AZURE_OPENAI_API_KEY;
    delete process.env.AZURE_OPENAI_API_KEY;
    try {
      const error = await createAzure({ resourceName: 'fantasy', fetch: recordingFetch(chatCompletion) })
        .languageModel('gpt-5-mini')
        .generate({ prompt })
        .catch((caught: unknown) => caught);
      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('AZURE_OPENAI_API_KEY');
    } finally {
      if (previous !== undefined) process.env.AZURE_OPENAI_API_KEY = previous;
    }
  });
});

const cassettes = fileURLToPath(new URL('../../../../shared/conformance/cassettes', import.meta.url));
const absent = !existsSync(cassettes);

describe.skipIf(absent)(`recorded Azure sessions${absent ? ` (skipped: no ${cassettes})` : ''}`, () => {
  it('replays the Responses simple session from the configured resource URL', async () => {
    const fetch = createCassetteFetch({
      path: `${cassettes}/TestAzureResponsesCommon/azure-gpt-5-mini/simple.yaml`,
      mode: 'replay',
    });
    const model = createAzure({
      baseURL: 'https://fantasy-playground-resource.openai.azure.com',
      apiKey: 'replay-key',
      fetch,
      useResponsesAPI: true,
    }).languageModel('gpt-5-mini');
    const result = await model.generate({
      prompt: [systemMessage('You are a helpful assistant'), userMessage('Say hi in Portuguese')],
      maxOutputTokens: 4000,
      toolChoice: 'auto',
    });
    expect(result.content.find((part) => part.type === 'text')?.text).toMatch(/Olá|Oi/i);
    expect(fetch.remaining()).toBe(0);
  });
});
