import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { createGoogle, createVertex, googleTools } from '../../src/providers/google/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import {
  codeParts,
  fileSearchGrounding,
  geminiResponse,
  geminiStream,
  searchGrounding,
  streamedCallParts,
  urlContextMetadata,
} from './fixtures/google-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];
let counter = 0;
const generateId = () => `id-${++counter}`;

function gemini(...responses: Array<() => Response>) {
  counter = 0;
  const { fetch, requests } = queuedFetch(...responses);
  return {
    model: createGoogle({ apiKey: 'test-key', fetch, generateId }).languageModel('gemini-2.5-flash'),
    requests,
  };
}

const sources = [
  {
    type: 'source',
    sourceType: 'url',
    id: searchGrounding.groundingChunks[0]!.web.uri,
    url: searchGrounding.groundingChunks[0]!.web.uri,
    title: 'uefa.com',
  },
  {
    type: 'source',
    sourceType: 'url',
    id: searchGrounding.groundingChunks[1]!.web.uri,
    url: searchGrounding.groundingChunks[1]!.web.uri,
    title: 'bbc.co.uk',
  },
];

describe('Gemini built-in tool definitions', () => {
  it('sends each built-in tool as its own tools entry after the function declarations', async () => {
    const { model, requests } = gemini(() => Response.json(geminiResponse([{ text: 'ok' }])));
    const result = await model.generate({
      prompt,
      toolChoice: 'auto',
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          description: 'Weather',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
        },
        googleTools.googleSearch(),
        googleTools.urlContext(),
        googleTools.codeExecution(),
        googleTools.fileSearch({
          fileSearchStoreNames: ['fileSearchStores/hr-1'],
          metadataFilter: 'year = 2025',
          topK: 4,
        }),
      ],
    });
    expect(result.warnings).toEqual([]);
    expect(requests[0]!.body.tools).toEqual([
      { functionDeclarations: [expect.objectContaining({ name: 'get_weather' })] },
      { googleSearch: {} },
      { urlContext: {} },
      { codeExecution: {} },
      {
        fileSearch: {
          fileSearchStoreNames: ['fileSearchStores/hr-1'],
          metadataFilter: 'year = 2025',
          topK: 4,
        },
      },
    ]);
    expect(requests[0]!.body.toolConfig).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
  });

  it('sends built-in tools alone without a function calling config', async () => {
    const { model, requests } = gemini(() => Response.json(geminiResponse([{ text: 'ok' }])));
    await model.generate({ prompt, toolChoice: 'auto', tools: [googleTools.googleSearch()] });
    expect(requests[0]!.body.tools).toEqual([{ googleSearch: {} }]);
    expect(requests[0]!.body.toolConfig).toBeUndefined();
  });

  it('asks Vertex to stream function call arguments when the option is set', async () => {
    const { fetch, requests } = queuedFetch(() => Response.json(geminiResponse([{ text: 'ok' }])));
    await createVertex({ project: 'p', location: 'us-central1', accessToken: 'test-token', fetch })
      .languageModel('gemini-3-pro-preview')
      .generate({
        prompt,
        toolChoice: 'auto',
        tools: [
          {
            type: 'function',
            name: 'f',
            description: 'f',
            inputSchema: { type: 'object', properties: { a: { type: 'string' } } },
          },
        ],
        providerOptions: { google: { streamFunctionCallArguments: true } },
      });
    expect(requests[0]!.body.toolConfig).toEqual({
      functionCallingConfig: { mode: 'AUTO', streamFunctionCallArguments: true },
    });
  });
});

describe('Gemini grounding with Google Search', () => {
  it('maps grounding chunks to url sources and keeps the search entry point in metadata', async () => {
    const { model } = gemini(() =>
      Response.json(
        geminiResponse([{ text: 'Spain won Euro 2024.' }], { groundingMetadata: searchGrounding }),
      ),
    );
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([{ type: 'text', text: 'Spain won Euro 2024.' }, ...sources]);
    expect(result.providerMetadata?.google?.groundingMetadata).toEqual(searchGrounding);
  });

  it('streams each source once, even when later chunks repeat the grounding', async () => {
    const chunks = geminiStream([{ text: 'Spain ' }, { text: 'won.' }], {
      groundingMetadata: searchGrounding,
    });
    const repeated = {
      ...chunks[1]!,
      candidates: [{ ...chunks[1]!.candidates[0]!, content: { role: 'model', parts: [] } }],
    };
    const { model } = gemini(() => sseResponse([...chunks, repeated]));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.filter((part) => part.type === 'source')).toEqual(sources);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      providerMetadata: {
        google: { groundingMetadata: { searchEntryPoint: searchGrounding.searchEntryPoint } },
      },
    });
  });

  it('maps file search chunks to document sources with their store, and keeps URL context metadata', async () => {
    const { model } = gemini(() =>
      Response.json(
        geminiResponse([{ text: '25 days.' }], {
          groundingMetadata: fileSearchGrounding,
          urlContextMetadata,
        }),
      ),
    );
    const result = await model.generate({ prompt });
    expect(result.content[1]).toEqual({
      type: 'source',
      sourceType: 'document',
      id: 'handbook.pdf',
      mediaType: 'text/plain',
      title: 'handbook.pdf',
      providerMetadata: { google: { fileSearchStore: 'fileSearchStores/hr-1' } },
    });
    expect(result.providerMetadata?.google?.urlContextMetadata).toEqual(urlContextMetadata);
  });
});

