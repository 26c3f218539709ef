import { describe, expect, it } from 'vitest';
import { everyContentResponse, everyMessage } from '../../test/support/conversation-fixtures.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { InvalidConversationError } from '../errors/invalid-conversation-error.js';
import type { Message } from '../spec/message.js';
import { fromFantasyJSON, toFantasyJSON } from './fantasy-messages.js';
import { responseFromFantasyJSON, responseToFantasyJSON } from './fantasy-response.js';

/** Through text, as a Go program would receive it. */
function roundTrip(messages: Message[]): Message[] {
  return fromFantasyJSON(JSON.stringify(toFantasyJSON(messages)));
}

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('toFantasyJSON and fromFantasyJSON', () => {
  it('round-trips every part type with every provider option and metadata', () => {
    const messages = everyMessage();
    expect(roundTrip(messages)).toEqual(messages);
  });

  it('writes Fantasy’s envelopes, snake_case fields, Go zero values and null message options', () => {
    const json = toFantasyJSON([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'hi' },
          { type: 'file', data: new Uint8Array([1, 2, 3]), mediaType: 'image/png' },
          { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: '{}' },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            output: { type: 'error', error: 'boom' },
            clientMetadata: '{}',
          },
        ],
      },
    ]);
    expect(json).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', data: { text: 'hi' } },
          { type: 'file', data: { filename: '', data: 'AQID', media_type: 'image/png' } },
          {
            type: 'tool-call',
            data: { tool_call_id: 'c1', tool_name: 'weather', input: '{}', provider_executed: false },
          },
        ],
        provider_options: null,
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            data: {
              tool_call_id: 'c1',
              output: { type: 'error', data: { error: 'boom' } },
              provider_executed: false,
              client_metadata: '{}',
            },
          },
        ],
        provider_options: null,
      },
    ]);
  });

  it('maps camelCase options to Fantasy type ids and snake_case data, keeping caller maps verbatim', () => {
    const [message] = toFantasyJSON([
      {
        role: 'user',
        content: [
          {
            type: 'text',
            text: 'a',
            providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
          },
          {
            type: 'reasoning',
            text: 'b',
            providerOptions: { anthropic: { signature: 's', redactedData: 'r' } },
          },
        ],
        providerOptions: {
          'openai-compat': {
            reasoningEffort: 'high',
            extraBody: { chatTemplateKwargs: { enableThinking: true } },
          },
          openai: { topLogprobs: 2, metadata: { traceId: 't' } },
        },
      },
    ]);
    expect(message).toMatchObject({
      content: [
        {
          data: {
            provider_options: {
              anthropic: {
                type: 'anthropic.cache_control_options',
                data: { cache_control: { type: 'ephemeral' } },
              },
            },
          },
        },
        {
          data: {
            provider_options: {
              anthropic: {
                type: 'anthropic.reasoning_metadata',
                data: { signature: 's', redacted_data: 'r' },
              },
            },
          },
        },
      ],
      provider_options: {
        'openai-compat': {
          type: 'openai-compat.options',
          data: { reasoning_effort: 'high', extra_body: { chatTemplateKwargs: { enableThinking: true } } },
        },
        openai: { type: 'openai.options', data: { top_log_probs: 2, metadata: { traceId: 't' } } },
      },
    });
  });

  it('tells OpenAI chat options from Responses options by their fields', () => {
    const [message] = toFantasyJSON([
      { role: 'user', content: [], providerOptions: { openai: { reasoningSummary: 'auto', user: 'u' } } },
    ]);
    expect(message?.provider_options).toEqual({
      openai: { type: 'openai.responses.options', data: { reasoning_summary: 'auto', user: 'u' } },
    });
  });

  it('writes data back as the type it was read as, where the fields alone cannot tell', () => {
    const goJSON = [
      {
        role: 'user',
        content: [],
        provider_options: {
          openai: {
            type: 'openai.responses.options',
            data: { prompt_cache_key: 'k', parallel_tool_calls: true },
          },
        },
      },
    ];
    const messages = fromFantasyJSON(goJSON);
    expect(messages[0]?.providerOptions).toEqual({
      openai: { promptCacheKey: 'k', parallelToolCalls: true },
    });
    expect(toFantasyJSON(messages)).toEqual(goJSON);
    // Built in memory, the same fields are chat options: the default OpenAI API.
    expect(
      toFantasyJSON([{ role: 'user', content: [], providerOptions: { openai: { promptCacheKey: 'k' } } }])[0],
    ).toMatchObject({
      provider_options: { openai: { type: 'openai.options' } },
    });
  });

  it('is stable: Go JSON read and written again is the same JSON', () => {
    const once = JSON.parse(JSON.stringify(toFantasyJSON(everyMessage())));
    expect(toFantasyJSON(fromFantasyJSON(once))).toEqual(once);
  });

  it('maps a custom provider key with providerKeys and refuses unknown keys without it', () => {
    const messages: Message[] = [
      { role: 'user', content: [], providerOptions: { xai: { reasoningEffort: 'low' } } },
    ];
    const error = catchError(() => toFantasyJSON(messages));
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('Fantasy (Go) has no types for provider key "xai"');
    const json = toFantasyJSON(messages, { providerKeys: { xai: 'openai-compat' } });
    expect(json[0]?.provider_options).toEqual({
      xai: { type: 'openai-compat.options', data: { reasoning_effort: 'low' } },
    });
    expect(fromFantasyJSON(json)).toEqual(messages);
  });

  it('refuses options that mix the fields of two Fantasy types under one key', () => {
    const error = catchError(() =>
      toFantasyJSON([
        {
          role: 'user',
          content: [],
          providerOptions: { anthropic: { sendReasoning: true, cacheControl: { type: 'ephemeral' } } },
        },
      ]),
    );
    expect((error as Error).message).toContain('mixes fields of anthropic.options with cacheControl');
  });

  it('reads Go nil fields (null) as absent and Go zero values of optional fields as absent', () => {
    const messages = fromFantasyJSON(
      '[{"role":"assistant","content":[{"type":"tool-call","data":{"tool_call_id":"c","tool_name":"t","input":"{}","provider_executed":false,"provider_options":{}}},{"type":"file","data":{"filename":"","data":null,"media_type":"text/plain"}}],"provider_options":{"openai":{"type":"openai.options","data":{"logit_bias":null,"log_probs":null,"user":"tester","metadata":null}}}}]',
    );
    expect(messages).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'c', toolName: 't', input: '{}' },
          { type: 'file', data: new Uint8Array(), mediaType: 'text/plain' },
        ],
        providerOptions: { openai: { user: 'tester' } },
      },
    ]);
  });

  it.each([
    [
      'an unknown part type',
      '[{"role":"user","content":[{"type":"video","data":{}}]}]',
      '[0].content[0]',
      'unknown message part type: video',
    ],
    [
      'an unknown tool output type',
      '[{"role":"tool","content":[{"type":"tool-result","data":{"tool_call_id":"c","output":{"type":"video","data":{}}}}]}]',
      '[0].content[0].data.output',
      'unknown tool result output content type: video',
    ],
    [
      'a missing tool output',
      '[{"role":"tool","content":[{"type":"tool-result","data":{"tool_call_id":"c"}}]}]',
      '[0].content[0].data.output',
      'is missing',
    ],
    [
      'bad base64 file data',
      '[{"role":"user","content":[{"type":"file","data":{"data":"***","media_type":"a/b"}}]}]',
      '[0].content[0].data.data',
      'expected base64',
    ],
    ['a message that is not an object', '["hi"]', '[0]', 'expected an object'],
    ['not JSON', '[{', '', 'not JSON'],
  ])('rejects %s with an InvalidConversationError', (_name, text, path, message) => {
    const error = catchError(() => fromFantasyJSON(text));
    expect(InvalidConversationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ path, format: 'fantasy-go' });
    expect((error as Error).message).toContain(message);
  });
});

