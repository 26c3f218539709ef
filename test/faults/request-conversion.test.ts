import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FantasyError } from '../../src/errors/fantasy-error.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { createAnthropic, createVertexAnthropic } from '../../src/providers/anthropic/index.js';
import { createAzure } from '../../src/providers/azure/index.js';
import { createBedrock } from '../../src/providers/bedrock/index.js';
import { createGoogle, createVertex } from '../../src/providers/google/index.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { createOpenAICompatible } from '../../src/providers/openaicompat/index.js';
import { createOpenRouter } from '../../src/providers/openrouter/index.js';
import { createVercelGateway } from '../../src/providers/vercel/index.js';
import type { CallOptions } from '../../src/spec/call-options.js';
import type { JSONSchema } from '../../src/spec/json-value.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import { type Message, type MessagePart, type Role, userMessage } from '../../src/spec/message.js';
import type { ProviderOptions } from '../../src/spec/provider-options.js';
import type { Tool, ToolChoice } from '../../src/spec/tool.js';

/** Thrown by the fetch once a request was built and serialized: the conversion succeeded. */
class RequestBuilt extends FantasyError {}

/** Option names the providers read, under every provider key, with values of any JSON type. */
const optionNames = [
  ...[
    'logitBias',
    'logprobs',
    'topLogprobs',
    'user',
    'parallelToolCalls',
    'maxCompletionTokens',
    'prediction',
  ],
  ...['store', 'metadata', 'serviceTier', 'reasoningEffort', 'textVerbosity', 'imageDetail', 'include'],
  ...[
    'previousResponseId',
    'reasoningSummary',
    'instructions',
    'strictJsonSchema',
    'itemId',
    'encryptedContent',
  ],
  ...[
    'effort',
    'thinking',
    'sendReasoning',
    'disableParallelToolUse',
    'extraBody',
    'cacheControl',
    'signature',
  ],
  ...['redactedData', 'thinkingConfig', 'cachedContent', 'safetySettings', 'thoughtSignature', 'toolId'],
  ...['reasoning', 'provider', 'models', 'includeUsage', 'byok', 'reasoningDetails', 'reasoning_details'],
];
const providerKeys = ['openai', 'anthropic', 'google', 'openrouter', 'vercel', 'openai-compat', 'gateway'];

const text = fc.string({ maxLength: 12 });

const providerOptions: fc.Arbitrary<ProviderOptions> = fc.dictionary(
  fc.constantFrom(...providerKeys),
  fc.dictionary(fc.constantFrom(...optionNames), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  { maxKeys: 2 },
);

/** Adds `providerOptions` to some values. */
function withOptions<T extends object>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc
    .tuple(arbitrary, fc.option(providerOptions, { nil: undefined }))
    .map(([value, options]) => (options === undefined ? value : { ...value, providerOptions: options }));
}

const mediaType = fc.oneof(
  fc.constantFrom('image/png', 'image/jpeg', 'application/pdf', 'text/plain', 'audio/wav', 'audio/mpeg'),
  fc.constantFrom('video/mp4', 'application/octet-stream', 'IMAGE/PNG', ''),
  text,
);

const part: fc.Arbitrary<MessagePart> = fc.oneof(
  withOptions(fc.record({ type: fc.constant('text' as const), text })),
  withOptions(fc.record({ type: fc.constant('reasoning' as const), text })),
  withOptions(
    fc.record(
      {
        type: fc.constant('file' as const),
        data: fc.uint8Array({ maxLength: 24 }),
        mediaType,
        filename: text,
      },
      { requiredKeys: ['type', 'data', 'mediaType'] },
    ),
  ),
  withOptions(
    fc.record(
      {
        type: fc.constant('tool-call' as const),
        toolCallId: text,
        toolName: text,
        input: fc.oneof(fc.json({ maxDepth: 2 }), text),
        providerExecuted: fc.boolean(),
      },
      { requiredKeys: ['type', 'toolCallId', 'toolName', 'input'] },
    ),
  ),
  withOptions(
    fc.record(
      {
        type: fc.constant('tool-result' as const),
        toolCallId: text,
        toolName: text,
        output: fc.oneof(
          fc.record({ type: fc.constant('text' as const), text }),
          fc.record({ type: fc.constant('error' as const), error: text }),
          fc.record(
            {
              type: fc.constant('media' as const),
              data: fc.base64String({ maxLength: 16 }),
              mediaType,
              text,
            },
            { requiredKeys: ['type', 'data', 'mediaType'] },
          ),
        ),
        providerExecuted: fc.boolean(),
        clientMetadata: text,
      },
      { requiredKeys: ['type', 'toolCallId', 'output'] },
    ),
  ),
);

