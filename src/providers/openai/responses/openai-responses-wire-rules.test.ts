import { describe, expect, it } from 'vitest';
import {
  answeringFetch,
  collectStream,
  jsonBody,
  namedSseBody,
  streamError,
} from '../../../../test/support/provider-wire.js';
import { InvalidArgumentError } from '../../../errors/invalid-argument-error.js';
import { InvalidResponseError } from '../../../errors/invalid-response-error.js';
import { userMessage } from '../../../spec/message.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import { createOpenAI, openAIChatDialect } from '../index.js';
import { buildChatRequest } from '../openai-chat-request.js';
import { buildResponsesRequest } from './openai-responses-request.js';

const prompt = [userMessage('hi')];

function chatBody(modelId: string, serviceTier: string) {
  return buildChatRequest({
    modelId,
    call: { prompt, providerOptions: { openai: { serviceTier } } },
    dialect: openAIChatDialect(),
    stream: false,
  });
}

function responsesBody(modelId: string, openai: Record<string, unknown>) {
  return buildResponsesRequest({ modelId, call: { prompt, providerOptions: { openai } }, stream: false });
}

describe('OpenAI request rules shared by chat completions and Responses', () => {
  it('omits an empty previousResponseId from a Responses request', () => {
    const { body } = responsesBody('gpt-5', { previousResponseId: '' });
    expect(body).not.toHaveProperty('previous_response_id');
  });

  it.each([
    ['gpt-5', 'flex', true],
    ['o4-mini', 'flex', true],
    ['gpt-4o', 'flex', false],
    ['gpt-4o', 'priority', true],
    ['gpt-5-nano', 'priority', false],
    ['gpt-3.5-turbo', 'priority', false],
    ['gpt-3.5-turbo', 'auto', true],
  ])('gives %s service_tier %s on both APIs only where the model offers it (%s)', (modelId, tier, kept) => {
    for (const { body, warnings } of [
      chatBody(modelId, tier),
      responsesBody(modelId, { serviceTier: tier }),
    ]) {
      if (kept) {
        expect(body.service_tier).toBe(tier);
        expect(warnings).toEqual([]);
      } else {
        expect(body).not.toHaveProperty('service_tier');
        expect(warnings).toEqual([
          expect.objectContaining({ type: 'unsupported-setting', setting: 'serviceTier' }),
        ]);
      }
    }
  });

  it('rejects an unknown service tier on both APIs', () => {
    expect(() => chatBody('gpt-4o', 'turbo')).toThrow(InvalidArgumentError);
    expect(() => responsesBody('gpt-4o', { serviceTier: 'turbo' })).toThrow(InvalidArgumentError);
  });
});

// Documented Responses shapes: `output_text.delta` events carry `logprobs` when
// `include: ['message.output_text.logprobs']`; output_text parts carry them in a whole response.
const logprob = {
  token: 'Hi',
  logprob: -0.2,
  bytes: [72, 105],
  top_logprobs: [{ token: 'Hi', logprob: -0.2, bytes: [72, 105] }],
};
const expected = [
  {
    token: 'Hi',
    logprob: -0.2,
    bytes: [72, 105],
    topLogprobs: [{ token: 'Hi', logprob: -0.2, bytes: [72, 105] }],
  },
];
const completed = {
  type: 'response.completed',
  response: { id: 'resp_1', usage: { input_tokens: 3, output_tokens: 1, total_tokens: 4 } },
};

function responsesModel(answer: () => Response) {
  const fetch = answeringFetch(answer);
  return { fetch, model: createOpenAI({ apiKey: 'k', fetch }).responses('gpt-4o') };
}

describe('logprobs on the Responses API', () => {
  it('asks for them and puts the streamed ones in the finish metadata', async () => {
    const { fetch, model } = responsesModel(() =>
      namedSseBody([
        { type: 'response.output_item.added', output_index: 0, item: { type: 'message', id: 'msg_1' } },
        { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Hi', logprobs: [logprob] },
        completed,
      ]),
    );
    const parts = await collectStream(
      await model.stream({ prompt, providerOptions: { openai: { logprobs: 1 } } }),
    );
    expect(fetch.bodies[0]).toMatchObject({ include: ['message.output_text.logprobs'], top_logprobs: 1 });
    const finish = parts.at(-1) as Extract<StreamPart, { type: 'finish' }>;
    expect(finish.providerMetadata?.openai).toEqual({ responseId: 'resp_1', logprobs: expected });
  });

  it('puts a generated response’s logprobs in its metadata', async () => {
    const { model } = responsesModel(() =>
      jsonBody({
        id: 'resp_1',
        output: [
          {
            type: 'message',
            id: 'msg_1',
            content: [{ type: 'output_text', text: 'Hi', logprobs: [logprob] }],
          },
        ],
      }),
    );
    const result = await model.generate({ prompt, providerOptions: { openai: { logprobs: true } } });
    expect(result.providerMetadata?.openai).toEqual({ responseId: 'resp_1', logprobs: expected });
  });
});

describe('malformed Responses wire data is an InvalidResponseError', () => {
  it.each([
    [
      'a text delta that is an object',
      { type: 'response.output_text.delta', item_id: 'msg_1', delta: { text: 'x' } },
      'delta is an object',
    ],
    [
      'a numeric function name',
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { type: 'function_call', call_id: 'c', name: 7 },
      },
      'item.name is a number',
    ],
    [
      'output that is not an array',
      { type: 'response.completed', response: { output: 5 } },
      'response.output is a number',
    ],
    [
      'non-numeric usage',
      { type: 'response.completed', response: { usage: { input_tokens: 'three' } } },
      'usage.input_tokens is a string',
    ],
    ['an event that is an array', [1, 2], 'stream event is an array'],
  ])('ends the stream on %s, holding the event', async (_name, event, message) => {
    const { model } = responsesModel(() => namedSseBody([event as never]));
    const error = streamError(await collectStream(await model.stream({ prompt })));
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).message).toContain(message);
    expect((error as InvalidResponseError).data).toBe(JSON.stringify(event));
    expect((error as InvalidResponseError).isRetryable).toBe(false);
  });

  it('rejects a generated response whose output items are not objects', async () => {
    const { model } = responsesModel(() => jsonBody({ output: ['text'] }));
    const rejection = await model.generate({ prompt }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(InvalidResponseError.isInstance(rejection)).toBe(true);
    expect(String(rejection)).toContain('the response.output[0] is a string, expected an object');
  });
});
