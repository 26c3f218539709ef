import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { createOpenAI, openaiTools } from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import type { Content } from '../../src/spec/content.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import {
  fileSearchAnswer,
  fileSearchCall,
  fileSearchStream,
  message,
  responsesBody,
  responsesStream,
} from './fixtures/openai-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];
const fileSearch = openaiTools.fileSearch({ vectorStoreIds: ['vs_1'] });

function modelOn(...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  return { model: createOpenAI({ apiKey: 'test-key', fetch }).responses('gpt-5'), requests };
}

const call: Content = {
  type: 'tool-call',
  toolCallId: 'fs_01',
  toolName: 'file_search',
  input: '{"queries":["founding of rome"]}',
  providerExecuted: true,
  providerMetadata: { openai: { itemId: 'fs_01' } },
};
const result: Content = {
  type: 'tool-result',
  toolCallId: 'fs_01',
  toolName: 'file_search',
  output: { type: 'json', value: { results: fileSearchCall.results } },
  providerExecuted: true,
  providerMetadata: { openai: { itemId: 'fs_01', item: fileSearchCall } },
};
/** A cited file: a document source (its id is generated: one file may be cited many times) naming the file. */
const citedFile = (fileId: string, filename: string) => ({
  type: 'source',
  sourceType: 'document',
  id: expect.any(String),
  mediaType: 'text/plain',
  title: filename,
  filename,
  providerMetadata: { openai: { fileId } },
});
const sources = [citedFile('file_01', 'rome.pdf'), citedFile('file_02', 'kings.pdf')];

describe('OpenAI file search with cited files', () => {
  it('maps the call, its scored results, the answer and a document source per file_citation', async () => {
    const { model } = modelOn(() => Response.json(responsesBody([fileSearchCall, fileSearchAnswer])));
    const generated = await model.generate({ prompt, tools: [fileSearch] });
    expect(generated.content).toEqual([
      call,
      result,
      { type: 'text', text: 'Rome was founded in 753 BC.' },
      ...sources,
    ]);
    expect(generated.finishReason).toBe('stop');
    expect(generated.warnings).toEqual([]);
  });

  it('streams the documented file search events into the same parts, the sources inside the text block', async () => {
    const { model } = modelOn(() => sseResponse(fileSearchStream()));
    const parts = await collect(await model.stream({ prompt, tools: [fileSearch] }));
    expect(parts).toEqual<StreamPart[]>([
      { type: 'tool-input-start', id: 'fs_01', toolName: 'file_search', providerExecuted: true },
      { type: 'tool-input-end', id: 'fs_01' },
      call as StreamPart,
      result as StreamPart,
      { type: 'text-start', id: 'msg_fs' },
      { type: 'text-delta', id: 'msg_fs', delta: 'Rome was founded ' },
      { type: 'text-delta', id: 'msg_fs', delta: 'in 753 BC.' },
      ...(sources as StreamPart[]),
      { type: 'text-end', id: 'msg_fs' },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: expect.objectContaining({ inputTokens: 30, outputTokens: 12 }),
        providerMetadata: { openai: { responseId: 'resp_01' } },
      },
    ]);
  });

  it('never takes the in-progress item of output_item.added for the call', async () => {
    const events = fileSearchStream().filter(
      (event) => (event as { type: string }).type !== 'response.output_item.done',
    );
    const { model } = modelOn(() => sseResponse(events));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.filter((part) => part.type === 'tool-call' || part.type === 'tool-result')).toEqual([]);
  });
});

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
const weatherCall = {
  id: 'fc_w',
  type: 'function_call',
  call_id: 'call_w',
  name: 'get_weather',
  arguments: '{"city":"Rome"}',
};
const userItem = { role: 'user', content: [{ type: 'input_text', text: 'Go' }] };
const sentWeatherCall = {
  type: 'function_call',
  call_id: 'call_w',
  name: 'get_weather',
  arguments: '{"city":"Rome"}',
};
const weatherOutput = { type: 'function_call_output', call_id: 'call_w', output: 'Sunny in Rome' };
const done = () => Response.json(responsesBody([message('msg_done', 'Done.')]));
const input = (request: { body: Record<string, unknown> }) => request.body.input as unknown[];

describe('an OpenAI Responses agent with file search', () => {
  it('sends the file_search_call item back as received, then the function call and its output', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([fileSearchCall, weatherCall])),
      done,
    );
    await createAgent(model, { tools: [weather], providerTools: [fileSearch] }).generate({ prompt: 'Go' });
    expect(requests[0]!.body.tools).toEqual([
      expect.objectContaining({ type: 'function', name: 'get_weather' }),
      { type: 'file_search', vector_store_ids: ['vs_1'] },
    ]);
    expect(input(requests[1]!)).toEqual([userItem, fileSearchCall, sentWeatherCall, weatherOutput]);
  });

  it('does the same when streaming, sending the done item, not the in-progress one', async () => {
    const { model, requests } = modelOn(
      () => sseResponse(responsesStream([fileSearchCall, weatherCall])),
      () => sseResponse(responsesStream([message('msg_done', 'Done.')])),
    );
    const run = await createAgent(model, { tools: [weather], providerTools: [fileSearch] }).stream({
      prompt: 'Go',
    });
    await run.result;
    expect(input(requests[1]!)).toEqual([userItem, fileSearchCall, sentWeatherCall, weatherOutput]);
  });

  it('refers to the file_search_call by id when the response was stored', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([fileSearchCall, weatherCall])),
      done,
    );
    await createAgent(model, {
      tools: [weather],
      providerTools: [fileSearch],
      providerOptions: { openai: { store: true } },
    }).generate({ prompt: 'Go' });
    expect(input(requests[1]!).slice(1, 2)).toEqual([{ type: 'item_reference', id: 'fs_01' }]);
    expect(input(requests[1]!).at(-1)).toEqual(weatherOutput);
  });
});