const message: fc.Arbitrary<Message> = withOptions(
  fc.record({
    role: fc.constantFrom<Role>('system', 'user', 'assistant', 'tool'),
    content: fc.array(part, { maxLength: 4 }),
  }),
);

/** A sound schema, or schema keywords with values of any JSON type (schemas come from users, loosely typed). */
const schema: fc.Arbitrary<JSONSchema> = fc.oneof(
  fc.constant<JSONSchema>({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }),
  fc.dictionary(
    fc.constantFrom('type', 'properties', 'items', 'required', 'anyOf', 'enum', '$ref', 'format'),
    fc.jsonValue({ maxDepth: 3 }),
    { maxKeys: 4 },
  ) as fc.Arbitrary<JSONSchema>,
);

const tool: fc.Arbitrary<Tool> = fc.oneof(
  withOptions(
    fc.record({ type: fc.constant('function' as const), name: text, description: text, inputSchema: schema }),
  ),
  fc.record({
    type: fc.constant('provider-defined' as const),
    id: fc.oneof(
      fc.constantFrom(
        'anthropic.computer',
        'anthropic.web_search',
        'openai.web_search',
        'google.google_search',
      ),
      text,
    ),
    name: text,
    args: fc.dictionary(text, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  }),
);

const toolChoice: fc.Arbitrary<ToolChoice> = fc.oneof(
  fc.constantFrom<ToolChoice>('auto', 'none', 'required'),
  fc.record({ type: fc.constant('tool' as const), toolName: text }),
);

const number = fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double({ noNaN: false }));

const call: fc.Arbitrary<CallOptions> = fc.record(
  {
    prompt: fc.array(message, { maxLength: 5 }),
    tools: fc.array(tool, { maxLength: 3 }),
    toolChoice,
    maxOutputTokens: number,
    temperature: number,
    topP: number,
    topK: number,
    presencePenalty: number,
    frequencyPenalty: number,
    providerOptions,
    responseFormat: fc.record(
      { type: fc.constant('json' as const), schema, name: text, description: text },
      { requiredKeys: ['type'] },
    ),
  },
  { requiredKeys: ['prompt'] },
);

/** A fetch that checks the body is JSON, then stops the call. */
async function stopAtFetch(_input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  JSON.parse(String(init?.body));
  throw new RequestBuilt('request built');
}

