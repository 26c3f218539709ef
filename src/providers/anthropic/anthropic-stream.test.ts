import { describe, expect, it } from 'vitest';
import { APICallError } from '../../errors/api-call-error.js';
import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import type { StreamPart } from '../../spec/stream-part.js';
import {
  createAnthropicStreamState,
  finishAnthropicStream,
  reduceAnthropicEvent,
} from './anthropic-stream.js';

function reduce(events: unknown[], options: { finish?: boolean } = {}): StreamPart[] {
  const state = createAnthropicStreamState('https://api.anthropic.com/v1/messages');
  const parts: StreamPart[] = [];
  for (const event of events) reduceAnthropicEvent(state, JSON.stringify(event), parts);
  if (options.finish !== false) finishAnthropicStream(state, parts);
  return parts;
}

const start = {
  type: 'message_start',
  message: { id: 'msg_1', usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 4 } },
};
const stop = [
  { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 20 } },
  { type: 'message_stop' },
];

describe('the Anthropic stream reducer', () => {
  it('streams text blocks keyed by their index and finishes with usage from message_delta', () => {
    const parts = reduce([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'ping' },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Olá' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 7 } },
      { type: 'message_stop' },
    ]);
    expect(parts).toEqual([
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: 'Olá' },
      { type: 'text-end', id: '0' },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: {
          inputTokens: 10,
          outputTokens: 7,
          totalTokens: 17,
          reasoningTokens: 0,
          cacheCreationTokens: 0,
          cacheReadTokens: 4,
        },
      },
    ]);
  });

  it('keeps the thinking signature in provider metadata on the delta and on reasoning-end', () => {
    const parts = reduce([
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'thinking', thinking: '', signature: '' },
      },
      { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Let me think' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2ln' } },
      { type: 'content_block_stop', index: 0 },
      ...stop,
    ]);
    expect(parts.slice(0, 4)).toEqual([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-delta', id: '0', delta: 'Let me think' },
      { type: 'reasoning-delta', id: '0', delta: '', providerMetadata: { anthropic: { signature: 'c2ln' } } },
      { type: 'reasoning-end', id: '0', providerMetadata: { anthropic: { signature: 'c2ln' } } },
    ]);
  });

  it('reports redacted thinking as reasoning whose metadata carries the redacted data', () => {
    const parts = reduce([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'ZW5j' } },
      { type: 'content_block_stop', index: 0 },
      ...stop,
    ]);
    expect(parts.slice(0, 2)).toEqual([
      { type: 'reasoning-start', id: '0', providerMetadata: { anthropic: { redactedData: 'ZW5j' } } },
      { type: 'reasoning-end', id: '0', providerMetadata: { anthropic: { redactedData: 'ZW5j' } } },
    ]);
  });

  it('emits tool-input-end before tool-call with the streamed input joined', () => {
    const parts = reduce([
      start,
      {
        type: 'content_block_start',
        index: 1,
        content_block: { type: 'tool_use', id: 'toolu_1', name: 'weather', input: {} },
      },
      { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '' } },
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: '{"location":' },
      },
      {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'input_json_delta', partial_json: ' "Florence"}' },
      },
      { type: 'content_block_stop', index: 1 },
      ...stop,
    ]);
    expect(parts).toEqual([
      { type: 'tool-input-start', id: 'toolu_1', toolName: 'weather' },
      { type: 'tool-input-delta', id: 'toolu_1', delta: '{"location":' },
      { type: 'tool-input-delta', id: 'toolu_1', delta: ' "Florence"}' },
      { type: 'tool-input-end', id: 'toolu_1' },
      { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'weather', input: '{"location": "Florence"}' },
      expect.objectContaining({ type: 'finish', finishReason: 'tool-calls' }),
    ]);
  });

  it('uses the starting input ({}) when a tool block streams no input', () => {
    const parts = reduce([
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't', name: 'now', input: {} },
      },
      { type: 'content_block_stop', index: 0 },
      ...stop,
    ]);
    expect(parts[2]).toEqual({ type: 'tool-call', toolCallId: 't', toolName: 'now', input: '{}' });
  });

  it('turns a web search into a provider-executed call, sources and a result that keeps encrypted content', () => {
    const parts = reduce([
      start,
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"query":"x"}' },
      },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'content_block_start',
        index: 1,
        content_block: {
          type: 'web_search_tool_result',
          tool_use_id: 'srv_1',
          content: [
            {
              type: 'web_search_result',
              url: 'https://a.example',
              title: 'A',
              encrypted_content: 'e1',
              page_age: '1 day ago',
            },
            {
              type: 'web_search_result',
              url: 'https://b.example',
              title: 'B',
              encrypted_content: 'e2',
              page_age: null,
            },
          ],
        },
      },
      { type: 'content_block_stop', index: 1 },
      ...stop,
    ]);
    expect(parts.slice(0, 7)).toEqual([
      { type: 'tool-input-start', id: 'srv_1', toolName: 'web_search', providerExecuted: true },
      { type: 'tool-input-delta', id: 'srv_1', delta: '{"query":"x"}' },
      { type: 'tool-input-end', id: 'srv_1' },
      {
        type: 'tool-call',
        toolCallId: 'srv_1',
        toolName: 'web_search',
        input: '{"query":"x"}',
        providerExecuted: true,
      },
      { type: 'source', sourceType: 'url', id: 'https://a.example', url: 'https://a.example', title: 'A' },
      { type: 'source', sourceType: 'url', id: 'https://b.example', url: 'https://b.example', title: 'B' },
      {
        type: 'tool-result',
        toolCallId: 'srv_1',
        toolName: 'web_search',
        providerExecuted: true,
        providerMetadata: {
          anthropic: {
            results: [
              { url: 'https://a.example', title: 'A', encryptedContent: 'e1', pageAge: '1 day ago' },
              { url: 'https://b.example', title: 'B', encryptedContent: 'e2' },
            ],
          },
        },
      },
    ]);
  });

  it('ends with a retryable APICallError on an overloaded_error event', () => {
    const parts = reduce([
      start,
      { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
    ]);
    expect(parts).toHaveLength(1);
    const error = (parts[0] as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.isRetryable).toBe(true);
    expect(error.title).toBe('provider overloaded');
    expect(error.errorType).toBe('overloaded_error');
    expect(error.message).toContain('Overloaded');
  });

  it('marks an invalid_request_error event as not retryable', () => {
    const parts = reduce([{ type: 'error', error: { type: 'invalid_request_error', message: 'bad' } }]);
    const error = (parts[0] as { error: APICallError }).error;
    expect(error.isRetryable).toBe(false);
    expect(error.title).toBe('invalid request error');
  });

  it('ends a stream cut before message_stop with an IncompleteStreamError', () => {
    const parts = reduce([
      start,
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Oi' } },
    ]);
    const last = parts.at(-1) as { type: string; error: unknown };
    expect(last.type).toBe('error');
    expect(IncompleteStreamError.isInstance(last.error)).toBe(true);
    expect((last.error as IncompleteStreamError).isRetryable).toBe(true);
  });

  it('ignores everything after the terminal part', () => {
    const parts = reduce([
      start,
      { type: 'message_delta', delta: { stop_reason: 'end_turn' } },
      { type: 'message_stop' },
      { type: 'content_block_start', index: 0, content_block: { type: 'text' } },
    ]);
    expect(parts.map((part) => part.type)).toEqual(['finish']);
  });

  it('ends with an error part when an event is not JSON', () => {
    const state = createAnthropicStreamState('u');
    const parts: StreamPart[] = [];
    reduceAnthropicEvent(state, '{"type":', parts);
    expect(parts).toEqual([
      { type: 'error', error: expect.objectContaining({ name: 'InvalidResponseError' }) },
    ]);
  });
});
