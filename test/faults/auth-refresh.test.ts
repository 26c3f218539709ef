import { describe, expect, it } from 'vitest';
import type { APICallError } from '../../src/errors/api-call-error.js';
import type { OnAuthRefresh } from '../../src/http/auth-refresh.js';
import { createAnthropic, createVertexAnthropic } from '../../src/providers/anthropic/index.js';
import { createAzure } from '../../src/providers/azure/index.js';
import { createBedrock } from '../../src/providers/bedrock/index.js';
import { createGoogle, createVertex } from '../../src/providers/google/index.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { createOpenAICompatible } from '../../src/providers/openaicompat/index.js';
import { createOpenRouter } from '../../src/providers/openrouter/index.js';
import { createVercelGateway } from '../../src/providers/vercel/index.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import { userMessage } from '../../src/spec/message.js';
import { okAnswer, type Wire } from './auth-schemes.js';
import { useFaultServer } from './fault-server.js';
import { rejectionOf, settles } from './support.js';
import { errorAnswer } from './wire.js';

const server = useFaultServer();
const oldKey = 'refresh-old-key-0123456789';
const newKey = 'refresh-new-key-0123456789';
const newAws = { accessKeyId: 'REFRESHEDKEYID01', secretAccessKey: 'refreshed-secret-0123456789' };

/** A 401 as each provider sends it. */
const unauthorized = errorAnswer(401, {
  error: { message: 'invalid x-api-key', type: 'authentication_error' },
});

interface RefreshCase {
  name: string;
  wire: Wire;
  model(origin: string, onAuthRefresh: OnAuthRefresh<string>): LanguageModel;
  /** The header that must carry the refreshed credential, and its expected value. */
  header: string;
  expected: RegExp;
}

type Hook = OnAuthRefresh<string>;

