import { describe, expect, it } from 'vitest';
import {
  answeringFetch,
  collectStream,
  jsonBody,
  sseBody,
  streamError,
} from '../../../test/support/provider-wire.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { userMessage } from '../../spec/message.js';
import { createGoogle } from './index.js';

const prompt = [userMessage('hi')];
const text = (value: unknown) => ({ candidates: [{ content: { role: 'model', parts: [{ text: value }] } }] });

function gemini(answer: () => Response) {
  return createGoogle({ apiKey: 'k', fetch: answeringFetch(answer) }).languageModel('gemini-2.5-flash');
}

const malformed: Array<[string, unknown, string]> = [
  ['candidates that are an object', { candidates: {} }, 'candidates is an object, expected an array'],
  ['parts that are a string', { candidates: [{ content: { parts: 'hi' } }] }, 'content.parts is a string'],
  ['text that is an object', text({ value: 'x' }), 'parts[0].text is an object, expected a string'],
  [
    'a numeric function name',
    { candidates: [{ content: { parts: [{ functionCall: { name: 7, args: {} } }] } }] },
    'functionCall.name is a number',
  ],
  [
    'inline data that is not base64',
    {
      candidates: [
        { content: { parts: [{ inlineData: { mimeType: 'image/png', data: '%%%not base64%%%' } }] } },
      ],
    },
    'inlineData.data is not valid base64',
  ],
  [
    'non-numeric usage',
    { ...text('a'), usageMetadata: { promptTokenCount: 'five', totalTokenCount: 9 } },
    'usage.promptTokenCount is a string',
  ],
];

describe('malformed Gemini wire data is an InvalidResponseError, not a network error', () => {
  it.each(malformed)(
    'ends a stream carrying %s with a non-retryable InvalidResponseError',
    async (_name, chunk, message) => {
      const model = gemini(() => sseBody([text('Hello'), chunk], { done: false }));
      const parts = await collectStream(await model.stream({ prompt }));
      const error = streamError(parts);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect((error as InvalidResponseError).message).toContain(message);
      expect((error as InvalidResponseError).isRetryable).toBe(false);
      expect((error as InvalidResponseError).data).toBe(JSON.stringify(chunk));
    },
  );

  it.each(malformed)('rejects a generated answer carrying %s', async (_name, response, message) => {
    const rejection = await gemini(() => jsonBody(response))
      .generate({ prompt })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(InvalidResponseError.isInstance(rejection)).toBe(true);
    expect(String(rejection)).toContain(message);
  });
});
