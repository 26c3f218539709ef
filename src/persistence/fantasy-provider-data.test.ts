import { describe, expect, it } from 'vitest';
import { InvalidConversationError } from '../errors/invalid-conversation-error.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { Message } from '../spec/message.js';
import { fromFantasyJSON, toFantasyJSON } from './fantasy-messages.js';
import { fantasyProviderDataTypes } from './fantasy-provider-data-types.js';
import { responseFromFantasyJSON, responseToFantasyJSON } from './fantasy-response.js';

/** A user message carrying `provider_options`, as Fantasy's json.Marshal writes it. */
function goMessage(providerOptions: string): string {
  return `[{"role":"user","content":[{"type":"text","data":{"text":"hi"}}],"provider_options":${providerOptions}}]`;
}

/** A response whose first content is a text with `provider_metadata`. */
function goResponse(providerMetadata: string): string {
  return `{"content":[{"type":"text","data":{"text":"","provider_metadata":${providerMetadata}}}],"finish_reason":"stop","usage":{"input_tokens":0,"output_tokens":0,"total_tokens":0,"reasoning_tokens":0,"cache_creation_tokens":0,"cache_read_tokens":0},"warnings":null,"provider_metadata":null}`;
}

function userOptions(text: string): Message['providerOptions'] {
  return fromFantasyJSON(text)[0]?.providerOptions;
}

function textMetadata(response: GenerateResult) {
  return response.content[0]?.providerMetadata;
}