const refreshCases: RefreshCase[] = [
  {
    name: 'OpenAI bearer',
    wire: 'chat',
    model: (origin, hook) =>
      createOpenAI({ apiKey: oldKey, baseURL: `${origin}/v1`, onAuthRefresh: hook }).languageModel('gpt-4o'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'Azure api-key',
    wire: 'chat',
    model: (origin, hook) =>
      createAzure({
        apiKey: oldKey,
        baseURL: `${origin}/openai/v1`,
        onAuthRefresh: hook,
      }).languageModel('gpt'),
    header: 'api-key',
    expected: new RegExp(`^${newKey}$`),
  },
  {
    name: 'Anthropic x-api-key',
    wire: 'anthropic',
    model: (origin, hook) =>
      createAnthropic({ apiKey: oldKey, baseURL: origin, onAuthRefresh: hook }).languageModel('claude'),
    header: 'x-api-key',
    expected: new RegExp(`^${newKey}$`),
  },
  {
    name: 'Google x-goog-api-key',
    wire: 'gemini',
    model: (origin, hook) =>
      createGoogle({ apiKey: oldKey, baseURL: `${origin}/v1beta`, onAuthRefresh: hook }).languageModel(
        'gemini',
      ),
    header: 'x-goog-api-key',
    expected: new RegExp(`^${newKey}$`),
  },
  {
    name: 'Vertex Gemini token',
    wire: 'gemini',
    model: (origin, hook) =>
      createVertex({
        project: 'p',
        location: 'us-central1',
        accessToken: oldKey,
        baseURL: `${origin}/v1beta1`,
        onAuthRefresh: hook,
      }).languageModel('gemini'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'Vertex Anthropic token',
    wire: 'anthropic',
    model: (origin, hook) =>
      createVertexAnthropic({
        project: 'p',
        location: 'us-east5',
        accessToken: oldKey,
        baseURL: origin,
        onAuthRefresh: hook,
      }).languageModel('claude'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'Bedrock API key',
    wire: 'anthropic',
    model: (origin, hook) =>
      createBedrock({ apiKey: oldKey, baseURL: origin, onAuthRefresh: hook }).languageModel('anthropic.c'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'Bedrock AWS credentials',
    wire: 'anthropic',
    model: (origin, hook) =>
      createBedrock({
        accessKeyId: 'OLDKEYID0000001',
        secretAccessKey: 'old-secret-0123456789',
        baseURL: origin,
        onAuthRefresh: async (context) => ((await hook(context)) === newKey ? newAws : undefined),
      }).languageModel('anthropic.c'),
    header: 'authorization',
    expected: /^AWS4-HMAC-SHA256 Credential=REFRESHEDKEYID01\//,
  },
  {
    name: 'OpenRouter bearer',
    wire: 'chat',
    model: (origin, hook) =>
      createOpenRouter({
        apiKey: oldKey,
        baseURL: `${origin}/api/v1`,
        onAuthRefresh: hook,
      }).languageModel('m'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'Vercel bearer',
    wire: 'chat',
    model: (origin, hook) =>
      createVercelGateway({
        apiKey: oldKey,
        baseURL: `${origin}/v1`,
        onAuthRefresh: hook,
      }).languageModel('m'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
  {
    name: 'OpenAI-compatible bearer',
    wire: 'chat',
    model: (origin, hook) =>
      createOpenAICompatible({
        apiKey: oldKey,
        baseURL: `${origin}/v1`,
        onAuthRefresh: hook,
      }).languageModel('m'),
    header: 'authorization',
    expected: new RegExp(`^Bearer ${newKey}$`),
  },
];

/** A hook returning the new key, recording the errors it was called with. */
function recordingHook(): { errors: APICallError[]; hook: Hook } {
  const errors: APICallError[] = [];
  return {
    errors,
    hook: (context) => {
      errors.push(context.error);
      return newKey;
    },
  };
}

describe('auth refresh', () => {
  it.each(refreshCases.map((entry) => [entry.name, entry] as const))(
    'refreshes the %s credential once on a 401 and sends the request again with it, and keeps it',
    async (_name, entry) => {
      server.answer(unauthorized, okAnswer(entry.wire), okAnswer(entry.wire));
      const { errors, hook } = recordingHook();
      const model = entry.model(server.url, hook);
      const result = await settles(model.generate({ prompt: [userMessage('Hi')] }), 'the refreshed call');
      expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ statusCode: 401, isAuthError: true });
      expect(server.requests).toHaveLength(2);
      expect(String(server.requests[1]?.headers[entry.header])).toMatch(entry.expected);
      expect(server.requests[1]?.body).toBe(server.requests[0]?.body);
      await settles(model.generate({ prompt: [userMessage('Hi')] }), 'the next call');
      expect(String(server.requests[2]?.headers[entry.header])).toMatch(entry.expected);
      expect(errors).toHaveLength(1);
    },
  );

  it('refreshes only once: a second 401 rejects with it', async () => {
    server.answer(unauthorized, unauthorized);
    const { errors, hook } = recordingHook();
    const error = await rejectionOf(
      refreshCases[0]?.model(server.url, hook).generate({ prompt: [userMessage('Hi')] }) ?? Promise.resolve(),
      'the refused call',
    );
    expect(error).toMatchObject({
      name: 'APICallError',
      statusCode: 401,
      isAuthError: true,
      isRetryable: false,
    });
    expect(errors).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('does not refresh on a 403, and gives the original error when the hook throws', async () => {
    server.answer(errorAnswer(403, { error: { message: 'forbidden' } }), unauthorized);
    let calls = 0;
    const hook: Hook = () => {
      calls++;
      throw new Error('vault is down');
    };
    const model = refreshCases[0]?.model(server.url, hook);
    const forbidden = await rejectionOf(
      model?.generate({ prompt: [userMessage('Hi')] }) ?? Promise.resolve(),
      '403',
    );
    expect(forbidden).toMatchObject({ statusCode: 403, isAuthError: false });
    expect(calls).toBe(0);
    const refused = await rejectionOf(
      model?.generate({ prompt: [userMessage('Hi')] }) ?? Promise.resolve(),
      '401',
    );
    expect(refused).toMatchObject({ statusCode: 401, providerMessage: 'invalid x-api-key' });
    expect(calls).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it('calls getAccessToken again when the hook returns nothing (Vertex)', async () => {
    server.answer(unauthorized, okAnswer('gemini'));
    const tokens = ['token-expired-0123456789', 'token-fresh-0123456789'];
    const model = createVertex({
      project: 'p',
      location: 'us-central1',
      baseURL: `${server.url}/v1beta1`,
      getAccessToken: async () => tokens.shift() ?? 'none',
      onAuthRefresh: () => undefined,
    }).languageModel('gemini');
    await settles(model.generate({ prompt: [userMessage('Hi')] }), 'the refreshed call');
    expect(server.requests[1]?.headers.authorization).toBe('Bearer token-fresh-0123456789');
  });
});
