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
import { createOpenAICompatible } from '../openaicompat/index.js';

const prompt = [userMessage('hi')];
const choice = (delta: unknown) => ({ choices: [{ index: 0, delta }] });

function compat(answer: () => Response) {
  return createOpenAICompatible({
    baseURL: 'https://example.test/v1',
    apiKey: 'k',
    fetch: answeringFetch(answer),
  }).languageModel('some-model');
}

const malformedChunks: Array<[string, unknown, string]> = [
  ['choices that are a number', { choices: 5 }, 'choices is a number, expected an array'],
  ['a choice that is a string', { choices: ['x'] }, 'choices[0] is a string, expected an object'],
  [
    'tool_calls that are an object',
    choice({ tool_calls: {} }),
    'choices[0].delta.tool_calls is an object, expected an array',
  ],
  ['content that is an object', choice({ content: {} }), 'choices[0].delta.content is an object'],
  [
    'content that is an array of strings',
    choice({ content: ['a', 'b'] }),
    'choices[0].delta.content[0] is a string',
  ],
  [
    'a numeric tool name',
    choice({
      tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 7, arguments: '{}' } }],
    }),
    'choices[0].delta.tool_calls[0].function.name is a number, expected a string',
  ],
  [
    'tool arguments that are an object',
    choice({ tool_calls: [{ index: 0, id: 'call_1', function: { name: 'add', arguments: { a: 1 } } }] }),
    'function.arguments is an object, expected a string',
  ],
  [
    'reasoning_content that is an object',
    choice({ reasoning_content: { text: 'x' } }),
    'reasoning_content is an object',
  ],
  ['non-numeric usage', { choices: [], usage: { prompt_tokens: 'ten' } }, 'usage.prompt_tokens is a string'],
  ['an event that is a number', 5, 'stream event is a number, expected an object'],
  ['an event that is null', null, 'stream event is null, expected an object'],
];

describe('malformed chat-completions wire data is an InvalidResponseError, not a network error', () => {
  it.each(malformedChunks)(
    'ends a stream carrying %s with a non-retryable InvalidResponseError',
    async (_name, chunk, message) => {
      const model = compat(() => sseBody([choice({ content: 'Hello' }), chunk === null ? 'null' : chunk]));
      const parts = await collectStream(await model.stream({ prompt }));
      const error = streamError(parts);
      expect(InvalidResponseError.isInstance(error)).toBe(true);
      expect((error as InvalidResponseError).message).toContain(message);
      expect((error as InvalidResponseError).isRetryable).toBe(false);
      expect((error as InvalidResponseError).data).toBe(JSON.stringify(chunk));
      for (const part of parts) if (part.type === 'text-delta') expect(typeof part.delta).toBe('string');
    },
  );

  it.each(malformedChunks.filter(([name]) => !name.startsWith('an event')))(
    'rejects a generated completion carrying %s with a non-retryable InvalidResponseError',
    async (_name, chunk, message) => {
      // The same wrong value in a whole completion: `delta` becomes `message`.
      const completion = JSON.parse(JSON.stringify(chunk).replace('"delta"', '"message"'));
      const model = compat(() =>
        jsonBody({
          ...completion,
          choices:
            Array.isArray(completion.choices) && completion.choices.length === 0
              ? [{ message: {} }]
              : completion.choices,
        }),
      );
      const rejection = await model.generate({ prompt }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(InvalidResponseError.isInstance(rejection)).toBe(true);
      expect((rejection as InvalidResponseError).message).toContain(message.replace('.delta', '.message'));
      expect((rejection as InvalidResponseError).isRetryable).toBe(false);
    },
  );

  it('turns an unexpected TypeError in a reducer into an InvalidResponseError holding the event', async () => {
    // A getter that throws stands in for any wire shape a reducer did not foresee.
    const { reduceEvents } = await import('../../http/reduce-events.js');
    const state = { ended: false };
    const events = (async function* () {
      yield { data: '{"x":1}' };
    })();
    const parts = [];
    for await (const part of reduceEvents(events, {
      url: 'https://example.test',
      warnings: [],
      reducer: {
        state,
        reduce: () => {
          throw new TypeError('Cannot read properties of undefined');
        },
        finish: () => {},
        endWithError: (s, error, out) => {
          s.ended = true;
          out.push({ type: 'error', error });
        },
      },
    }))
      parts.push(part);
    const error = streamError(parts);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).data).toBe('{"x":1}');
    expect((error as InvalidResponseError).isRetryable).toBe(false);
  });
});
