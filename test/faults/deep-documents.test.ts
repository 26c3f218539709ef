/**
 * Issue 13 item 9 (readers): documents built to exhaust a reader give its typed error, never a raw
 * RangeError or ReferenceError: persisted conversations nested 100,000 deep, YAML alias bombs and very deep
 * YAML in cassettes, and cassettes whose status or headers no `Response` could carry.
 */
import { describe, expect, it } from 'vitest';
import { InvalidCassetteError } from '../../src/errors/invalid-cassette-error.js';
import { InvalidConversationError } from '../../src/errors/invalid-conversation-error.js';
import { fromFantasyJSON } from '../../src/persistence/fantasy-messages.js';
import { messagesFromJSON, parseMessages } from '../../src/persistence/serialize-messages.js';
import { parseCassette } from '../../src/testing/cassette/parse-cassette.js';

const depth = 100_000;
const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('deep persisted documents', () => {
  const ours = (value: string) =>
    `{"format":"fantasy-ts/messages","version":1,"messages":[{"role":"user","content":[],"providerOptions":{"x":{"deep":${value}}}}]}`;

  it.each([
    ['arrays', deepArray],
    ['objects', deepObject],
  ])('are an InvalidConversationError in parseMessages and messagesFromJSON (%s)', (_kind, value) => {
    expect(() => parseMessages(ours(value))).toThrow(InvalidConversationError);
    expect(() => messagesFromJSON(JSON.parse(ours(value)))).toThrow(/deeper than 1000 levels/);
  });

  it.each([
    ['arrays', deepArray],
    ['objects', deepObject],
  ])('are an InvalidConversationError in fromFantasyJSON (%s)', (_kind, value) => {
    const text = `[{"role":"user","content":[],"provider_options":{"openai":{"type":"openai.options","data":{"extra":${value}}}}}]`;
    expect(() => fromFantasyJSON(text)).toThrow(InvalidConversationError);
  });

  it('still reads a document nested a few hundred levels deep', () => {
    const value = `${'['.repeat(300)}${']'.repeat(300)}`;
    expect(parseMessages(ours(value))[0]?.providerOptions?.x).toEqual({ deep: JSON.parse(value) });
  });
});

describe('hostile cassettes', () => {
  const withResponse = (response: string) => `version: 2
interactions:
- id: 0
  request: {method: POST, url: 'http://127.0.0.1/', body: ''}
  response: ${response}
`;

  it('rejects a YAML alias bomb with an InvalidCassetteError', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(() => parseCassette(`${levels.join('\n')}\nversion: 2\n`)).toThrow(InvalidCassetteError);
  });

  it.each([
    ['flow sequences', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
    ['flow mappings', `${'{a: '.repeat(20_000)}1${'}'.repeat(20_000)}`],
  ])('rejects YAML nested 20,000 deep with an InvalidCassetteError (%s)', (_kind, value) => {
    expect(() => parseCassette(`version: 2\ninteractions: []\nextra: ${value}\n`)).toThrow(
      InvalidCassetteError,
    );
  });

  it.each([
    ['99', /from 200 to 599, found 99/],
    ['600', /found 600/],
    ['200.5', /found 200.5/],
    ['"OK"', /must be a number/],
  ])('rejects the status code %s with an InvalidCassetteError', (code, message) => {
    const parse = () => parseCassette(withResponse(`{code: ${code}, body: ''}`));
    expect(parse).toThrow(InvalidCassetteError);
    expect(parse).toThrow(message);
  });

  it.each([
    [
      'a header name with a space',
      `{code: 200, headers: {'bad name': [x]}}`,
      /invalid header name "bad name"/,
    ],
    ['a line break in a header value', `{code: 200, headers: {x-id: ["a\\nb"]}}`, /line break at position 1/],
    ['a NUL in a header value', `{code: 200, headers: {x-id: ["a\\0b"]}}`, /NUL at position 1/],
    ['a character above U+00FF', `{code: 200, headers: {x-id: ["☃"]}}`, /U\+2603/],
    ['a line break in the status text', `{code: 200, status: "200 OK\\nx"}`, /status holds a line break/],
  ])('rejects %s in the response with an InvalidCassetteError', (_name, response, message) => {
    const parse = () => parseCassette(withResponse(response));
    expect(parse).toThrow(InvalidCassetteError);
    expect(parse).toThrow(message);
  });

  it('keeps request headers as recorded, since they are only compared', () => {
    const cassette = parseCassette(`version: 2
interactions:
- request: {method: POST, url: 'http://127.0.0.1/', headers: {'any name': ["☃"]}}
  response: {code: 200}
`);
    expect(cassette.interactions[0]?.request.headers).toEqual({ 'any name': ['☃'] });
  });
});