describe('Gemini file search and URL context, streamed', () => {
  const fileSource = {
    type: 'source',
    sourceType: 'document',
    id: 'handbook.pdf',
    mediaType: 'text/plain',
    title: 'handbook.pdf',
    providerMetadata: { google: { fileSearchStore: 'fileSearchStores/hr-1' } },
  };
  const grounded = { groundingMetadata: fileSearchGrounding, urlContextMetadata };

  it('streams the same document source as generate, once, and keeps both metadata on finish', async () => {
    const chunks = geminiStream([{ text: '25 ' }, { text: 'days.' }], grounded);
    // Gemini repeats the candidate metadata on a later chunk; the source must not be emitted twice.
    const repeated = {
      ...chunks[1]!,
      candidates: [{ ...chunks[1]!.candidates[0]!, content: { role: 'model', parts: [] } }],
    };
    const { model } = gemini(() => sseResponse([...chunks, repeated]));
    const parts = await collect(
      await model.stream({
        prompt,
        tools: [
          googleTools.fileSearch({ fileSearchStoreNames: ['fileSearchStores/hr-1'] }),
          googleTools.urlContext(),
        ],
      }),
    );
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: '25 ' },
      { type: 'text-delta', id: '0', delta: 'days.' },
      fileSource,
      { type: 'text-end', id: '0' },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'stop',
      providerMetadata: { google: grounded },
    });
    const generated = await gemini(() =>
      Response.json(geminiResponse([{ text: '25 days.' }], grounded)),
    ).model.generate({ prompt });
    expect(generated.content).toEqual([{ type: 'text', text: '25 days.' }, fileSource]);
    expect(generated.providerMetadata?.google).toMatchObject(grounded);
  });

  it('streams URL context metadata that arrives before the last chunk into the finish metadata', async () => {
    const chunks = geminiStream([{ text: 'The post ' }, { text: 'says hi.' }]);
    const first = { ...chunks[0]!, candidates: [{ ...chunks[0]!.candidates[0]!, urlContextMetadata }] };
    const { model } = gemini(() => sseResponse([first, chunks[1]!]));
    const parts = await collect(await model.stream({ prompt, tools: [googleTools.urlContext()] }));
    expect(parts.filter((part) => part.type === 'source')).toEqual([]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'stop',
      providerMetadata: { google: { urlContextMetadata } },
    });
  });
});

describe('Gemini code execution', () => {
  const call = {
    type: 'tool-call',
    toolCallId: 'id-1',
    toolName: 'code_execution',
    input: '{"language":"PYTHON","code":"print(sum(range(10)))"}',
    providerExecuted: true,
  };
  const result = {
    type: 'tool-result',
    toolCallId: 'id-1',
    toolName: 'code_execution',
    output: { type: 'json', value: { outcome: 'OUTCOME_OK', output: '45\n' } },
    providerExecuted: true,
    providerMetadata: { google: { codeExecutionResult: { outcome: 'OUTCOME_OK', output: '45\n' } } },
  };

  it('maps executable code and its result to a provider-executed pair, finishing with stop', async () => {
    const { model } = gemini(() => Response.json(geminiResponse(codeParts)));
    const generated = await model.generate({ prompt });
    expect(generated.content).toEqual([
      { type: 'text', text: 'Let me compute.' },
      call,
      result,
      { type: 'text', text: 'The sum is 45.' },
    ]);
    expect(generated.finishReason).toBe('stop');
  });

  it('streams the same pair', async () => {
    const { model } = gemini(() => sseResponse(geminiStream(codeParts)));
    const parts = await collect(await model.stream({ prompt }));
    const committed = parts.filter((part) => part.type === 'tool-call' || part.type === 'tool-result');
    expect(committed).toEqual([call, result]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'stop' });
  });

  it('sends the code and its result back as executableCode and codeExecutionResult', async () => {
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
    const { model, requests } = gemini(
      () =>
        Response.json(
          geminiResponse([
            ...codeParts.slice(1, 3),
            { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
          ]),
        ),
      () => Response.json(geminiResponse([{ text: 'Done.' }])),
    );
    await createAgent(model, { tools: [weather], providerTools: [googleTools.codeExecution()] }).generate({
      prompt: 'Go',
    });
    const contents = requests[1]!.body.contents as Array<{ role: string; parts: unknown[] }>;
    expect(contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          codeParts[1],
          codeParts[2],
          { functionCall: { id: 'id-2', name: 'get_weather', args: { city: 'Rome' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { id: 'id-2', name: 'get_weather', response: { result: 'Sunny in Rome' } } },
        ],
      },
    ]);
  });
});

describe('Gemini 3 streamed function call arguments', () => {
  it('assembles partialArgs into one call with its name, string pieces joined', async () => {
    const { model } = gemini(() => sseResponse(geminiStream(streamedCallParts)));
    const parts = await collect(await model.stream({ prompt }));
    const input = '{"location":{"city":"San Francisco"},"days":3,"units":["celsius"],"alerts":true}';
    expect(parts.filter((part) => part.type !== 'finish')).toEqual<StreamPart[]>([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-end', id: '0', providerMetadata: { google: { thoughtSignature: 'c2lnLTE=' } } },
      { type: 'tool-input-start', id: 'id-1', toolName: 'get_weather' },
      { type: 'tool-input-delta', id: 'id-1', delta: input },
      { type: 'tool-input-end', id: 'id-1' },
      { type: 'tool-call', toolCallId: 'id-1', toolName: 'get_weather', input },
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });

  it('ends a call still streaming when the body ends', async () => {
    const { model } = gemini(() => sseResponse(geminiStream(streamedCallParts.slice(0, 3), {}, 'STOP')));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts).toContainEqual({
      type: 'tool-call',
      toolCallId: 'id-1',
      toolName: 'get_weather',
      input: '{"location":{"city":"San Francisco"}}',
    });
  });
});
