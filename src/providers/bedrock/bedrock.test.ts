import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadAPIKeyError } from '../../errors/load-api-key-error.js';
import { createCassetteFetch } from '../../testing/index.js';
import { computerUseTool } from '../anthropic/computer-use.js';
import { bedrockModelId, createBedrock } from './index.js';

interface Recorded {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

function fakeFetch() {
  const requests: Recorded[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body)),
    });
    return Response.json({ content: [{ type: 'text', text: 'Oi' }], stop_reason: 'end_turn', usage: {} });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Say hi' }] }];
const weather = {
  type: 'function' as const,
  name: 'weather',
  description: 'Get weather',
  inputSchema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};
const modelId = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const awsVariables = [
  'AWS_BEARER_TOKEN_BEDROCK',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
];
const savedEnvironment = Object.fromEntries(awsVariables.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of awsVariables) {
    if (savedEnvironment[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnvironment[name];
  }
});

describe('Anthropic models on Bedrock', () => {
  it('invokes the escaped model id with the body rewritten for Bedrock', async () => {
    const { fetch, requests } = fakeFetch();
    const model = createBedrock({ apiKey: 'bedrock-key', region: 'us-east-1', fetch }).languageModel(modelId);
    await model.generate({ prompt, tools: [weather], toolChoice: 'auto', maxOutputTokens: 4000 });
    expect(requests[0]?.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke',
    );
    expect(requests[0]?.body).toEqual({
      max_tokens: 4000,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }],
      tools: [
        {
          name: 'weather',
          description: 'Get weather',
          input_schema: {
            type: 'object',
            properties: { location: { type: 'string' } },
            required: ['location'],
          },
        },
      ],
      tool_choice: { type: 'auto' },
      anthropic_version: 'bedrock-2023-05-31',
    });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer bedrock-key');
    expect(model.provider).toBe('bedrock');
  });

  it('moves beta flags into the body', async () => {
    const { fetch, requests } = fakeFetch();
    const tool = computerUseTool({
      displayWidthPx: 800,
      displayHeightPx: 600,
      toolVersion: 'computer_20250124',
    });
    await createBedrock({ apiKey: 'k', fetch })
      .languageModel(modelId)
      .generate({ prompt, tools: [tool] });
    expect(requests[0]?.url).not.toContain('beta');
    expect(requests[0]?.body.anthropic_beta).toEqual(['computer-use-2025-01-24']);
    expect(requests[0]?.headers.get('anthropic-beta')).toBeNull();
  });

  it('signs with SigV4 when given access keys', async () => {
    const { fetch, requests } = fakeFetch();
    const bedrock = createBedrock({
      region: 'eu-west-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      sessionToken: 'session',
      fetch,
    });
    await bedrock.languageModel(modelId).generate({ prompt });
    const headers = requests[0]?.headers;
    expect(requests[0]?.url).toMatch(/^https:\/\/bedrock-runtime\.eu-west-1\.amazonaws\.com\//);
    expect(headers?.get('authorization')).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKID\/\d{8}\/eu-west-1\/bedrock\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(headers?.get('x-amz-date')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(headers?.get('x-amz-security-token')).toBe('session');
  });

  it('reads credentials from the environment, the Bedrock API key first', async () => {
    process.env.AWS_BEARER_TOKEN_BEDROCK = 'from-env';
    process.env.AWS_ACCESS_KEY_ID = 'AKID';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    const { fetch, requests } = fakeFetch();
    await createBedrock({ fetch }).languageModel(modelId).generate({ prompt });
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer from-env');
    delete process.env.AWS_BEARER_TOKEN_BEDROCK;
    await createBedrock({ fetch }).languageModel(modelId).generate({ prompt });
    expect(requests[1]?.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\//);
  });

  it('says how to fix missing credentials', async () => {
    for (const name of awsVariables) delete process.env[name];
    const model = createBedrock({ fetch: fakeFetch().fetch }).languageModel(modelId);
    const error = await model.generate({ prompt }).catch((caught: unknown) => caught);
    expect(LoadAPIKeyError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/AWS_BEARER_TOKEN_BEDROCK.*AWS_ACCESS_KEY_ID/);
  });

  it('prefixes a bare Anthropic model id with the region’s inference profile', () => {
    expect(bedrockModelId('anthropic.claude-sonnet-4-5-20250929-v1:0', 'us-west-2')).toBe(
      'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    expect(bedrockModelId('anthropic.claude-x', 'eu-central-1')).toBe('eu.anthropic.claude-x');
    expect(bedrockModelId('anthropic.claude-x', 'ap-northeast-1')).toBe('jp.anthropic.claude-x');
    expect(bedrockModelId('global.anthropic.claude-x', 'us-east-1')).toBe('global.anthropic.claude-x');
    expect(bedrockModelId('arn:aws:bedrock:us-east-1:1:inference-profile/x', 'us-east-1')).toBe(
      'arn:aws:bedrock:us-east-1:1:inference-profile/x',
    );
  });
});

const cassettes = fileURLToPath(new URL('../../../../shared/conformance/cassettes', import.meta.url));
const present = existsSync(cassettes);

describe.skipIf(!present)(
  `recorded Bedrock sessions (${present ? cassettes : 'skipped: ../shared/conformance is absent'})`,
  () => {
    it('streams a recorded event-stream body into text, tool call and finish', async () => {
      const fetch = createCassetteFetch({
        path: `${cassettes}/TestBedrockCommon/bedrock-anthropic-claude-haiku-4-5/tool_streaming.yaml`,
      });
      const model = createBedrock({ apiKey: '', fetch }).languageModel(modelId);
      const parts = [];
      for await (const part of await model.stream({
        prompt: [
          { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant' }] },
          { role: 'user', content: [{ type: 'text', text: "What's the weather in Florence,Italy?" }] },
        ],
        tools: [
          {
            type: 'function',
            name: 'weather',
            description: 'Get weather information for a location',
            inputSchema: {
              type: 'object',
              properties: { location: { type: 'string', description: 'the city' } },
              required: ['location'],
            },
          },
        ],
        toolChoice: 'auto',
        maxOutputTokens: 4000,
      })) {
        parts.push(part);
      }
      const toolCall = parts.find((part) => part.type === 'tool-call');
      expect(toolCall).toMatchObject({ toolName: 'weather' });
      expect(JSON.parse((toolCall as { input: string }).input)).toEqual({ location: 'Florence, Italy' });
      expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
      expect((parts.at(-1) as { usage: { totalTokens: number } }).usage.totalTokens).toBeGreaterThan(0);
    });
  },
);
