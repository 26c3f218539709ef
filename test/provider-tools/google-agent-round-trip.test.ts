import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { createGoogle, googleTools } from '../../src/providers/google/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import {
  codeParts,
  fileSearchGrounding,
  geminiResponse,
  geminiStream,
  searchGrounding,
  streamedCallParts,
  urlContextMetadata,
} from './fixtures/google-fixtures.js';
import { queuedFetch, sseResponse } from './wire-kit.js';

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
const weatherCall = { functionCall: { name: 'get_weather', args: { city: 'Rome' } } };

function gemini(...responses: Array<() => Response>) {
  let counter = 0;
  const { fetch, requests } = queuedFetch(...responses);
  const generateId = () => `id-${++counter}`;
  return {
    model: createGoogle({ apiKey: 'test-key', fetch, generateId }).languageModel('gemini-2.5-flash'),
    requests,
  };
}

/** The second request's contents after the user prompt: the model turn sent back and the answers. */
const sentBack = (requests: Array<{ body: Record<string, unknown> }>) =>
  (requests[1]!.body.contents as unknown[]).slice(1);
const userTurn = { role: 'user', parts: [{ text: 'Go' }] };
const answer = (id: string) => ({
  role: 'user',
  parts: [{ functionResponse: { id, name: 'get_weather', response: { result: 'Sunny in Rome' } } }],
});

describe('a Gemini agent with built-in tools', () => {
  it('sends the grounded text back as text, without the search sources, then the call and its answer', async () => {
    const { model, requests } = gemini(
      () =>
        Response.json(
          geminiResponse([{ text: 'Spain won Euro 2024.' }, weatherCall], {
            groundingMetadata: searchGrounding,
          }),
        ),
      () => Response.json(geminiResponse([{ text: 'Done.' }])),
    );
    const result = await createAgent(model, {
      tools: [weather],
      providerTools: [googleTools.googleSearch()],
    }).generate({ prompt: 'Go' });
    expect(result.steps[0]!.content.filter((part) => part.type === 'source')).toHaveLength(2);
    expect((requests[1]!.body.contents as unknown[])[0]).toEqual(userTurn);
    expect(sentBack(requests)).toEqual([
      {
        role: 'model',
        parts: [
          { text: 'Spain won Euro 2024.' },
          { functionCall: { id: 'id-1', name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      answer('id-1'),
    ]);
    expect(requests[1]!.body.tools).toEqual([
      { functionDeclarations: [expect.objectContaining({ name: 'get_weather' })] },
      { googleSearch: {} },
    ]);
  });

  it('sends text read through URL context back as text, then the call and its answer (stream)', async () => {
    const { model, requests } = gemini(
      () => sseResponse(geminiStream([{ text: 'The post says hi.' }, weatherCall], { urlContextMetadata })),
      () => sseResponse(geminiStream([{ text: 'Done.' }])),
    );
    const run = await createAgent(model, {
      tools: [weather],
      providerTools: [googleTools.urlContext()],
    }).stream({ prompt: 'Go' });
    const result = await run.result;
    expect(result.steps[0]!.providerMetadata?.google?.urlContextMetadata).toEqual(urlContextMetadata);
    expect(sentBack(requests)).toEqual([
      {
        role: 'model',
        parts: [
          { text: 'The post says hi.' },
          { functionCall: { id: 'id-1', name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      answer('id-1'),
    ]);
    expect(requests[1]!.body.tools).toEqual([
      { functionDeclarations: [expect.objectContaining({ name: 'get_weather' })] },
      { urlContext: {} },
    ]);
  });

  it('sends streamed text, executableCode and codeExecutionResult back in order, then the call (stream)', async () => {
    const { model, requests } = gemini(
      () => sseResponse(geminiStream([...codeParts, weatherCall])),
      () => sseResponse(geminiStream([{ text: 'Done.' }])),
    );
    const run = await createAgent(model, {
      tools: [weather],
      providerTools: [googleTools.codeExecution()],
    }).stream({ prompt: 'Go' });
    await run.result;
    expect(sentBack(requests)).toEqual([
      {
        role: 'model',
        parts: [...codeParts, { functionCall: { id: 'id-2', name: 'get_weather', args: { city: 'Rome' } } }],
      },
      answer('id-2'),
    ]);
  });

  it('sends text grounded by file search back as text, without its document sources (generate)', async () => {
    const { model, requests } = gemini(
      () =>
        Response.json(
          geminiResponse([{ text: 'Leave is 25 days.' }, weatherCall], {
            groundingMetadata: fileSearchGrounding,
          }),
        ),
      () => Response.json(geminiResponse([{ text: 'Done.' }])),
    );
    const result = await createAgent(model, {
      tools: [weather],
      providerTools: [googleTools.fileSearch({ fileSearchStoreNames: ['fileSearchStores/hr-1'] })],
    }).generate({ prompt: 'Go' });
    expect(result.steps[0]!.content.filter((part) => part.type === 'source')).toEqual([
      expect.objectContaining({ sourceType: 'document', title: 'handbook.pdf' }),
    ]);
    expect(sentBack(requests)).toEqual([
      {
        role: 'model',
        parts: [
          { text: 'Leave is 25 days.' },
          { functionCall: { id: 'id-1', name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      answer('id-1'),
    ]);
    expect(requests[1]!.body.tools).toEqual([
      { functionDeclarations: [expect.objectContaining({ name: 'get_weather' })] },
      { fileSearch: { fileSearchStoreNames: ['fileSearchStores/hr-1'] } },
    ]);
  });

  it('sends a call whose arguments streamed in pieces back as one functionCall with its signature (stream)', async () => {
    const forecast = tool({
      name: 'get_weather',
      description: 'Weather',
      inputSchema: jsonSchema<Record<string, unknown>>({ type: 'object' }),
      execute: () => 'Sunny in Rome',
    });
    const { model, requests } = gemini(
      () => sseResponse(geminiStream(streamedCallParts)),
      () => sseResponse(geminiStream([{ text: 'Done.' }])),
    );
    const run = await createAgent(model, { tools: [forecast] }).stream({
      prompt: 'Go',
      providerOptions: { google: { streamFunctionCallArguments: true } },
    });
    const result = await run.result;
    expect(result.text).toBe('Done.');
    expect(sentBack(requests)).toEqual([
      {
        role: 'model',
        parts: [
          {
            functionCall: {
              id: 'id-1',
              name: 'get_weather',
              args: { location: { city: 'San Francisco' }, days: 3, units: ['celsius'], alerts: true },
            },
            thoughtSignature: 'c2lnLTE=',
          },
        ],
      },
      answer('id-1'),
    ]);
  });
});
