import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userMessage } from '../../src/spec/message.js';
import { createCassetteFetch } from '../../src/testing/cassette/create-cassette-fetch.js';
import { authSchemes, credential } from './auth-schemes.js';

const okBodies = {
  chat: (echo: string) => ({
    id: 'c',
    choices: [{ index: 0, message: { role: 'assistant', content: `hi ${echo}` }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  }),
  anthropic: (echo: string) => ({
    id: 'msg',
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: `hi ${echo}` }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 1, output_tokens: 1 },
  }),
  gemini: (echo: string) => ({
    candidates: [{ content: { role: 'model', parts: [{ text: `hi ${echo}` }] }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
  }),
};

/** Every credential-like value a request carried, the SigV4 signature and the bearer token included. */
function sentSecrets(request: Request): string[] {
  const values: string[] = [];
  request.headers.forEach((value, name) => {
    if (!/authorization|key|token/.test(name)) return;
    values.push(value, ...(/Signature=([0-9a-f]+)/.exec(value)?.slice(1) ?? []));
    values.push(...(/^Bearer (.+)$/.exec(value)?.slice(1) ?? []));
    values.push(...(/Credential=([^/]+)/.exec(value)?.slice(1) ?? []));
  });
  return values;
}

/** An upstream that echoes every credential, raw and percent-encoded, in its body and its headers. */
function echoingUpstream(wire: keyof typeof okBodies, seen: string[]): typeof fetch {
  return async (input, init) => {
    const secrets = sentSecrets(new Request(input, init));
    seen.push(...secrets);
    const echo = secrets.map((secret) => `${secret} ${encodeURIComponent(secret)}`).join(' ');
    return new Response(JSON.stringify({ ...okBodies[wire](echo), echoed: secrets }), {
      headers: { 'content-type': 'application/json', 'x-echo': echo },
    });
  };
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fantasy-cassette-scrub-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('cassette scrubbing', () => {
  it.each(authSchemes.map((scheme) => [scheme.name, scheme] as const))(
    'writes no %s credential, although the response body and headers echo it raw and percent-encoded',
    async (name, scheme) => {
      const path = join(folder, `${name.replaceAll(' ', '-')}.yaml`);
      const seen: string[] = [];
      const recorder = createCassetteFetch({
        path,
        mode: 'record',
        fetch: echoingUpstream(scheme.wire, seen),
      });
      await scheme.model('https://provider.test', recorder).generate({ prompt: [userMessage('Hi')] });
      await recorder.done();
      const written = await readFile(path, 'utf8');
      expect(written).toContain('REDACTED');
      const secrets = [...seen, ...scheme.secrets];
      expect(seen.length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(written).not.toContain(secret);
        expect(written).not.toContain(encodeURIComponent(secret));
      }
    },
  );

  it('removes subscription keys, code, sig and token query parameters and their echoes everywhere', async () => {
    const path = join(folder, 'query.yaml');
    const values = {
      code: 'function-code-secret-0123',
      sig: 'sas-signature-secret-0123',
      'subscription-key': 'apim-subscription-secret-0123',
      token: 'query-token-secret-0123',
    };
    const upstream: typeof fetch = async (input) =>
      new Response(`data: {"url":${JSON.stringify(String(input))},"decoded":${JSON.stringify(values)}}\n\n`, {
        headers: { 'content-type': 'text/event-stream' },
      });
    const recorder = createCassetteFetch({ path, mode: 'record', fetch: upstream });
    const query = new URLSearchParams({ ...values, alt: 'sse' });
    const response = await recorder(`https://functions.test/api/chat?${query}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'Ocp-Apim-Subscription-Key': credential.subscriptionKey,
      },
      body: JSON.stringify({ note: `key ${credential.subscriptionKey}` }),
    });
    await response.text();
    await recorder.done();
    const written = await readFile(path, 'utf8');
    for (const secret of [...Object.values(values), credential.subscriptionKey]) {
      expect(written).not.toContain(secret);
    }
    expect(written).toContain('alt=sse');
    expect(written).not.toMatch(/ocp-apim-subscription-key/i);
  });

  it('lets a redact hook remove body fields by name and by path, further values, and anything else', async () => {
    const path = join(folder, 'hook.yaml');
    const upstream: typeof fetch = async () =>
      Response.json({
        user: { email: 'alice@example.test', name: 'Alice' },
        client_secret: 'cs',
        note: 'tenant-9f8e7d6c5b',
      });
    const recorder = createCassetteFetch({
      path,
      mode: 'record',
      fetch: upstream,
      redact: {
        bodyFields: ['client_secret', 'user.email'],
        values: ['tenant-9f8e7d6c5b'],
        interaction: (interaction) => ({
          ...interaction,
          response: { ...interaction.response, duration: '0s' },
        }),
      },
    });
    await (await recorder('https://x.test/v1', { method: 'POST', body: '{}' })).text();
    await recorder.done();
    const written = await readFile(path, 'utf8');
    expect(written).not.toContain('alice@example.test');
    expect(written).not.toContain('"cs"');
    expect(written).not.toContain('tenant-9f8e7d6c5b');
    expect(written).toContain('Alice');
    expect(written).toContain('duration: 0s');
  });
});
