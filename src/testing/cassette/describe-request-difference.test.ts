import { describe, expect, it } from 'vitest';
import type { CassetteBody, CassetteRequest, RecordedInteraction } from './cassette.js';
import { describeRequestDifference, findClosestInteraction } from './describe-request-difference.js';

function actualRequest(
  body: CassetteRequest['body'],
  overrides: Partial<CassetteRequest> = {},
): CassetteRequest {
  return { method: 'POST', url: 'https://api.example.com/v1/chat', body, headers: {}, ...overrides };
}

function createInteraction(id: number, body: CassetteBody = '{"n":0}'): RecordedInteraction {
  const request = { method: 'POST', url: 'https://api.example.com/v1/chat', body, headers: {} };
  const response = { code: 200, status: '200 OK', body: '', headers: {}, proto: 'HTTP/1.1', duration: '1ms' };
  return {
    id,
    request: { ...request, proto: 'HTTP/1.1', contentLength: -1, host: '' },
    response: { ...response, contentLength: -1 },
  };
}

function recordedWithBody(body: CassetteBody) {
  return createInteraction(0, body).request;
}

describe('describeRequestDifference', () => {
  it('lists each differing JSON path with the recorded and actual values', () => {
    const recorded = recordedWithBody(
      '{"messages":[{"role":"user","content":"hi"},{"role":"user","content":"x"}],"tools":[{"name":"weather"}],"max_tokens":4000}',
    );
    const actual = actualRequest(
      '{"messages":[{"role":"user","content":"hi"},{"role":"user","content":"y"}],"max_tokens":4000.0,"stream":true}',
    );
    expect(describeRequestDifference(actual, recorded)).toEqual([
      '$.messages[1].content: recorded "x" actual "y"',
      '$.tools: missing in actual (recorded [{"name":"weather"}])',
      '$.stream: not in the recording (actual true)',
    ]);
  });

  it('shows long strings from just before the first character that differs', () => {
    const prefix = 'a'.repeat(200);
    const recorded = recordedWithBody(JSON.stringify({ text: `${prefix}recorded tail` }));
    const [line] = describeRequestDifference(
      actualRequest(JSON.stringify({ text: `${prefix}actual tail` })),
      recorded,
    );
    expect(line).toBe(
      `$.text: recorded …"${'a'.repeat(20)}recorded tail" actual …"${'a'.repeat(20)}actual tail"`,
    );
  });

  it('truncates long values and caps the number of lines', () => {
    const recorded = recordedWithBody(
      JSON.stringify(Object.fromEntries([...Array(15).keys()].map((key) => [`k${key}`, 1]))),
    );
    const lines = describeRequestDifference(actualRequest('{}'), recorded);
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('… and 5 more differences');
    const long = describeRequestDifference(
      actualRequest('{"a":[]}'),
      recordedWithBody(JSON.stringify({ a: 'x'.repeat(100) })),
    );
    expect(long[0]).toBe(`$.a: recorded "${'x'.repeat(59)}… actual []`);
  });

  it('says where text bodies that are not JSON first differ', () => {
    expect(describeRequestDifference(actualRequest('hello world'), recordedWithBody('hello there'))).toEqual([
      'body: recorded "hello there" actual "hello world"',
    ]);
  });

  it('reports a different method and URL', () => {
    const lines = describeRequestDifference(
      actualRequest('{"n":0}', { method: 'GET', url: 'https://api.example.com/v2/chat' }),
      recordedWithBody('{"n":0}'),
    );
    expect(lines).toEqual([
      'method: recorded POST actual GET',
      'url: recorded https://api.example.com/v1/chat actual https://api.example.com/v2/chat',
    ]);
  });

  it('describes binary bodies by length and the first differing byte', () => {
    const interaction = createInteraction(0);
    interaction.request.body = new Uint8Array([0xff, 1, 2]);
    expect(
      describeRequestDifference(actualRequest(new Uint8Array([0xff, 1, 3, 4])), interaction.request),
    ).toEqual(['body: recorded 3 bytes actual 4 bytes, first difference at byte 2']);
  });
});

describe('findClosestInteraction', () => {
  it('prefers the same URL, then the fewest body differences, then the earliest', () => {
    const otherUrl = createInteraction(0, '{"a":1,"b":2}');
    otherUrl.request.url = 'https://api.example.com/v2/chat';
    const twoDifferences = createInteraction(1, '{"a":9,"b":9}');
    const oneDifference = createInteraction(2, '{"a":1,"b":9}');
    const alsoOneDifference = createInteraction(3, '{"a":9,"b":2}');
    const candidates = [otherUrl, twoDifferences, oneDifference, alsoOneDifference];
    expect(findClosestInteraction(actualRequest('{"a":1,"b":2}'), candidates)?.id).toBe(2);
  });

  it('finds nothing among no candidates', () => {
    expect(findClosestInteraction(actualRequest(''), [])).toBeUndefined();
  });
});