// SCENARIOS.md §8: Fantasy's provider_registry_test.go, with the JSON its Go types write, literally.
describe('Fantasy provider data (SCENARIOS §8 fixtures)', () => {
  it('1. reads and writes openai.options (chat), Go nil fields included', () => {
    const text = goMessage(
      '{"openai":{"type":"openai.options","data":{"logit_bias":null,"log_probs":null,"top_log_probs":null,"parallel_tool_calls":null,"user":"tester","reasoning_effort":null,"max_completion_tokens":null,"text_verbosity":null,"prediction":null,"store":null,"metadata":null,"prompt_cache_key":null,"safety_identifier":null,"service_tier":null,"structured_outputs":null}}}',
    );
    const options = userOptions(text);
    expect(options).toEqual({ openai: { user: 'tester' } });
    expect(
      toFantasyJSON([{ role: 'user', content: [], providerOptions: { openai: { user: 'tester' } } }])[0]
        ?.provider_options,
    ).toEqual({
      openai: { type: 'openai.options', data: { user: 'tester' } },
    });
  });

  it('2. reads and writes openai.responses.options', () => {
    const text = goMessage(
      '{"openai":{"type":"openai.responses.options","data":{"include":null,"instructions":null,"logprobs":null,"max_tool_calls":null,"metadata":null,"parallel_tool_calls":true,"previous_response_id":null,"prompt_cache_key":"cache-key-1","reasoning_effort":null,"reasoning_summary":null,"safety_identifier":null,"service_tier":null,"store":null,"strict_json_schema":null,"text_verbosity":null,"user":null}}}',
    );
    const messages = fromFantasyJSON(text);
    expect(messages[0]?.providerOptions).toEqual({
      openai: { promptCacheKey: 'cache-key-1', parallelToolCalls: true },
    });
    expect(toFantasyJSON(messages)[0]?.provider_options).toEqual({
      openai: {
        type: 'openai.responses.options',
        data: { prompt_cache_key: 'cache-key-1', parallel_tool_calls: true },
      },
    });
  });

  it('3. reads and writes openai.responses.reasoning_metadata on response content', () => {
    const text = goResponse(
      '{"openai":{"type":"openai.responses.reasoning_metadata","data":{"item_id":"item-123","encrypted_content":null,"summary":["part1","part2"]}}}',
    );
    const response = responseFromFantasyJSON(text);
    expect(textMetadata(response)).toEqual({ openai: { itemId: 'item-123', summary: ['part1', 'part2'] } });
    const written = responseToFantasyJSON(response);
    expect(written.content).toEqual([
      {
        type: 'text',
        data: {
          text: '',
          provider_metadata: {
            openai: {
              type: 'openai.responses.reasoning_metadata',
              data: { item_id: 'item-123', summary: ['part1', 'part2'] },
            },
          },
        },
      },
    ]);
  });

  it('4. reads anthropic.options', () => {
    const text = goMessage(
      '{"anthropic":{"type":"anthropic.options","data":{"send_reasoning":true,"thinking":null,"effort":null,"disable_parallel_tool_use":null}}}',
    );
    expect(userOptions(text)).toEqual({ anthropic: { sendReasoning: true } });
  });

  it('5. reads google.options with a thinking level', () => {
    const text = goMessage(
      '{"google":{"type":"google.options","data":{"thinking_config":{"thinking_level":"HIGH"},"cached_content":"cached-123","safety_settings":null,"threshold":"BLOCK_ONLY_HIGH"}}}',
    );
    expect(userOptions(text)).toEqual({
      google: {
        thinkingConfig: { thinkingLevel: 'HIGH' },
        cachedContent: 'cached-123',
        threshold: 'BLOCK_ONLY_HIGH',
      },
    });
  });

  it('6. reads openrouter.options', () => {
    const text = goMessage(
      '{"openrouter":{"type":"openrouter.options","data":{"include_usage":true,"user":"test-user"}}}',
    );
    expect(userOptions(text)).toEqual({ openrouter: { includeUsage: true, user: 'test-user' } });
  });

  it('7. reads openai-compat.options', () => {
    const text = goMessage(
      '{"openai-compat":{"type":"openai-compat.options","data":{"user":"test-user","reasoning_effort":"high"}}}',
    );
    expect(userOptions(text)).toEqual({ 'openai-compat': { user: 'test-user', reasoningEffort: 'high' } });
  });

  it('8. reads several providers on one message', () => {
    const text = goMessage(
      '{"openai":{"type":"openai.options","data":{"user":"user1"}},"anthropic":{"type":"anthropic.options","data":{"send_reasoning":true}}}',
    );
    expect(userOptions(text)).toEqual({ openai: { user: 'user1' }, anthropic: { sendReasoning: true } });
  });

  it('9a. fails on an unknown type id with "unknown provider data type"', () => {
    const text = goMessage('{"unknown":{"type":"unknown.provider.type","data":{}}}');
    expect(() => fromFantasyJSON(text)).toThrow(InvalidConversationError);
    expect(() => fromFantasyJSON(text)).toThrow(
      'invalid fantasy-go conversation at [0].provider_options.unknown: unknown provider data type: unknown.provider.type',
    );
  });

  it('9b. fails on provider data that is not an object', () => {
    expect(() => fromFantasyJSON(goMessage('{"openai":"not-an-object"}'))).toThrow(
      'at [0].provider_options.openai: expected an object, found the string "not-an-object"',
    );
  });

  const optionTypes: Array<[string, string, string, Record<string, unknown>]> = [
    ['openai', 'openai.options', '{"user":"u","top_log_probs":2}', { user: 'u', topLogprobs: 2 }],
    ['openai', 'openai.file_options', '{"image_detail":"high"}', { imageDetail: 'high' }],
    [
      'openai',
      'openai.metadata',
      '{"logprobs":[{"token":"a","top_logprobs":[]}],"accepted_prediction_tokens":1,"rejected_prediction_tokens":0}',
      {
        logprobs: [{ token: 'a', top_logprobs: [] }],
        acceptedPredictionTokens: 1,
        rejectedPredictionTokens: 0,
      },
    ],
    [
      'openai',
      'openai.responses.options',
      '{"include":["reasoning.encrypted_content"],"reasoning_summary":"auto"}',
      { include: ['reasoning.encrypted_content'], reasoningSummary: 'auto' },
    ],
    [
      'anthropic',
      'anthropic.options',
      '{"thinking":{"budget_tokens":2048},"effort":"high"}',
      { thinking: { budgetTokens: 2048 }, effort: 'high' },
    ],
    [
      'google',
      'google.options',
      '{"thinking_config":{"thinking_budget":512,"include_thoughts":true}}',
      { thinkingConfig: { thinkingBudget: 512, includeThoughts: true } },
    ],
    [
      'openrouter',
      'openrouter.options',
      '{"provider":{"order":["a"],"allow_fallbacks":false},"log_probs":true}',
      { provider: { order: ['a'], allowFallbacks: false }, logprobs: true },
    ],
    ['openai-compat', 'openai-compat.options', '{"extra_body":{"top_k":5}}', { extraBody: { top_k: 5 } }],
  ];

  it.each(optionTypes)(
    '10. %s %s round-trips inside message provider options',
    (key, typeId, data, expected) => {
      const messages = fromFantasyJSON(goMessage(`{"${key}":{"type":"${typeId}","data":${data}}}`));
      expect(messages[0]?.providerOptions).toEqual({ [key]: expected });
      expect(toFantasyJSON(messages)[0]?.provider_options).toEqual({
        [key]: { type: typeId, data: JSON.parse(data) },
      });
    },
  );

  const metadataTypes: Array<[string, string, string, Record<string, unknown>]> = [
    [
      'openai',
      'openai.responses.reasoning_metadata',
      '{"item_id":"rs_1","encrypted_content":"enc","summary":[]}',
      { itemId: 'rs_1', encryptedContent: 'enc', summary: [] },
    ],
    [
      'openai',
      'openai.responses.web_search_call_metadata',
      '{"item_id":"ws_1","action":{"type":"search","query":"q","sources":[{"type":"url","url":"https://a.b"}]}}',
      {
        itemId: 'ws_1',
        action: { type: 'search', query: 'q', sources: [{ type: 'url', url: 'https://a.b' }] },
      },
    ],
    ['openai', 'openai.responses.metadata', '{"response_id":"resp_1"}', { responseId: 'resp_1' }],
    [
      'anthropic',
      'anthropic.reasoning_metadata',
      '{"signature":"sig","redacted_data":""}',
      { signature: 'sig', redactedData: '' },
    ],
    [
      'anthropic',
      'anthropic.web_search_result_metadata',
      '{"results":[{"url":"https://a.b","title":"T","encrypted_content":"e","page_age":"1d"}]}',
      { results: [{ url: 'https://a.b', title: 'T', encryptedContent: 'e', pageAge: '1d' }] },
    ],
    [
      'google',
      'google.reasoning_metadata',
      '{"signature":"c2ln","tool_id":"call_1"}',
      { thoughtSignature: 'c2ln', toolId: 'call_1' },
    ],
    [
      'openrouter',
      'openrouter.metadata',
      '{"provider":"OpenAI","usage":{"prompt_tokens":3,"cost_details":{"upstream_inference_cost":0.1}}}',
      { provider: 'OpenAI', usage: { promptTokens: 3, costDetails: { upstreamInferenceCost: 0.1 } } },
    ],
    ['vercel', 'vercel.metadata', '{"provider":"vertex"}', { provider: 'vertex' }],
  ];

  it.each(metadataTypes)(
    '10. %s %s round-trips inside response content metadata',
    (key, typeId, data, expected) => {
      const response = responseFromFantasyJSON(goResponse(`{"${key}":{"type":"${typeId}","data":${data}}}`));
      expect(textMetadata(response)).toEqual({ [key]: expected });
      const written = responseToFantasyJSON(response).content as Array<{
        data: { provider_metadata: unknown };
      }>;
      expect(written[0]?.data.provider_metadata).toEqual({ [key]: { type: typeId, data: JSON.parse(data) } });
    },
  );

  it('10. knows every type id Fantasy registers', () => {
    expect(fantasyProviderDataTypes.map((type) => type.typeId).sort()).toEqual(
      [
        'openai.options',
        'openai.file_options',
        'openai.metadata',
        'openai.responses.options',
        'openai.responses.metadata',
        'openai.responses.reasoning_metadata',
        'openai.responses.web_search_call_metadata',
        'anthropic.options',
        'anthropic.reasoning_metadata',
        'anthropic.cache_control_options',
        'anthropic.web_search_result_metadata',
        'google.options',
        'google.reasoning_metadata',
        'openrouter.options',
        'openrouter.metadata',
        'openai-compat.options',
        'openai-compat.content_extra_fields',
        'vercel.options',
        'vercel.metadata',
        'kronk.options',
        'kronk.metadata',
      ].sort(),
    );
  });
});
