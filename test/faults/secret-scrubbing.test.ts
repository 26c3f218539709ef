import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../../src/errors/api-call-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { createAnthropic } from '../../src/providers/anthropic/index.js';
import { userMessage } from '../../src/spec/message.js';
import { type AuthScheme, authSchemes, credential } from './auth-schemes.js';
import { collectParts, streamError } from './support.js';

const origin = 'https://provider.test';
const schemes = authSchemes.map((scheme) => [scheme.name, scheme] as const);

/** What a request carried that is secret: the given credentials, the token after a scheme, a SigV4 signature. */
function sentSecrets(request: Request): string[] {
  const values: string[] = [];
  request.headers.forEach((value, name) => {
    if (!/authorization|key|token/.test(name)) return;
    values.push(value);
    const signature = /Signature=([0-9a-f]+)/.exec(value)?.[1];
    if (signature) values.push(signature);
    const token = /^Bearer (.+)$/.exec(value)?.[1];
    if (token) values.push(token);
  });
  return values;
}

/** A careless upstream: a 401 echoing every credential it got, raw, percent-encoded and JSON-escaped, in its body and headers. */
function echoing401(seen: string[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const secrets = sentSecrets(request);
    seen.push(...secrets);
    const echo = secrets.map((secret) => `${secret} ${encodeURIComponent(secret)}`).join(' ');
    const body = {
      error: { message: `invalid credentials: ${echo}`, type: 'authentication_error' },
      debug: { sent: secrets },
    };
    return new Response(JSON.stringify(body), {
      status: 401,
      headers: {
        'content-type': 'application/json',
        'x-echo': echo,
        'www-authenticate': `Bearer realm="${secrets[0] ?? ''}"`,
      },
    });
  };
}

/** Every place an error shows text: its fields, its cause's, and every way it can be printed. */
function places(error: unknown): Record<string, string> {
  const apiError = error as APICallError;
  return {
    message: apiError.message,
    providerMessage: apiError.providerMessage ?? '',
    responseBody: apiError.responseBody ?? '',
    responseHeaders: JSON.stringify(apiError.responseHeaders ?? {}),
    causeMessage: String((apiError.cause as Error | undefined)?.message ?? ''),
    string: String(error),
    json: JSON.stringify(error),
    stack: apiError.stack ?? '',
    inspect: inspect(error, { depth: 10, showHidden: true }),
  };
}

function expectNoSecret(error: unknown, secrets: readonly string[]): void {
  expect(secrets.length).toBeGreaterThan(0);
  for (const [place, text] of Object.entries(places(error))) {
    for (const secret of secrets) {
      expect(text, `${place} shows a credential`).not.toContain(secret);
      expect(text, `${place} shows a percent-encoded credential`).not.toContain(encodeURIComponent(secret));
    }
  }
}

describe('secret scrubbing', () => {
  it.each(schemes)(
    'scrubs the %s credential a 401 body and its headers echo from every place of the error',
    async (_name, scheme) => {
      const seen: string[] = [];
      const error = await scheme
        .model(origin, echoing401(seen))
        .generate({ prompt: [userMessage('Hi')] })
        .catch((caught: unknown) => caught);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 401, isRetryable: false });
      expect((error as APICallError).responseBody).toContain('REDACTED');
      expect((error as APICallError).responseHeaders['x-echo']).toContain('REDACTED');
      expectNoSecret(error, [
        ...scheme.secrets.filter((secret) => secret !== credential.secretAccessKey),
        ...seen,
      ]);
    },
  );

  it.each(schemes)(
    'scrubs the %s credential from a connection error and the message of its cause',
    async (_name, scheme) => {
      const seen: string[] = [];
      const failing: typeof fetch = async (input, init) => {
        const secrets = sentSecrets(new Request(input, init));
        seen.push(...secrets);
        throw new TypeError(`fetch failed: header value ${secrets.join(', ')}`, {
          cause: new Error(`socket hang up for ${secrets[0]}`),
        });
      };
      const error = await scheme
        .model(origin, failing)
        .generate({ prompt: [userMessage('Hi')], maxRetries: 0 })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'APICallError', isRetryable: true });
      expect(places(error).causeMessage).toContain('REDACTED');
      expectNoSecret(error, seen);
      const inner = ((error as Error).cause as Error).cause as Error;
      for (const secret of seen) expect(inner.message).not.toContain(secret);
    },
  );

  it('scrubs a credential an error event in the middle of a stream echoes', async () => {
    const stream = async () =>
      new Response(
        [
          'event: message_start',
          `data: ${JSON.stringify({ type: 'message_start', message: { id: 'm', usage: { input_tokens: 1, output_tokens: 0 } } })}`,
          '',
          'event: error',
          `data: ${JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: `key ${credential.apiKey} revoked` } })}`,
          '',
          '',
        ].join('\n'),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    const model = createAnthropic({ apiKey: credential.apiKey, fetch: stream }).languageModel(
      'claude-sonnet-4-5',
    );
    const error = streamError(await collectParts(await model.stream({ prompt: [userMessage('Hi')] })));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('REDACTED');
    expectNoSecret(error, [credential.apiKey]);
  });
});

describe('credential validation', () => {
  it.each(schemes)(
    'rejects a %s credential holding a line break before sending anything, without showing it',
    async (_name, scheme: AuthScheme) => {
      let sent = 0;
      const counting: typeof fetch = async () => {
        sent++;
        return new Response('{}');
      };
      const broken = {
        ...credential,
        [scheme.field]: `${credential[scheme.field].slice(0, 9)}\n${credential[scheme.field].slice(9)}`,
      };
      const error = await scheme
        .model(origin, counting, broken)
        .generate({ prompt: [userMessage('Hi')] })
        .catch((caught: unknown) => caught);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/contains a line break at position 9/);
      expect(error).toMatchObject({ isRetryable: false });
      expect(sent).toBe(0);
      const value = broken[scheme.field];
      for (const part of value.split('\n')) expect(places(error).inspect).not.toContain(part);
    },
  );

  it('names the provider when an API key holds a NUL', async () => {
    const model = createAnthropic({
      apiKey: `sk-ant-0123\u0000456789`,
      fetch: async () => new Response('{}'),
    });
    const error = await model
      .languageModel('claude-sonnet-4-5')
      .generate({ prompt: [userMessage('Hi')] })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toBe(
      'invalid argument: the API key for Anthropic contains a NUL character at position 11 (the value is not shown); remove it',
    );
    expect(error).toMatchObject({ argument: 'apiKey' });
  });

  it('rejects a header value with a line break, naming the header but not the value', async () => {
    const model = createAnthropic({
      apiKey: credential.apiKey,
      headers: { 'x-trace': 'abc\r\ndef' },
      fetch: async () => new Response('{}'),
    });
    const error = await model
      .languageModel('claude-sonnet-4-5')
      .generate({ prompt: [userMessage('Hi')] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'headers.x-trace' });
    expect((error as Error).message).toContain('line break at position 3');
    expect((error as Error).message).not.toContain('abc');
  });
});
