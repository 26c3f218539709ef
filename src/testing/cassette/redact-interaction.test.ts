import { describe, expect, it } from 'vitest';
import type { CassetteHeaders, RecordedInteraction } from './cassette.js';
import { collectSecrets, createRedaction, redactInteraction } from './redact-interaction.js';

function createInteraction(responseHeaders: CassetteHeaders): RecordedInteraction {
  return {
    id: 0,
    request: {
      method: 'POST',
      url: 'https://x.test/v1',
      body: '{}',
      headers: {},
      proto: 'HTTP/1.1',
      contentLength: 2,
      host: 'x.test',
    },
    response: {
      code: 200,
      status: '200 OK',
      body: '{}',
      headers: responseHeaders,
      proto: 'HTTP/1.1',
      contentLength: 2,
      duration: '1ms',
    },
  };
}

describe('createRedaction', () => {
  it('adds the caller names to the defaults, lower-cased', () => {
    const redaction = createRedaction({ headers: ['X-Custom-Token'], queryParameters: ['Sig'] });
    expect(redaction.headers.has('x-custom-token')).toBe(true);
    expect(redaction.headers.has('authorization')).toBe(true);
    expect(redaction.queryParameters.has('sig')).toBe(true);
    expect(redaction.queryParameters.has('key')).toBe(true);
  });
});

describe('collectSecrets', () => {
  it('collects redacted header values, the token after a scheme, and redacted query values', () => {
    const secrets = collectSecrets({
      redaction: createRedaction(),
      url: 'https://x.test/?key=query-secret-1',
      headers: [
        ['authorization', 'Bearer sk-secret-bearer'],
        ['x-api-key', 'sk-ant-secret'],
        ['content-type', 'application/json'],
      ],
    });
    expect(secrets).toEqual([
      'query-secret-1',
      'Bearer sk-secret-bearer',
      'sk-secret-bearer',
      'sk-ant-secret',
    ]);
  });

  it('takes the credential and signature out of an AWS SigV4 authorization header', () => {
    const authorization =
      'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0123456789abcdef';
    const secrets = collectSecrets({
      redaction: createRedaction(),
      url: 'https://x.test/',
      headers: [['Authorization', authorization]],
    });
    expect(secrets).toContain('AKIAEXAMPLE/20250101/us-east-1/bedrock/aws4_request');
    expect(secrets).toContain('0123456789abcdef');
  });
});

describe('redactInteraction', () => {
  it('removes secret headers and query parameters and scrubs echoed secrets from kept values', () => {
    const interaction = createInteraction({
      'Content-Type': ['application/json'],
      'Set-Cookie': ['session=abc'],
      'X-Echo': ['you sent sk-secret-bearer'],
    });
    interaction.request.url = 'https://x.test/v1?alt=sse&KEY=sk-secret-bearer';
    interaction.request.headers = { Authorization: ['Bearer sk-secret-bearer'], Accept: ['*/*'] };
    interaction.request.form = { alt: ['sse'], KEY: ['sk-secret-bearer'] };
    const redacted = redactInteraction(interaction, createRedaction(), ['sk-secret-bearer']);
    expect(redacted.request.url).toBe('https://x.test/v1?alt=sse');
    expect(redacted.request.headers).toEqual({ Accept: ['*/*'] });
    expect(redacted.request.form).toEqual({ alt: ['sse'] });
    expect(redacted.response.headers).toEqual({
      'Content-Type': ['application/json'],
      'X-Echo': ['you sent REDACTED'],
    });
  });

  it('replaces a short secret only where a whole value equals it', () => {
    const interaction = createInteraction({ A: ['abc'], B: ['abcdef and more'] });
    const redacted = redactInteraction(interaction, createRedaction(), ['abc']);
    expect(redacted.response.headers).toEqual({ A: ['REDACTED'], B: ['abcdef and more'] });
  });
});
