import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { convertToAnthropicMessages } from '../../src/providers/anthropic/convert-to-anthropic-messages.js';
import { createAnthropic } from '../../src/providers/anthropic/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import {
  anthropicMessage,
  anthropicStream,
  citedTextBlock,
  citedTextRequestCitations,
} from './fixtures/anthropic-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Tell me about Rome' }] }];
const citations = citedTextBlock.citations;
const cited = (index: number) => ({ providerMetadata: { anthropic: { citation: citations[index] } } });

/** The sources the citations stand for; the type the docs do not list has none. */
const citationSources = [
  {
    type: 'source',
    sourceType: 'url',
    id: 'https://example.com/rome',
    url: 'https://example.com/rome',
    title: 'Rome facts',
    ...cited(0),
  },
  {
    type: 'source',
    sourceType: 'document',
    id: 'document-0',
    mediaType: 'text/plain',
    title: 'Notes',
    ...cited(1),
  },
  {
    type: 'source',
    sourceType: 'document',
    id: 'document-1',
    mediaType: 'application/pdf',
    title: 'Atlas',
    ...cited(2),
  },
  {
    type: 'source',
    sourceType: 'document',
    id: 'document-2',
    mediaType: 'text/plain',
    title: 'Digest',
    ...cited(3),
  },
  {
    type: 'source',
    sourceType: 'url',
    id: 'https://kb.example.com/rome',
    url: 'https://kb.example.com/rome',
    title: 'Knowledge base: Rome',
    ...cited(4),
  },
];
const textMetadata = { providerMetadata: { anthropic: { citations } } };

function modelOn(...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  return {
    model: createAnthropic({ apiKey: 'test-key', fetch }).languageModel('claude-sonnet-4-5'),
    requests,
  };
}

describe('Anthropic citations', () => {
  it('keeps a text block’s citations as received on the text and maps each to a source (generate)', async () => {
    const { model } = modelOn(() => Response.json(anthropicMessage([citedTextBlock])));
    const result = await model.generate({ prompt });
    expect(result.content).toEqual([
      { type: 'text', text: citedTextBlock.text, ...textMetadata },
      ...citationSources,
    ]);
  });

  it('streams a source per citation delta and the citations on text-end', async () => {
    const { model } = modelOn(() => sseResponse(anthropicStream([citedTextBlock]), { named: true }));
    const parts = await collect(await model.stream({ prompt }));
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'text-start', id: '0' },
      ...citationSources,
      { type: 'text-delta', id: '0', delta: citedTextBlock.text },
      { type: 'text-end', id: '0', ...textMetadata },
    ]);
  });

  it('sends the citations back on the text block with the documented fields of documented types', () => {
    const { messages } = convertToAnthropicMessages(
      [
        ...prompt,
        {
          role: 'assistant',
          content: [
            {
              type: 'text',
              text: citedTextBlock.text,
              providerOptions: { anthropic: { citations, cacheControl: { type: 'ephemeral' } } },
            },
            { type: 'text', text: 'Uncited.', providerOptions: { anthropic: { citations: [] } } },
          ],
        },
      ],
      { sendReasoning: true },
    );
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: [
        {
          type: 'text',
          text: citedTextBlock.text,
          citations: citedTextRequestCitations,
          cache_control: { type: 'ephemeral' },
        },
        { type: 'text', text: 'Uncited.' },
      ],
    });
  });
});

describe('an Anthropic agent with cited text', () => {
  const weather = tool({
    name: 'get_weather',
    description: 'Weather in a city',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    }),
    execute: ({ city }: { city: string }) => `Sunny in ${city}`,
  });
  const weatherCall = { type: 'tool_use', id: 'toolu_01w', name: 'get_weather', input: { city: 'Rome' } };
  const sentBack = [
    { type: 'text', text: citedTextBlock.text, citations: citedTextRequestCitations },
    weatherCall,
  ];

  it('sends the cited text back with its citations (generate)', async () => {
    const { model, requests } = modelOn(
      () => Response.json(anthropicMessage([citedTextBlock, weatherCall], { stop_reason: 'tool_use' })),
      () => Response.json(anthropicMessage([{ type: 'text', text: 'Done.' }])),
    );
    await createAgent(model, { tools: [weather] }).generate({ prompt: 'Rome' });
    const messages = requests[1]!.body.messages as Array<{ content: unknown[] }>;
    expect(messages[1]!.content).toEqual(sentBack);
  });

  it('sends the cited text back with its citations (stream)', async () => {
    const { model, requests } = modelOn(
      () =>
        sseResponse(anthropicStream([citedTextBlock, weatherCall], { stopReason: 'tool_use' }), {
          named: true,
        }),
      () => sseResponse(anthropicStream([{ type: 'text', text: 'Done.' }]), { named: true }),
    );
    const run = await createAgent(model, { tools: [weather] }).stream({ prompt: 'Rome' });
    await run.result;
    const messages = requests[1]!.body.messages as Array<{ content: unknown[] }>;
    expect(messages[1]!.content).toEqual(sentBack);
  });
});
