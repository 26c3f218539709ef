import { describe, expect, it } from 'vitest';
import { answeringFetch, jsonBody } from '../../../test/support/provider-wire.js';
import { IncompleteStreamError } from '../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../errors/invalid-response-error.js';
import { userMessage } from '../../spec/message.js';
import type { StreamPart } from '../../spec/stream-part.js';
import {
  createAnthropicStreamState,
  finishAnthropicStream,
  reduceAnthropicEvent,
} from './anthropic-stream.js';
import { createAnthropic } from './index.js';

function reduce(events: unknown[]): StreamPart[] {
  const state = createAnthropicStreamState('https://api.anthropic.com/v1/messages');
  const parts: StreamPart[] = [];
  for (const event of events) reduceAnthropicEvent(state, JSON.stringify(event), parts);
  finishAnthropicStream(state, parts);
  return parts;
}

function lastError(parts: StreamPart[]): unknown {
  const last = parts.at(-1);
  expect(last?.type).toBe('error');
  return (last as { error: unknown }).error;
}

// Events as Anthropic's streaming reference documents them: message_start, content blocks, a message_delta
// carrying the stop reason and final usage, then message_stop.
const start = {
  type: 'message_start',
  message: { id: 'msg_1', usage: { input_tokens: 5, output_tokens: 1 } },
};
const textBlock = [
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
  { type: 'content_block_stop', index: 0 },
];

describe('Anthropic stream framing', () => {
  it('ends a stream with message_stop but no stop reason with a retryable IncompleteStreamError, not a finish', () => {
    const parts = reduce([start, ...textBlock, { type: 'message_stop' }]);
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'error']);
    const error = lastError(parts);
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect((error as IncompleteStreamError).isRetryable).toBe(true);
  });

  it('ends a stream with a second message_start inside an open message with an InvalidResponseError', () => {
    const parts = reduce([start, ...textBlock, start, { type: 'message_stop' }]);
    const error = lastError(parts);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).message).toContain('a second message_start');
    expect((error as InvalidResponseError).isRetryable).toBe(false);
  });

  it('reads the thinking share of the output from output_tokens_details.thinking_tokens', () => {
    const parts = reduce([
      start,
      ...textBlock,
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        usage: { output_tokens: 120, output_tokens_details: { thinking_tokens: 100 } },
      },
      { type: 'message_stop' },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      usage: { inputTokens: 5, outputTokens: 120, reasoningTokens: 100, totalTokens: 125 },
    });
  });
});

describe('malformed Anthropic wire data is an InvalidResponseError', () => {
  it.each([
    [
      'a numeric tool name',
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 't', name: 7, input: {} },
      },
      'content_block.name is a number, expected a string',
    ],
    [
      'text that is an object',
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: {} } },
      'delta.text is an object, expected a string',
    ],
    [
      'non-numeric usage',
      { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 'many' } },
      'usage.output_tokens is a string',
    ],
    ['usage that is a string', { type: 'message_delta', usage: 'lots' }, 'usage is a string'],
  ])('ends the stream on %s, holding the event', (_name, event, message) => {
    const parts = reduce([start, textBlock[0], event, { type: 'message_stop' }]);
    const error = lastError(parts);
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect((error as InvalidResponseError).message).toContain(message);
    expect((error as InvalidResponseError).data).toBe(JSON.stringify(event));
    for (const part of parts) if (part.type === 'text-delta') expect(typeof part.delta).toBe('string');
  });

  it('rejects a generated response whose content is not an array', async () => {
    const model = createAnthropic({
      apiKey: 'k',
      fetch: answeringFetch(() =>
        jsonBody({ content: { type: 'text', text: 'x' }, stop_reason: 'end_turn' }),
      ),
    }).languageModel('claude-sonnet-4-5');
    const rejection = await model.generate({ prompt: [userMessage('hi')] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(InvalidResponseError.isInstance(rejection)).toBe(true);
    expect(String(rejection)).toContain('content is an object, expected an array');
  });
});
