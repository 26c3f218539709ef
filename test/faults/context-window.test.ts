import { describe, expect, it } from 'vitest';
import { APICallError } from '../../src/errors/api-call-error.js';
import { ContextWindowExceededError } from '../../src/errors/context-window-exceeded-error.js';
import { parseContextWindowError } from '../../src/http/parse-context-window-error.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import { userMessage } from '../../src/spec/message.js';
import { authSchemes } from './auth-schemes.js';
import { useFaultServer } from './fault-server.js';
import { anthropicModel, geminiModel, openAIModel, rejectionOf } from './support.js';
import { errorAnswer } from './wire.js';

const server = useFaultServer();

function bedrockModel(): LanguageModel {
  const scheme = authSchemes.find((candidate) => candidate.name === 'Bedrock bearer');
  if (scheme === undefined) throw new Error('no Bedrock scheme');
  return scheme.model(server.url);
}

const cases: Array<[string, () => LanguageModel, unknown, number | undefined, number | undefined]> = [
  [
    'Anthropic',
    () => anthropicModel(server),
    {
      type: 'error',
      error: { type: 'invalid_request_error', message: 'prompt is too long: 208310 tokens > 200000 maximum' },
    },
    208_310,
    200_000,
  ],
  [
    'OpenAI chat completions',
    () => openAIModel(server),
    {
      error: {
        message:
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.",
        type: 'invalid_request_error',
        code: 'context_length_exceeded',
      },
    },
    130_512,
    128_000,
  ],
  [
    'OpenAI without counts',
    () => openAIModel(server),
    {
      error: {
        message:
          'Your input exceeds the context window of this model. Please adjust your input and try again.',
        code: 'context_length_exceeded',
      },
    },
    undefined,
    undefined,
  ],
  [
    'Gemini',
    () => geminiModel(server),
    {
      error: {
        code: 400,
        message: 'The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).',
        status: 'INVALID_ARGUMENT',
      },
    },
    1_200_293,
    1_048_576,
  ],
  ['Bedrock', bedrockModel, { message: 'Input is too long for requested model.' }, undefined, undefined],
  [
    'Claude on Bedrock',
    bedrockModel,
    { message: 'prompt is too long: 210000 tokens > 200000 maximum' },
    210_000,
    200_000,
  ],
];

describe('context-window errors', () => {
  it.each(cases)(
    'reads a %s context-window error as a ContextWindowExceededError with its counts',
    async (_name, model, body, usedTokens, maxTokens) => {
      server.answer(errorAnswer(400, body));
      const error = await rejectionOf(model().generate({ prompt: [userMessage('Hi')] }), 'the long call');
      expect(ContextWindowExceededError.isInstance(error)).toBe(true);
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 400, isRetryable: false, title: 'context window exceeded' });
      expect((error as ContextWindowExceededError).usedTokens).toBe(usedTokens);
      expect((error as ContextWindowExceededError).maxTokens).toBe(maxTokens);
    },
  );

  it('leaves other 400s plain APICallErrors', async () => {
    server.answer(errorAnswer(400, { error: { message: 'model not found', type: 'invalid_request_error' } }));
    const error = await rejectionOf(
      openAIModel(server).generate({ prompt: [userMessage('Hi')] }),
      'the call',
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(ContextWindowExceededError.isInstance(error)).toBe(false);
  });

  it.each([
    [
      "This model's maximum prompt length is 131072 but the request contains 150000 tokens.",
      150_000,
      131_072,
    ],
    [
      'Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length',
      40_000,
      32_768,
    ],
    ['input tokens [40000] exceed context window [32768]', 40_000, 32_768],
    [
      "This model's maximum context length is 65536 tokens. however, you requested 69648 tokens",
      69_648,
      65_536,
    ],
    [
      'Input tokens exceed the configured limit of 272000 tokens. Your messages resulted in 290,000 tokens.',
      290_000,
      272_000,
    ],
  ])('parses %j', (message, usedTokens, maxTokens) => {
    expect(parseContextWindowError(message)).toEqual({ usedTokens, maxTokens });
  });
});

describe('isAuthError', () => {
  it.each([
    [401, undefined, true],
    [403, undefined, false],
    [400, 'authentication_error', true],
    [400, 'invalid_request_error', false],
  ])('is %s / %s → %s', (statusCode, errorType, expected) => {
    const error = new APICallError({ message: 'm', url: 'https://x.test', statusCode, errorType });
    expect(error.isAuthError).toBe(expected);
  });
});
