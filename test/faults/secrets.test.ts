import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APICallError } from '../../src/errors/api-call-error.js';
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
import { createCassetteFetch } from '../../src/testing/cassette/create-cassette-fetch.js';

/** Credentials no file and no error may show. */
const secret = {
  apiKey: 'test-secret-api-key-0123456789',
  token: 'ya29.secret-oauth-token-0123456789',
  accessKeyId: 'TESTSECRETACCESSKEY01',
  secretAccessKey: 'secret-access-key/0123456789abcdefghij',
  sessionToken: 'IQoJb3JpZ2luX2VjEsecret-session-token-0123456789',
};

/** The headers each upstream request carried, by provider. */
const seen = new Map<string, Headers>();

const chatBody = {
  id: 'c',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};
const anthropicBody = {
  id: 'msg',
  type: 'message',
  role: 'assistant',
  content: [{ type: 'text', text: 'hi' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 1, output_tokens: 1 },
};
const geminiBody = {
  candidates: [{ content: { role: 'model', parts: [{ text: 'hi' }] }, finishReason: 'STOP' }],
  usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
};

/**
 * An in-process upstream: answers each provider's generate call, echoing every credential header it got
 * back in a response header as a careless proxy would; or answers `status` with an error body (no echo:
 * an error keeps the response headers and body as they came, and only the request's must stay out).
 */
function fakeUpstream(name: string, status = 200): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    seen.set(name, request.headers);
    const url = request.url;
    const body = /anthropic|bedrock-runtime|rawPredict|\/v1\/messages/.test(url)
      ? anthropicBody
      : url.includes('generateContent')
        ? geminiBody
        : chatBody;
    const echoed = ['authorization', 'api-key', 'x-api-key', 'x-goog-api-key', 'x-amz-security-token']
      .map((header) => request.headers.get(header))
      .filter((value) => value !== null)
      .join(' | ');
    const headers = { 'content-type': 'application/json', 'x-request-id': 'req_secret' };
    if (status !== 200) {
      const error = { error: { message: 'invalid credentials', type: 'authentication_error' } };
      return new Response(JSON.stringify(error), { status, headers });
    }
    return new Response(JSON.stringify(body), { status, headers: { ...headers, 'x-echo': echoed } });
  };
}

type ModelFactory = (upstream: typeof globalThis.fetch) => LanguageModel;

/** Every auth path: the model, and the header that must have carried the credential upstream. */
const providers: Array<[string, ModelFactory, (headers: Headers) => void]> = [
  [
    'openai',
    (fetch) => createOpenAI({ apiKey: secret.apiKey, fetch }).languageModel('gpt-4o-mini'),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.apiKey}`),
  ],
  [
    'azure',
    (fetch) =>
      createAzure({ resourceName: 'res', apiKey: secret.apiKey, fetch }).languageModel('gpt-4o-mini'),
    (headers) => expect(headers.get('api-key')).toBe(secret.apiKey),
  ],
  [
    'anthropic',
    (fetch) => createAnthropic({ apiKey: secret.apiKey, fetch }).languageModel('claude-sonnet-4-5'),
    (headers) => expect(headers.get('x-api-key')).toBe(secret.apiKey),
  ],
  [
    'google',
    (fetch) => createGoogle({ apiKey: secret.apiKey, fetch }).languageModel('gemini-2.5-flash'),
    (headers) => expect(headers.get('x-goog-api-key')).toBe(secret.apiKey),
  ],
  [
    'google-vertex',
    (fetch) =>
      createVertex({ project: 'p', location: 'us-central1', accessToken: secret.token, fetch }).languageModel(
        'gemini-2.5-flash',
      ),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.token}`),
  ],
  [
    'vertex-anthropic',
    (fetch) =>
      createVertexAnthropic({
        project: 'p',
        location: 'us-east5',
        accessToken: secret.token,
        fetch,
      }).languageModel('claude-sonnet-4@20250514'),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.token}`),
  ],
  [
    'bedrock-bearer',
    (fetch) =>
      createBedrock({ region: 'us-east-1', apiKey: secret.apiKey, fetch }).languageModel(
        'anthropic.claude-3',
      ),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.apiKey}`),
  ],
  [
    'bedrock-sigv4',
    (fetch) =>
      createBedrock({
        region: 'us-east-1',
        accessKeyId: secret.accessKeyId,
        secretAccessKey: secret.secretAccessKey,
        sessionToken: secret.sessionToken,
        fetch,
      }).languageModel('anthropic.claude-3'),
    (headers) => {
      expect(headers.get('authorization')).toMatch(
        /^AWS4-HMAC-SHA256 Credential=TESTSECRET.*Signature=[0-9a-f]{64}$/,
      );
      expect(headers.get('x-amz-security-token')).toBe(secret.sessionToken);
      expect(headers.get('x-amz-date')).toMatch(/^\d{8}T\d{6}Z$/);
    },
  ],
  [
    'openrouter',
    (fetch) => createOpenRouter({ apiKey: secret.apiKey, fetch }).languageModel('openai/gpt-4o-mini'),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.apiKey}`),
  ],
  [
    'vercel',
    (fetch) => createVercelGateway({ apiKey: secret.apiKey, fetch }).languageModel('openai/gpt-4o-mini'),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.apiKey}`),
  ],
  [
    'openaicompat',
    (fetch) =>
      createOpenAICompatible({ baseURL: 'https://api.x.ai/v1', apiKey: secret.apiKey, fetch }).languageModel(
        'grok',
      ),
    (headers) => expect(headers.get('authorization')).toBe(`Bearer ${secret.apiKey}`),
  ],
];

