import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { createOpenAI, xaiTools } from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { message, responsesBody, responsesStream } from './fixtures/openai-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];

function server(baseURL: string, ...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  return { model: createOpenAI({ apiKey: 'test-key', baseURL, fetch }).responses('grok-4'), requests };
}

/** xAI reports its own searches as custom tool calls (names the request did not declare) and web search calls. */
const xSearchCall = {
  id: 'ctc_x1',
  type: 'custom_tool_call',
  call_id: 'xs_call_1',
  name: 'x_keyword_search',
  input: '{"query":"grok 5","limit":10}',
  status: 'completed',
};
const webSearchCall = {
  id: 'ws_1',
  type: 'web_search_call',
  status: 'completed',
  action: { type: 'search', query: 'grok 5' },
};
const citation = {
  type: 'url_citation',
  url: 'https://x.com/xai/status/1',
  title: 'xAI on X',
  start_index: 0,
  end_index: 4,
};

describe('xAI search through createOpenAI({ baseURL }) Responses', () => {
  it('sends X search and web search with their options', async () => {
    const { model, requests } = server('https://api.x.ai/v1', () =>
      Response.json(responsesBody([message('m', 'ok')])),
    );
    const result = await model.generate({
      prompt,
      tools: [
        xaiTools.xSearch({
          allowedXHandles: ['xai'],
          fromDate: '2025-10-01',
          enableImageUnderstanding: true,
        }),
        xaiTools.webSearch({ excludedDomains: ['example.com'] }),
      ],
    });
    expect(result.warnings).toEqual([]);
    expect(requests[0]!.url).toBe('https://api.x.ai/v1/responses');
    expect(requests[0]!.body.tools).toEqual([
      {
        type: 'x_search',
        allowed_x_handles: ['xai'],
        from_date: '2025-10-01',
        enable_image_understanding: true,
      },
      { type: 'web_search', filters: { excluded_domains: ['example.com'] } },
    ]);
  });

  const expected = [
    {
      type: 'tool-call',
      toolCallId: 'xs_call_1',
      toolName: 'x_keyword_search',
      input: JSON.stringify({ input: xSearchCall.input }),
      providerExecuted: true,
      providerMetadata: { openai: { itemId: 'ctc_x1' } },
    },
    {
      type: 'tool-result',
      toolCallId: 'xs_call_1',
      toolName: 'x_keyword_search',
      providerExecuted: true,
      providerMetadata: { openai: { itemId: 'ctc_x1' } },
    },
    expect.objectContaining({
      type: 'tool-call',
      toolCallId: 'ws_1',
      toolName: 'web_search',
      providerExecuted: true,
    }),
    expect.objectContaining({ type: 'tool-result', toolCallId: 'ws_1', providerExecuted: true }),
    { type: 'text', text: 'Grok 5 ships.' },
    expect.objectContaining({
      type: 'source',
      sourceType: 'url',
      url: 'https://x.com/xai/status/1',
      title: 'xAI on X',
    }),
  ];
  const output = [xSearchCall, webSearchCall, message('msg_1', 'Grok 5 ships.', [citation])];

  it('reports the server-side searches as provider-executed calls, citations as sources, and finishes with stop', async () => {
    const { model } = server('https://api.x.ai/v1', () => Response.json(responsesBody(output)));
    const result = await model.generate({ prompt, tools: [xaiTools.xSearch()] });
    expect(result.content).toEqual(expected);
    expect(result.finishReason).toBe('stop');
  });

  it('streams the same, the search input block marked provider-executed', async () => {
    const stream = responsesStream(output);
    // xAI streams citations as annotation events on the text.
    stream.splice(-2, 0, {
      type: 'response.output_text.annotation.added',
      item_id: 'msg_1',
      output_index: 2,
      annotation: citation,
    });
    const { model } = server('https://api.x.ai/v1', () => sseResponse(stream));
    const parts = await collect(await model.stream({ prompt, tools: [xaiTools.xSearch()] }));
    expect(parts[0]).toEqual({
      type: 'tool-input-start',
      id: 'xs_call_1',
      toolName: 'x_keyword_search',
      providerExecuted: true,
    });
    expect(parts.filter((part) => part.type === 'source')).toHaveLength(1);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('never sends the server-side searches back without results', async () => {
    const weather = tool({
      name: 'get_weather',
      description: 'Weather',
      inputSchema: jsonSchema<{ city: string }>({
        type: 'object',
        properties: { city: { type: 'string' } },
        required: ['city'],
      }),
      execute: ({ city }) => `Sunny in ${city}`,
    });
    const call = {
      id: 'fc_1',
      type: 'function_call',
      call_id: 'call_1',
      name: 'get_weather',
      arguments: '{"city":"Rome"}',
    };
    const { model, requests } = server(
      'https://api.x.ai/v1',
      () => Response.json(responsesBody([xSearchCall, webSearchCall, call])),
      () => Response.json(responsesBody([message('m', 'Done.')])),
    );
    await createAgent(model, { tools: [weather], providerTools: [xaiTools.xSearch()] }).generate({
      prompt: 'Go',
    });
    expect((requests[1]!.body.input as unknown[]).slice(1)).toEqual([
      { type: 'function_call', call_id: 'call_1', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'Sunny in Rome' },
    ]);
  });
});

describe('open-weight Responses servers (vLLM, LM Studio)', () => {
  it('streams reasoning_text events as reasoning, with or without an output_item.added for the item', async () => {
    const events = [
      { type: 'response.created', response: { id: 'resp_v', output: [] } },
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { id: 'rs_1', type: 'reasoning', summary: [], content: [] },
      },
      { type: 'response.reasoning_text.delta', item_id: 'rs_1', output_index: 0, delta: 'Think ' },
      { type: 'response.reasoning_text.delta', item_id: 'rs_1', output_index: 0, delta: 'hard.' },
      {
        type: 'response.output_item.done',
        output_index: 0,
        item: {
          id: 'rs_1',
          type: 'reasoning',
          summary: [],
          content: [{ type: 'reasoning_text', text: 'Think hard.' }],
        },
      },
      { type: 'response.reasoning_text.delta', item_id: 'rs_2', output_index: 1, delta: 'Unannounced.' },
      { type: 'response.completed', response: responsesBody([]) },
    ];
    const { model } = server('http://127.0.0.1:8000/v1', () => sseResponse(events));
    const parts = await collect(await model.stream({ prompt }));
    expect(
      parts
        .filter((part) => part.type.startsWith('reasoning'))
        .map((part) => [part.type, 'delta' in part ? part.delta : (part as { id: string }).id]),
    ).toEqual([
      ['reasoning-start', 'rs_1'],
      ['reasoning-delta', 'Think '],
      ['reasoning-delta', 'hard.'],
      ['reasoning-end', 'rs_1'],
      ['reasoning-start', 'rs_2'],
      ['reasoning-delta', 'Unannounced.'],
      ['reasoning-end', 'rs_2'],
    ]);
  });

  it('reads reasoning_text content of a non-streamed reasoning item', async () => {
    const item = {
      id: 'rs_1',
      type: 'reasoning',
      summary: [],
      content: [{ type: 'reasoning_text', text: 'Think hard.' }],
    };
    const { model } = server('http://127.0.0.1:1234/v1', () =>
      Response.json(responsesBody([item, message('m', 'Hi')])),
    );
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([
      {
        type: 'reasoning',
        text: 'Think hard.',
        providerMetadata: { openai: { itemId: 'rs_1', summary: [] } },
      },
      { type: 'text', text: 'Hi' },
    ]);
  });

  it('gives one text block when a gateway changes the item id between events', async () => {
    const events = [
      { type: 'response.created', response: { id: 'resp_g', output: [] } },
      {
        type: 'response.output_item.added',
        output_index: 0,
        item: { id: 'msg_a', type: 'message', content: [] },
      },
      { type: 'response.output_text.delta', item_id: 'msg_b', output_index: 0, delta: 'Hel' },
      { type: 'response.output_text.delta', item_id: 'msg_c', output_index: 0, delta: 'lo' },
      { type: 'response.output_item.done', output_index: 0, item: message('msg_d', 'Hello') },
      { type: 'response.completed', response: responsesBody([message('msg_d', 'Hello')]) },
    ];
    const { model } = server('https://gateway.example.com/v1', () => sseResponse(events));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'text-start', id: 'msg_a' },
      { type: 'text-delta', id: 'msg_a', delta: 'Hel' },
      { type: 'text-delta', id: 'msg_a', delta: 'lo' },
      { type: 'text-end', id: 'msg_a' },
    ]);
  });
});
