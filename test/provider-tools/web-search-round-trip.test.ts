import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { anthropicTools, createAnthropic } from '../../src/providers/anthropic/index.js';
import { createOpenAI, openaiTools } from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { anthropicMessage } from './fixtures/anthropic-fixtures.js';
import { message, responsesBody } from './fixtures/openai-fixtures.js';
import { queuedFetch } from './wire-kit.js';

const weather = tool({
  name: 'get_weather',
  description: 'Weather in a city',
  inputSchema: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
  execute: ({ city }) => `Sunny in ${city}`,
});

/** A web search item as the Responses reference shows it: the action with its query, no results inline. */
const webSearchCall = {
  id: 'ws_01',
  type: 'web_search_call',
  status: 'completed',
  action: { type: 'search', query: 'rome weather' },
};
const functionCall = {
  id: 'fc_w',
  type: 'function_call',
  call_id: 'call_w',
  name: 'get_weather',
  arguments: '{"city":"Rome"}',
};

describe('an OpenAI Responses agent with web search', () => {
  // The web search pair keeps no item to send back (its result carries only the id and action), so the
  // agent leaves it out whole: never a call without its result. The Responses API accepts the history
  // without it.
  it('leaves the web search pair out of the history whole and sends the function call and its output', async () => {
    const { fetch, requests } = queuedFetch(
      () => Response.json(responsesBody([webSearchCall, functionCall])),
      () => Response.json(responsesBody([message('msg_done', 'Done.')])),
    );
    const model = createOpenAI({ apiKey: 'test-key', fetch }).responses('gpt-5');
    await createAgent(model, { tools: [weather], providerTools: [openaiTools.webSearch()] }).generate({
      prompt: 'Go',
    });
    expect((requests[1]!.body.input as unknown[]).slice(1)).toEqual([
      { type: 'function_call', call_id: 'call_w', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call_output', call_id: 'call_w', output: 'Sunny in Rome' },
    ]);
  });
});

/** Anthropic's web search blocks as its docs show them: the search, its results (encrypted), the client call. */
const anthropicSearchBlocks = [
  { type: 'server_tool_use', id: 'srvtoolu_01ws', name: 'web_search', input: { query: 'rome weather' } },
  {
    type: 'web_search_tool_result',
    tool_use_id: 'srvtoolu_01ws',
    content: [
      {
        type: 'web_search_result',
        url: 'https://weather.example.com/rome',
        title: 'Rome weather',
        encrypted_content: 'EqgfCioIARgB',
        page_age: '2 hours ago',
      },
    ],
  },
  { type: 'tool_use', id: 'toolu_01w', name: 'get_weather', input: { city: 'Rome' } },
];

describe('an Anthropic agent with web search', () => {
  it('maps the search results to url sources and sends the search and its results back with the call', async () => {
    const { fetch, requests } = queuedFetch(
      () => Response.json(anthropicMessage(anthropicSearchBlocks, { stop_reason: 'tool_use' })),
      () => Response.json(anthropicMessage([{ type: 'text', text: 'Done.' }])),
    );
    const model = createAnthropic({ apiKey: 'test-key', fetch }).languageModel('claude-sonnet-4-5');
    const result = await createAgent(model, {
      tools: [weather],
      providerTools: [anthropicTools.webSearch()],
    }).generate({ prompt: 'Go' });
    expect(result.steps[0]!.content.filter((part) => part.type === 'source')).toEqual([
      {
        type: 'source',
        sourceType: 'url',
        id: 'https://weather.example.com/rome',
        url: 'https://weather.example.com/rome',
        title: 'Rome weather',
      },
    ]);
    const messages = requests[1]!.body.messages as unknown[];
    expect(messages.slice(1)).toEqual([
      { role: 'assistant', content: anthropicSearchBlocks },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_01w',
            content: [{ type: 'text', text: 'Sunny in Rome' }],
          },
        ],
      },
    ]);
  });
});