/** Every secret a request carried: the configured credentials plus the SigV4 signature it computed. */
function secretsOf(headers: Headers | undefined): string[] {
  const signature = /Signature=([0-9a-f]+)/.exec(headers?.get('authorization') ?? '')?.[1];
  return [...Object.values(secret), ...(signature === undefined ? [] : [signature])];
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fantasy-secrets-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('secrets: recorded cassettes', () => {
  it.each(providers)('never writes the %s credential to a cassette', async (name, createModel, checkSent) => {
    const path = join(folder, `${name}.yaml`);
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: fakeUpstream(name) });
    const result = await createModel(recorder).generate({ prompt: [userMessage('Hi')] });
    await recorder.done();
    expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
    const headers = seen.get(name);
    if (headers === undefined) throw new Error(`${name} sent nothing upstream`);
    checkSent(headers);
    const written = await readFile(path, 'utf8');
    expect(written).toContain('X-Echo:');
    for (const value of secretsOf(headers)) expect(written, value).not.toContain(value);
  });
});

describe('secrets: errors', () => {
  it.each(providers)(
    'keeps the %s credential out of a 401 error, however it is printed',
    async (name, createModel) => {
      const error = await createModel(fakeUpstream(name, 401))
        .generate({ prompt: [userMessage('Hi')] })
        .catch((caught: unknown) => caught);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        statusCode: 401,
        requestId: 'req_secret',
        providerMessage: 'invalid credentials',
      });
      const renderings = [
        String(error),
        JSON.stringify(error),
        (error as Error).stack ?? '',
        inspect(error, { depth: 10, showHidden: true }),
      ];
      for (const value of secretsOf(seen.get(name))) {
        for (const rendering of renderings) expect(rendering, value).not.toContain(value);
      }
    },
  );
});

describe('secrets: logging', () => {
  it('has no console call in the library outside the CLI', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(join(import.meta.dirname, '../../src'))) {
      if (file.includes('/src/cli/') || file.endsWith('.test.ts')) continue;
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        const code = line.trim();
        // JSDoc examples may show console.log; code may not call it.
        if (code.startsWith('*') || code.startsWith('//') || code.startsWith('/*')) return;
        // `ctx.console` (Restate's context logger) is not the global console.
        if (/(?<![.\w])console\./.test(code)) offenders.push(`${file}:${index + 1}: ${code}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
