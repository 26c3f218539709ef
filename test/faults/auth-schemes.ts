import { createAnthropic, createVertexAnthropic } from '../../src/providers/anthropic/index.js';
import { createAzure } from '../../src/providers/azure/index.js';
import { createBedrock } from '../../src/providers/bedrock/index.js';
import { createGoogle, createVertex } from '../../src/providers/google/index.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { createOpenAICompatible } from '../../src/providers/openaicompat/index.js';
import { createOpenRouter } from '../../src/providers/openrouter/index.js';
import { createVercelGateway } from '../../src/providers/vercel/index.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import type { FaultAnswer } from './fault-server.js';

/** Credentials no other origin, error or cassette may see. Long enough to be scrubbed as substrings. */
export const credential = {
  apiKey: 'scheme-secret-api-key-0123456789',
  token: 'ya29.scheme-secret-oauth-token-0123456789',
  accessKeyId: 'SCHEMESECRETACCESSKEY1',
  secretAccessKey: 'scheme-secret-access-key/0123456789abcdef',
  sessionToken: 'IQoJscheme-secret-session-token-0123456789',
  subscriptionKey: 'scheme-secret-subscription-key-0123456789',
};

/** A set of credentials, to give a scheme other (e.g. broken) values. */
export type Credentials = typeof credential;

/** Which wire a scheme's generate call speaks, for the success answer. */
export type Wire = 'chat' | 'anthropic' | 'gemini';

/** One provider auth scheme: how to build the model against a base URL, and what it sends. */
export interface AuthScheme {
  name: string;
  wire: Wire;
  /** The model, its requests sent to `origin` (a loopback server's URL). */
  model(origin: string, fetch?: typeof globalThis.fetch, given?: Credentials): LanguageModel;
  /** The request headers that carry the credential (lower-case). */
  headers: string[];
  /** The credential values this scheme was given. */
  secrets: string[];
  /** The credential of `Credentials` the scheme sends as is (the one a broken value is put into). */
  field: keyof Credentials;
}

/** Every provider's auth scheme: bearer, x-api-key, api-key, x-goog-api-key, OAuth tokens, SigV4, custom headers. */
export const authSchemes: AuthScheme[] = [
  {
    name: 'OpenAI bearer',
    wire: 'chat',
    model: (origin, fetch, given = credential) =>
      createOpenAI({ apiKey: given.apiKey, baseURL: `${origin}/v1`, ...fetchOf(fetch) }).languageModel(
        'gpt-4o-mini',
      ),
    headers: ['authorization'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Azure api-key',
    wire: 'chat',
    model: (origin, fetch, given = credential) =>
      createAzure({
        apiKey: given.apiKey,
        baseURL: `${origin}/openai/v1`,
        ...fetchOf(fetch),
      }).languageModel('gpt-4o-mini'),
    headers: ['api-key'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Anthropic x-api-key',
    wire: 'anthropic',
    model: (origin, fetch, given = credential) =>
      createAnthropic({ apiKey: given.apiKey, baseURL: origin, ...fetchOf(fetch) }).languageModel(
        'claude-sonnet-4-5',
      ),
    headers: ['x-api-key'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Google x-goog-api-key',
    wire: 'gemini',
    model: (origin, fetch, given = credential) =>
      createGoogle({
        apiKey: given.apiKey,
        baseURL: `${origin}/v1beta`,
        ...fetchOf(fetch),
      }).languageModel('gemini-2.5-flash'),
    headers: ['x-goog-api-key'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Vertex Gemini bearer token',
    wire: 'gemini',
    model: (origin, fetch, given = credential) =>
      createVertex({
        project: 'p',
        location: 'us-central1',
        getAccessToken: async () => given.token,
        baseURL: `${origin}/v1beta1/projects/p/locations/us-central1/publishers/google`,
        ...fetchOf(fetch),
      }).languageModel('gemini-2.5-flash'),
    headers: ['authorization'],
    secrets: [credential.token],
    field: 'token',
  },
  {
    name: 'Vertex Anthropic bearer token',
    wire: 'anthropic',
    model: (origin, fetch, given = credential) =>
      createVertexAnthropic({
        project: 'p',
        location: 'us-east5',
        accessToken: given.token,
        baseURL: origin,
        ...fetchOf(fetch),
      }).languageModel('claude-sonnet-4@20250514'),
    headers: ['authorization'],
    secrets: [credential.token],
    field: 'token',
  },
  {
    name: 'Bedrock bearer',
    wire: 'anthropic',
    model: (origin, fetch, given = credential) =>
      createBedrock({
        region: 'us-east-1',
        apiKey: given.apiKey,
        baseURL: origin,
        ...fetchOf(fetch),
      }).languageModel('anthropic.claude-3'),
    headers: ['authorization'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Bedrock SigV4 with a session token',
    wire: 'anthropic',
    model: (origin, fetch, given = credential) =>
      createBedrock({
        region: 'us-east-1',
        accessKeyId: given.accessKeyId,
        secretAccessKey: given.secretAccessKey,
        sessionToken: given.sessionToken,
        baseURL: origin,
        ...fetchOf(fetch),
      }).languageModel('anthropic.claude-3'),
    headers: ['authorization', 'x-amz-security-token', 'x-amz-date'],
    secrets: [credential.accessKeyId, credential.secretAccessKey, credential.sessionToken],
    field: 'sessionToken',
  },
  {
    name: 'OpenRouter bearer',
    wire: 'chat',
    model: (origin, fetch, given = credential) =>
      createOpenRouter({
        apiKey: given.apiKey,
        baseURL: `${origin}/api/v1`,
        ...fetchOf(fetch),
      }).languageModel('openai/gpt-4o-mini'),
    headers: ['authorization'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'Vercel AI Gateway bearer',
    wire: 'chat',
    model: (origin, fetch, given = credential) =>
      createVercelGateway({
        apiKey: given.apiKey,
        baseURL: `${origin}/v1`,
        ...fetchOf(fetch),
      }).languageModel('openai/gpt-4o-mini'),
    headers: ['authorization'],
    secrets: [credential.apiKey],
    field: 'apiKey',
  },
  {
    name: 'custom Ocp-Apim-Subscription-Key header',
    wire: 'chat',
    model: (origin, fetch, given = credential) =>
      createOpenAICompatible({
        baseURL: `${origin}/v1`,
        headers: { 'Ocp-Apim-Subscription-Key': given.subscriptionKey },
        ...fetchOf(fetch),
      }).languageModel('gpt-4o-mini'),
    headers: ['ocp-apim-subscription-key'],
    secrets: [credential.subscriptionKey],
    field: 'subscriptionKey',
  },
];

function fetchOf(fetch: typeof globalThis.fetch | undefined): { fetch?: typeof globalThis.fetch } {
  return fetch === undefined ? {} : { fetch };
}

/** A successful non-streamed answer saying `hi` on a scheme's wire. */
export function okAnswer(wire: Wire): FaultAnswer {
  return {
    headers: { 'content-type': 'application/json' },
    steps: [{ write: JSON.stringify(okBody[wire]) }],
  };
}

const okBody: Record<Wire, object> = {
  chat: {
    id: 'c',
    choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  },
  anthropic: {
    id: 'msg',
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: 'hi' }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 1, output_tokens: 1 },
  },
  gemini: {
    candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
  },
};
