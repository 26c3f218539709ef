import { describe, expect, it } from 'vitest';
import { InvalidCassetteError } from '../../errors/invalid-cassette-error.js';
import type { RecordedResponse } from './cassette.js';
import { createReplayResponse } from './create-replay-response.js';

function recorded(response: Partial<RecordedResponse>): RecordedResponse {
  return {
    code: 200,
    status: '200 OK',
    body: '{}',
    headers: { 'Content-Type': ['application/json'] },
    proto: 'HTTP/1.1',
    contentLength: -1,
    duration: '1ms',
    ...response,
  };
}

function replayError(response: Partial<RecordedResponse>): unknown {
  try {
    createReplayResponse({ response: recorded(response), url: 'https://api.example.com/v1/chat' });
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('replaying a cassette response that no HTTP response can carry', () => {
  it.each([
    ['a status below 200', { code: 99, status: '99 Odd' }, 'status 99'],
    ['a status above 599', { code: 700, status: '700 Odd' }, 'status 700'],
    ['a fractional status', { code: 200.5 }, 'status 200.5'],
  ])('rejects %s with an InvalidCassetteError, not a RangeError', (_name, response, message) => {
    const error = replayError(response);
    expect(InvalidCassetteError.isInstance(error)).toBe(true);
    expect(String(error)).toContain(message);
    expect(String(error)).toContain('https://api.example.com/v1/chat');
  });

  it('rejects a header value with a line break with an InvalidCassetteError that does not show the value', () => {
    const error = replayError({ headers: { 'X-Token': ['secret\nvalue'] } });
    expect(InvalidCassetteError.isInstance(error)).toBe(true);
    expect(String(error)).toContain('"X-Token"');
    expect(String(error)).not.toContain('secret');
    expect(JSON.stringify(error)).not.toContain('secret');
    expect(String((error as Error).cause)).not.toContain('secret');
  });

  it('rejects an invalid header name with an InvalidCassetteError', () => {
    expect(InvalidCassetteError.isInstance(replayError({ headers: { 'bad header': ['x'] } }))).toBe(true);
  });
});
