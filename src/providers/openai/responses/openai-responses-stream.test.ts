import { describe, expect, it } from 'vitest';
import { APICallError } from '../../../errors/api-call-error.js';
import { IncompleteStreamError } from '../../../errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../../errors/invalid-response-error.js';
import { userMessage } from '../../../spec/message.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import { createOpenAI } from '../index.js';

/** Responses SSE text: `event: <type>` then the JSON data, as OpenAI sends it. */
function sseText(events: Array<Record<string, unknown> | string>): string {
  return events
    .map((event) =>
      typeof event === 'string'
        ? `event: x\ndata: ${event}\n\n`
        : `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
    )
    .join('');
}

function streamOf(text: string, chunkSize = Number.POSITIVE_INFINITY): Response {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += chunkSize) {
        controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
}

async function streamParts(text: string, options: { modelId?: string; chunkSize?: number } = {}) {
  const fetch = async () => streamOf(text, options.chunkSize);
  const model = createOpenAI({ apiKey: 'k', fetch }).responses(options.modelId ?? 'gpt-5');
  const parts: StreamPart[] = [];
  for await (const part of await model.stream({ prompt: [userMessage('hi')], maxRetries: 0 }))
    parts.push(part);
  return parts;
}

const usage = {
  input_tokens: 100,
  input_tokens_details: { cached_tokens: 40 },
  output_tokens: 50,
  output_tokens_details: { reasoning_tokens: 30 },
  total_tokens: 150,
};

const reasoningAdded = {
  type: 'response.output_item.added',
  output_index: 0,
  item: { id: 'rs_1', type: 'reasoning', summary: [], encrypted_content: 'enc-early' },
};
const reasoningDone = {
  type: 'response.output_item.done',
  output_index: 0,
  item: {
    id: 'rs_1',
    type: 'reasoning',
    encrypted_content: 'enc-final',
    summary: [
      { type: 'summary_text', text: 'Plan' },
      { type: 'summary_text', text: 'Act' },
    ],
  },
};

/** Reasoning with two summary parts, a function call, then `response.completed`. */
const toolTurn = [
  { type: 'response.created', response: { id: 'resp_1' } },
  reasoningAdded,
  { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', summary_index: 0 },
  { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 0, delta: 'Pl' },
  { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 0, delta: 'an' },
  { type: 'response.reasoning_summary_part.added', item_id: 'rs_1', summary_index: 1 },
  { type: 'response.reasoning_summary_text.delta', item_id: 'rs_1', summary_index: 1, delta: 'Act' },
  reasoningDone,
  {
    type: 'response.output_item.added',
    output_index: 1,
    item: { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'weather', arguments: '' },
  },
  { type: 'response.function_call_arguments.delta', output_index: 1, item_id: 'fc_1', delta: '{"location":' },
  { type: 'response.function_call_arguments.delta', output_index: 1, item_id: 'fc_1', delta: '"Roma ☀"}' },
  {
    type: 'response.output_item.done',
    output_index: 1,
    item: {
      id: 'fc_1',
      type: 'function_call',
      call_id: 'call_1',
      name: 'weather',
      arguments: '{"location":"Roma ☀"}',
    },
  },
  { type: 'response.completed', response: { id: 'resp_1', status: 'completed', usage } },
];

describe('OpenAI Responses streaming', () => {
  it('streams reasoning summaries, a function call and finish in block order', async () => {
    const parts = await streamParts(sseText(toolTurn));
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
    const reasoning = parts
      .filter((part) => part.type === 'reasoning-delta')
      .map((part) => part.delta)
      .join('');
    expect(reasoning).toBe('Plan\nAct');
    expect(parts.find((part) => part.type === 'tool-call')).toEqual({
      type: 'tool-call',
      toolCallId: 'call_1',
      toolName: 'weather',
      input: '{"location":"Roma ☀"}',
    });
  });

  it('keeps the item id, the final encrypted content and the summaries in providerMetadata.openai of reasoning-end', async () => {
    const parts = await streamParts(sseText(toolTurn));
    expect(parts[0]).toEqual({
      type: 'reasoning-start',
      id: 'rs_1',
      providerMetadata: { openai: { itemId: 'rs_1', encryptedContent: 'enc-early', summary: [] } },
    });
    expect(parts.find((part) => part.type === 'reasoning-end')).toEqual({
      type: 'reasoning-end',
      id: 'rs_1',
      providerMetadata: {
        openai: { itemId: 'rs_1', encryptedContent: 'enc-final', summary: ['Plan', 'Act'] },
      },
    });
  });

  it('finishes with tool-calls, usage net of cached tokens and the response id', async () => {
    const parts = await streamParts(sseText(toolTurn));
    expect(parts.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'tool-calls',
      usage: {
        inputTokens: 60,
        outputTokens: 50,
        totalTokens: 150,
        reasoningTokens: 30,
        cacheCreationTokens: 0,
        cacheReadTokens: 40,
      },
      providerMetadata: { openai: { responseId: 'resp_1' } },
    });
  });

  it('yields the same parts however the bytes are split, multibyte characters included', async () => {
    const text = sseText(toolTurn);
    const whole = JSON.stringify(await streamParts(text));
    const length = new TextEncoder().encode(text).length;
    for (let chunkSize = 1; chunkSize <= length; chunkSize += chunkSize < 64 ? 1 : 97) {
      expect(JSON.stringify(await streamParts(text, { chunkSize }))).toBe(whole);
    }
  });

  it('turns web search calls into provider-executed tool-call and tool-result parts and citations into sources', async () => {
    const action = { type: 'search', query: 'tokyo population' };
    const parts = await streamParts(
      sseText([
        {
          type: 'response.output_item.added',
          output_index: 0,
          item: { id: 'ws_1', type: 'web_search_call' },
        },
        { type: 'response.web_search_call.searching', item_id: 'ws_1', output_index: 0 },
        {
          type: 'response.output_item.done',
          output_index: 0,
          item: { id: 'ws_1', type: 'web_search_call', action },
        },
        { type: 'response.output_item.added', output_index: 1, item: { id: 'msg_1', type: 'message' } },
        { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'About 14M.' },
        {
          type: 'response.output_text.annotation.added',
          item_id: 'msg_1',
          annotation: { type: 'url_citation', url: 'https://example.test/tokyo', title: 'Tokyo' },
        },
        { type: 'response.output_item.done', output_index: 1, item: { id: 'msg_1', type: 'message' } },
        { type: 'response.completed', response: { id: 'resp_2', usage } },
      ]),
      { modelId: 'gpt-4.1' },
    );
    expect(parts.map((part) => part.type)).toEqual([
      'tool-input-start',
      'tool-input-end',
      'tool-call',
      'tool-result',
      'text-start',
      'text-delta',
      'source',
      'text-end',
      'finish',
    ]);
    expect(parts[0]).toEqual({
      type: 'tool-input-start',
      id: 'ws_1',
      toolName: 'web_search',
      providerExecuted: true,
    });
    expect(parts[2]).toMatchObject({
      toolCallId: 'ws_1',
      providerExecuted: true,
      input: JSON.stringify(action),
    });
    expect(parts[3]).toEqual({
      type: 'tool-result',
      toolCallId: 'ws_1',
      toolName: 'web_search',
      providerExecuted: true,
      providerMetadata: { openai: { itemId: 'ws_1', action } },
    });
    expect(parts[6]).toMatchObject({ sourceType: 'url', url: 'https://example.test/tokyo', title: 'Tokyo' });
    expect(parts.at(-1)).toMatchObject({ finishReason: 'stop' });
  });

  it('finishes response.incomplete with the reason it gives (length), not unknown', async () => {
    const parts = await streamParts(
      sseText([
        { type: 'response.output_item.added', output_index: 0, item: { id: 'msg_1', type: 'message' } },
        { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Once upon' },
        {
          type: 'response.incomplete',
          response: { id: 'resp_3', incomplete_details: { reason: 'max_output_tokens' }, usage },
        },
      ]),
    );
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'finish']);
    expect(parts.at(-1)).toMatchObject({ finishReason: 'length' });
  });

  it('ends response.failed with a typed error part carrying the message and code, retryable for server errors', async () => {
    const parts = await streamParts(
      sseText([
        { type: 'response.created', response: { id: 'resp_4' } },
        {
          type: 'response.failed',
          response: {
            id: 'resp_4',
            status: 'failed',
            error: { code: 'server_error', message: 'The model crashed' },
          },
        },
        { type: 'response.completed', response: { id: 'resp_4' } },
      ]),
    );
    expect(parts.map((part) => part.type)).toEqual(['error']);
    const error = (parts[0] as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.title).toBe('response failed');
    expect(error.errorType).toBe('server_error');
    expect(error.providerMessage).toBe('The model crashed (code: server_error)');
    expect(error.isRetryable).toBe(true);
  });

  it('ends an error event with a typed error part that is not retryable for request errors', async () => {
    const parts = await streamParts(
      sseText([
        { type: 'error', code: 'invalid_prompt', message: 'Bad prompt', param: null, sequence_number: 1 },
      ]),
    );
    const error = (parts.at(-1) as { error: APICallError }).error;
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.title).toBe('response error');
    expect(error.providerMessage).toBe('Bad prompt (code: invalid_prompt)');
    expect(error.isRetryable).toBe(false);
  });

  it('ends a stream that stops before response.completed with a retryable incomplete-stream error', async () => {
    const parts = await streamParts(sseText(toolTurn.slice(0, 10)));
    const error = (parts.at(-1) as { type: string; error: unknown }).error;
    expect(parts.at(-1)?.type).toBe('error');
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect((error as IncompleteStreamError).isRetryable).toBe(true);
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });

  it('keeps the offending text when a stream event is not JSON', async () => {
    const parts = await streamParts(sseText(['{"type":']));
    const error = (parts.at(-1) as { error: InvalidResponseError }).error;
    expect(InvalidResponseError.isInstance(error)).toBe(true);
    expect(error.data).toBe('{"type":');
  });

  it('closes blocks still open when response.completed arrives', async () => {
    const parts = await streamParts(
      sseText([
        reasoningAdded,
        { type: 'response.output_item.added', output_index: 1, item: { id: 'msg_1', type: 'message' } },
        { type: 'response.output_text.delta', item_id: 'msg_1', delta: 'Hi' },
        { type: 'response.completed', response: { id: 'resp_5', usage } },
      ]),
    );
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'text-start',
      'text-delta',
      'text-end',
      'reasoning-end',
      'finish',
    ]);
  });
});
