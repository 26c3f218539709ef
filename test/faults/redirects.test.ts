import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APICallError } from '../../src/errors/api-call-error.js';
import { RedirectError } from '../../src/errors/redirect-error.js';
import { userMessage } from '../../src/spec/message.js';
import { authSchemes, okAnswer } from './auth-schemes.js';
import { useFaultServer } from './fault-server.js';
import { rejectionOf, settles } from './support.js';

/** The provider's origin, and another one on another port: a redirect between them crosses origins. */
const provider = useFaultServer();
const elsewhere = useFaultServer();

function redirectTo(location: string, status = 307) {
  return { status, headers: { location, 'content-type': 'text/plain' }, steps: [{ write: 'moved' }] };
}

/** A generate call with the OpenAI bearer scheme against the provider origin. */
function bearerCall() {
  const scheme = authSchemes[0];
  if (scheme === undefined) throw new Error('no auth schemes');
  return scheme.model(provider.url).generate({ prompt: [userMessage('Hi')] });
}

/** Every way an error can be shown; none may hold a credential. */
function renderings(error: unknown): string[] {
  return [String(error), JSON.stringify(error), (error as Error).stack ?? '', inspect(error, { depth: 10 })];
}

describe('redirects', () => {
  it.each(authSchemes.map((scheme) => [scheme.name, scheme] as const))(
    'refuses a cross-origin redirect with the %s credential, sending the other origin nothing',
    async (_name, scheme) => {
      elsewhere.answer(okAnswer(scheme.wire));
      provider.answer(redirectTo(`${elsewhere.url}/steal?x=1`));
      const error = await rejectionOf(
        scheme.model(provider.url).generate({ prompt: [userMessage('Hi')] }),
        'the redirected call',
      );
      expect(elsewhere.requests).toEqual([]);
      expect(provider.requests).toHaveLength(1);
      for (const header of scheme.headers) expect(provider.requests[0]?.headers[header]).toBeDefined();
      expect(RedirectError.isInstance(error)).toBe(true);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        reason: 'cross-origin',
        targetOrigin: elsewhere.url,
        statusCode: 307,
        isRetryable: false,
      });
      expect((error as Error).message).toContain(elsewhere.url);
      for (const rendering of renderings(error)) {
        for (const secret of scheme.secrets) expect(rendering).not.toContain(secret);
      }
    },
  );

  it.each(authSchemes.map((scheme) => [scheme.name, scheme] as const))(
    'follows a same-origin redirect with the %s credential re-attached',
    async (_name, scheme) => {
      provider.answer(redirectTo('/moved/here', 308), okAnswer(scheme.wire));
      const result = await settles(
        scheme.model(provider.url).generate({ prompt: [userMessage('Hi')] }),
        'the redirected call',
      );
      expect(result.content).toEqual([{ type: 'text', text: 'hi' }]);
      const [first, second] = provider.requests;
      expect(second?.url).toBe('/moved/here');
      expect(second?.method).toBe('POST');
      expect(second?.body).toBe(first?.body);
      for (const header of scheme.headers) expect(second?.headers[header]).toBeDefined();
      if (scheme.name.includes('SigV4')) {
        // Signed anew for the new path: the first signature would not verify there.
        expect(second?.headers.authorization).not.toBe(first?.headers.authorization);
        expect(second?.headers['x-amz-security-token']).toBe(first?.headers['x-amz-security-token']);
      } else {
        for (const header of scheme.headers) expect(second?.headers[header]).toBe(first?.headers[header]);
      }
    },
  );

  it('refuses a redirect from http to https on the same host, since the origin differs', async () => {
    provider.answer(redirectTo(provider.url.replace('http://', 'https://')));
    const error = await rejectionOf(bearerCall(), 'the redirected call');
    expect(error).toMatchObject({
      reason: 'cross-origin',
      targetOrigin: provider.url.replace('http', 'https'),
    });
  });

  it('gives up after five same-origin redirects in a row', async () => {
    for (let index = 0; index < 6; index++) provider.answer(redirectTo(`/loop/${index}`));
    const error = await rejectionOf(bearerCall(), 'the looping call');
    expect(error).toMatchObject({ name: 'RedirectError', reason: 'too-many', isRetryable: false });
    expect(provider.requests).toHaveLength(6);
  });

  it('rejects a redirect without a Location as unreadable', async () => {
    provider.answer({ status: 302, headers: { 'content-type': 'text/plain' }, steps: [{ write: 'moved' }] });
    const error = await rejectionOf(bearerCall(), 'the redirected call');
    expect(error).toMatchObject({ name: 'RedirectError', reason: 'unreadable', statusCode: 302 });
  });

  it('continues a 303 as a GET without the body, keeping the credential on the same origin', async () => {
    provider.answer(redirectTo('/see/other', 303), okAnswer('chat'));
    await settles(bearerCall(), 'the redirected call');
    expect(provider.requests[1]).toMatchObject({ method: 'GET', url: '/see/other', body: '' });
    expect(provider.requests[1]?.headers.authorization).toBe(provider.requests[0]?.headers.authorization);
  });
});