describe('responseToFantasyJSON and responseFromFantasyJSON', () => {
  it('round-trips every content type, warnings with tools, metadata and response info', () => {
    const response = everyContentResponse(new Error('missing required parameter: location'));
    expect(responseFromFantasyJSON(JSON.stringify(responseToFantasyJSON(response)))).toEqual(response);
  });

  it('writes the validation error as its message, every warning field, and snake_case usage', () => {
    const json = responseToFantasyJSON(everyContentResponse(new Error('bad input')));
    expect(json.usage).toEqual({
      input_tokens: 12,
      output_tokens: 34,
      total_tokens: 446,
      reasoning_tokens: 5,
      cache_creation_tokens: 7,
      cache_read_tokens: 400,
    });
    expect(json.warnings).toContainEqual({
      type: 'other',
      setting: '',
      tool: null,
      details: '',
      message: 'something else',
    });
    expect(json.content).toContainEqual({
      type: 'tool-call',
      data: {
        tool_call_id: 'call_2',
        tool_name: 'weather',
        input: '{"loc":1}',
        provider_executed: false,
        invalid: true,
        validation_error: 'bad input',
      },
    });
  });

  it('rejects an unknown content type the way Fantasy words it', () => {
    expect(() => responseFromFantasyJSON('{"content":[{"type":"image","data":{}}]}')).toThrow(
      'unknown content type: image',
    );
  });

  it('rejects an unknown tool type in a warning', () => {
    expect(() =>
      responseFromFantasyJSON(
        '{"content":[],"warnings":[{"type":"unsupported-tool","tool":{"type":"mcp","data":{}}}]}',
      ),
    ).toThrow('unknown tool type: mcp');
  });
});
