import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { createOpenAI, openaiTools } from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import type { Content } from '../../src/spec/content.js';
import {
  message,
  responsesBody,
  responsesStream,
  toolSearchCall,
  toolSearchOutput,
} from './fixtures/openai-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Weather in Rome?' }] }];
const weatherCall = {
  id: 'fc_w',
  type: 'function_call',
  call_id: 'call_w',
  name: 'get_weather',
  arguments: '{"city":"Rome"}',
};

function modelOn(...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  return { model: createOpenAI({ apiKey: 'test-key', fetch }).responses('gpt-5.4'), requests };
}

const searchCall: Content = {
  type: 'tool-call',
  toolCallId: 'call_ts1',
  toolName: 'tool_search',
  input: '{"paths":["weather"]}',
  providerExecuted: true,
  providerMetadata: { openai: { itemId: 'tsc_01', item: toolSearchCall } },
};
const searchResult: Content = {
  type: 'tool-result',
  toolCallId: 'call_ts1',
  toolName: 'tool_search',
  output: { type: 'json', value: { tools: toolSearchOutput.tools } },
  providerExecuted: true,
  providerMetadata: { openai: { itemId: 'tso_01', item: toolSearchOutput } },
};

describe('OpenAI tool search', () => {
  it('maps tool_search_call to a provider-executed call and tool_search_output to its result', async () => {
    const { model } = modelOn(() => Response.json(responsesBody([toolSearchCall, toolSearchOutput])));
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([searchCall, searchResult]);
    expect(result.warnings).toEqual([]);
  });

  it('streams the same call, inside a provider-executed input block, and result', async () => {
    const { model } = modelOn(() => sseResponse(responsesStream([toolSearchCall, toolSearchOutput])));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'tool-input-start', id: 'call_ts1', toolName: 'tool_search', providerExecuted: true },
      { type: 'tool-input-end', id: 'call_ts1' },
      searchCall,
      searchResult,
    ]);
    expect(parts.at(-1)).not.toHaveProperty('providerMetadata.openai.unknownItems');
  });

  it('pairs an output without call_id with the call before it', async () => {
    const call = { ...toolSearchCall, call_id: null };
    const output = { ...toolSearchOutput, call_id: null };
    const { model } = modelOn(() => Response.json(responsesBody([call, output])));
    const [first, second] = (await model.generate({ prompt })).content;
    expect(first).toMatchObject({ type: 'tool-call', toolCallId: 'tsc_01' });
    expect(second).toMatchObject({ type: 'tool-result', toolCallId: 'tsc_01' });
  });
});

describe('an OpenAI agent with tool search', () => {
  const weather = tool({
    name: 'get_weather',
    description: 'Weather in a city',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    }),
    providerOptions: { openai: { deferLoading: true } },
    execute: ({ city }) => `Sunny in ${city}`,
  });
  const userItem = { role: 'user', content: [{ type: 'input_text', text: 'Weather?' }] };
  const functionTurn = [
    { type: 'function_call', call_id: 'call_w', name: 'get_weather', arguments: '{"city":"Rome"}' },
    { type: 'function_call_output', call_id: 'call_w', output: 'Sunny in Rome' },
  ];

  it('sends both tool search items back as received, before the call they loaded (stream)', async () => {
    const { model, requests } = modelOn(
      () => sseResponse(responsesStream([toolSearchCall, toolSearchOutput, weatherCall])),
      () => sseResponse(responsesStream([message('msg_done', 'Sunny.')])),
    );
    const agent = createAgent(model, { tools: [weather], providerTools: [openaiTools.toolSearch()] });
    await (await agent.stream({ prompt: 'Weather?' })).result;
    expect(requests[1]!.body.input).toEqual([userItem, toolSearchCall, toolSearchOutput, ...functionTurn]);
  });

  it('refers to both items by id when the response was stored (generate)', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([toolSearchCall, toolSearchOutput, weatherCall])),
      () => Response.json(responsesBody([message('msg_done', 'Sunny.')])),
    );
    await createAgent(model, {
      tools: [weather],
      providerTools: [openaiTools.toolSearch()],
      providerOptions: { openai: { store: true } },
    }).generate({ prompt: 'Weather?' });
    expect((requests[1]!.body.input as unknown[]).slice(1, 3)).toEqual([
      { type: 'item_reference', id: 'tsc_01' },
      { type: 'item_reference', id: 'tso_01' },
    ]);
  });
});