const key = 'test-key';
const models: Array<[string, LanguageModel]> = [
  ['openai chat', createOpenAI({ apiKey: key, fetch: stopAtFetch }).chat('gpt-4o')],
  ['openai chat (reasoning model)', createOpenAI({ apiKey: key, fetch: stopAtFetch }).chat('o3-mini')],
  ['openai responses', createOpenAI({ apiKey: key, fetch: stopAtFetch }).responses('gpt-5')],
  ['azure', createAzure({ resourceName: 'r', apiKey: key, fetch: stopAtFetch }).languageModel('gpt-4o')],
  [
    'openaicompat',
    createOpenAICompatible({ baseURL: 'https://x.test/v1', apiKey: key, fetch: stopAtFetch }).languageModel(
      'm',
    ),
  ],
  ['google', createGoogle({ apiKey: key, fetch: stopAtFetch }).languageModel('gemini-2.5-flash')],
  [
    'google vertex',
    createVertex({
      project: 'p',
      location: 'us-central1',
      accessToken: key,
      fetch: stopAtFetch,
    }).languageModel('gemini-2.5-pro'),
  ],
  ['anthropic', createAnthropic({ apiKey: key, fetch: stopAtFetch }).languageModel('claude-sonnet-4-5')],
  [
    'vertex anthropic',
    createVertexAnthropic({
      project: 'p',
      location: 'us-east5',
      accessToken: key,
      fetch: stopAtFetch,
    }).languageModel('claude-sonnet-4@20250514'),
  ],
  [
    'bedrock',
    createBedrock({ region: 'us-east-1', apiKey: key, fetch: stopAtFetch }).languageModel('anthropic.c'),
  ],
  [
    'openrouter',
    createOpenRouter({ apiKey: key, fetch: stopAtFetch }).languageModel('anthropic/claude-sonnet-4'),
  ],
  ['vercel', createVercelGateway({ apiKey: key, fetch: stopAtFetch }).languageModel('openai/gpt-5')],
];

describe('request conversion under arbitrary calls', () => {
  it.each(models)(
    '%s builds a JSON request or throws a FantasyError, never anything else',
    async (_name, model) => {
      await fc.assert(
        fc.asyncProperty(call, fc.boolean(), async (options, stream) => {
          const outcome = await (stream ? model.stream(options) : model.generate(options)).then(
            () => new Error('the fetch was not reached'),
            (error: unknown) => error,
          );
          if (!FantasyError.isInstance(outcome)) throw outcome;
        }),
        { seed: 20_260_127, numRuns: 400 },
      );
    },
  );
});

describe('request conversion: options of the wrong type', () => {
  const openai = createOpenAI({ apiKey: key, fetch: stopAtFetch });
  const google = createGoogle({ apiKey: key, fetch: stopAtFetch }).languageModel('gemini-2.5-flash');
  const cases: Array<[string, LanguageModel, ProviderOptions, string]> = [
    [
      'openai prediction null',
      openai.chat('gpt-4o'),
      { openai: { prediction: null } },
      'providerOptions.openai.prediction',
    ],
    [
      'responses metadata null',
      openai.responses('gpt-5'),
      { openai: { metadata: null } },
      'providerOptions.openai.metadata',
    ],
    [
      'responses include 5',
      openai.responses('gpt-5'),
      { openai: { include: 5 } },
      'providerOptions.openai.include',
    ],
    [
      'google safetySettings null',
      google,
      { google: { safetySettings: null } },
      'providerOptions.google.safetySettings',
    ],
    [
      'google safetySettings [null]',
      google,
      { google: { safetySettings: [null] } },
      'providerOptions.google.safetySettings[]',
    ],
    [
      'google thinkingConfig null',
      google,
      { google: { thinkingConfig: null } },
      'providerOptions.google.thinkingConfig',
    ],
    ['a BigInt in provider options', openai.chat('gpt-4o'), { openai: { metadata: { n: 10n } } }, 'request'],
  ];

  it.each(cases)(
    'rejects %s with an InvalidArgumentError naming the option',
    async (_name, model, options, argument) => {
      const error = await model
        .generate({ prompt: [userMessage('Hi')], providerOptions: options })
        .catch((caught) => caught);
      expect(InvalidArgumentError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ argument });
    },
  );

  it('drops a Gemini tool schema whose properties are null instead of throwing', async () => {
    const tools: Tool[] = [
      {
        type: 'function',
        name: 't',
        description: '',
        inputSchema: { type: 'object', properties: null } as unknown as JSONSchema,
      },
    ];
    const error = await google.generate({ prompt: [userMessage('Hi')], tools }).catch((caught) => caught);
    expect(error).toBeInstanceOf(RequestBuilt);
  });
});
