import { describe, expect, it } from 'vitest';
import type { CassetteRequest, RecordedRequest } from './cassette.js';
import {
  bodiesMatch,
  defaultMatcher,
  jsonEqual,
  matchRequest,
  normalizeLineEndings,
} from './match-request.js';

const url = 'https://api.x.ai/v1/chat/completions';

function recordedRequest(
  body: RecordedRequest['body'],
  overrides: Partial<RecordedRequest> = {},
): RecordedRequest {
  return {
    method: 'POST',
    url,
    body,
    headers: {},
    proto: 'HTTP/1.1',
    contentLength: -1,
    host: '',
    ...overrides,
  };
}

function actualRequest(
  body: CassetteRequest['body'],
  overrides: Partial<CassetteRequest> = {},
): CassetteRequest {
  return { method: 'POST', url, body, headers: {}, ...overrides };
}

describe('matchRequest', () => {
  it('matches JSON bodies whose keys come in a different order', () => {
    const recorded = recordedRequest('{"model":"grok","max_tokens":4000,"stream":true}');
    expect(matchRequest(actualRequest('{"stream":true,"max_tokens":4000,"model":"grok"}'), recorded)).toBe(
      true,
    );
  });

  it('compares numbers by value, so 4000 matches 4000.0 and 4e3', () => {
    const recorded = recordedRequest('{"max_tokens":4000}');
    expect(matchRequest(actualRequest('{"max_tokens":4000.0}'), recorded)).toBe(true);
    expect(matchRequest(actualRequest('{"max_tokens":4e3}'), recorded)).toBe(true);
    expect(matchRequest(actualRequest('{"max_tokens":4001}'), recorded)).toBe(false);
  });

  it('does not treat a missing key as equal to null', () => {
    const recorded = recordedRequest('{"a":1,"b":null}');
    expect(matchRequest(actualRequest('{"a":1}'), recorded)).toBe(false);
  });

  it('keeps array order significant', () => {
    expect(matchRequest(actualRequest('[1,2]'), recordedRequest('[2,1]'))).toBe(false);
  });

  it('requires strings inside JSON, such as tool-call arguments, to be identical', () => {
    const recorded = recordedRequest('{"arguments":"{\\"a\\": 2, \\"b\\": 3}"}');
    expect(matchRequest(actualRequest('{"arguments":"{\\"a\\":2,\\"b\\":3}"}'), recorded)).toBe(false);
    expect(matchRequest(actualRequest('{"arguments":"{\\"a\\": 2, \\"b\\": 3}"}'), recorded)).toBe(true);
  });

  it('matches text bodies that differ only in CRLF versus LF line endings', () => {
    expect(matchRequest(actualRequest('line one\r\nline two'), recordedRequest('line one\nline two'))).toBe(
      true,
    );
  });

  it('matches JSON whose strings differ only in an escaped \\r\\n versus \\n', () => {
    const recorded = recordedRequest('{"content":"a\\nb"}');
    expect(matchRequest(actualRequest('{"content":"a\\r\\nb"}'), recorded)).toBe(true);
  });

  it('rejects a different method or URL even when the bodies are equal', () => {
    const recorded = recordedRequest('{}');
    expect(matchRequest(actualRequest('{}', { method: 'PUT' }), recorded)).toBe(false);
    expect(matchRequest(actualRequest('{}', { url: `${url}?beta=true` }), recorded)).toBe(false);
  });

  it('compares the method without regard to case', () => {
    expect(matchRequest(actualRequest('', { method: 'get' }), recordedRequest('', { method: 'GET' }))).toBe(
      true,
    );
  });

  it('rejects bodies that are neither equal text nor equal JSON', () => {
    expect(matchRequest(actualRequest('hello'), recordedRequest('hullo'))).toBe(false);
  });

  it('is the default matcher', () => {
    expect(defaultMatcher).toBe(matchRequest);
  });
});

describe('bodiesMatch', () => {
  it('compares bodies that are not UTF-8 byte for byte', () => {
    const bytes = new Uint8Array([0xff, 0x00, 0xfe]);
    expect(bodiesMatch(new Uint8Array([0xff, 0x00, 0xfe]), bytes)).toBe(true);
    expect(bodiesMatch(new Uint8Array([0xff, 0x00, 0xfd]), bytes)).toBe(false);
  });

  it('compares a UTF-8 byte body with a text body as text', () => {
    expect(bodiesMatch(new TextEncoder().encode('{"a": 1}'), '{"a":1}')).toBe(true);
  });
});

describe('normalizeLineEndings', () => {
  it('turns CRLF into LF and an escaped \\r\\n into an escaped \\n', () => {
    expect(normalizeLineEndings('a\r\nb\\r\\nc')).toBe('a\nb\\nc');
  });
});

describe('jsonEqual', () => {
  it('treats nested objects with the same members as equal', () => {
    expect(jsonEqual({ a: [{ b: 1, c: 'x' }] }, { a: [{ c: 'x', b: 1 }] })).toBe(true);
  });

  it('does not confuse an array with an object that has index keys', () => {
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });
});
