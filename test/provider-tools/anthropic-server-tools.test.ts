import { describe, expect, it } from 'vitest';
import { createAnthropic } from '../../src/providers/anthropic/index.js';
import type { Content } from '../../src/spec/content.js';
import type { JSONValue } from '../../src/spec/json-value.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import {
  anthropicMessage,
  anthropicStream,
  codeExecutionBlocks,
  compactionBlocks,
  compactionUsage,
  container,
  mcpBlocks,
  toolSearchBlocks,
  toolSearchBm25Blocks,
  webFetchBlocks,
} from './fixtures/anthropic-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];

function model(response: () => Response) {
  const { fetch, requests } = queuedFetch(response);
  return {
    model: createAnthropic({ apiKey: 'test-key', fetch }).languageModel('claude-sonnet-4-5'),
    requests,
  };
}

async function generate(blocks: unknown[], extra: Record<string, unknown> = {}) {
  return model(() => Response.json(anthropicMessage(blocks, extra))).model.generate({ prompt });
}

async function stream(
  blocks: Record<string, unknown>[],
  options: Parameters<typeof anthropicStream>[1] = {},
) {
  const { model: streamed } = model(() => sseResponse(anthropicStream(blocks, options), { named: true }));
  return collect(await streamed.stream({ prompt }));
}

/** The content a stream commits, in order, as the agent would gather it. */
function streamedContent(parts: StreamPart[]): Array<Content | { type: string; id?: string }> {
  return parts.filter(
    (part) =>
      part.type === 'tool-call' ||
      part.type === 'tool-result' ||
      part.type === 'source' ||
      part.type === 'text-end',
  );
}

const fetchResult = {
  type: 'tool-result',
  toolCallId: 'srvtoolu_01fetch',
  toolName: 'web_fetch',
  output: { type: 'json', value: webFetchBlocks[1]!.content },
  providerExecuted: true,
  providerMetadata: { anthropic: { block: webFetchBlocks[1] } },
};
const fetchSource = {
  type: 'source',
  sourceType: 'url',
  id: 'https://example.com/article',
  url: 'https://example.com/article',
  title: 'On Rome',
};
const citationSource = {
  type: 'source',
  sourceType: 'document',
  id: 'document-0',
  mediaType: 'text/plain',
  title: 'On Rome',
  providerMetadata: { anthropic: { citation: (webFetchBlocks[2] as { citations: unknown[] }).citations[0] } },
};

describe('Anthropic web fetch', () => {
  it('maps the call, the fetched page as a source, the exact result block and cited text', async () => {
    const result = await generate(webFetchBlocks);
    expect(result.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_01fetch',
        toolName: 'web_fetch',
        input: '{"url":"https://example.com/article"}',
        providerExecuted: true,
      },
      fetchSource,
      fetchResult,
      {
        type: 'text',
        text: 'The article says Rome took time.',
        providerMetadata: { anthropic: { citations: webFetchBlocks[2]!.citations } },
      },
      citationSource,
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('streams the same parts: tool input, result, citation source before the cited text', async () => {
    const parts = await stream(webFetchBlocks);
    expect(parts.filter((part) => part.type !== 'finish')).toEqual([
      { type: 'tool-input-start', id: 'srvtoolu_01fetch', toolName: 'web_fetch', providerExecuted: true },
      { type: 'tool-input-delta', id: 'srvtoolu_01fetch', delta: '{"url":"https://example.com/article"}' },
      { type: 'tool-input-end', id: 'srvtoolu_01fetch' },
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_01fetch',
        toolName: 'web_fetch',
        input: '{"url":"https://example.com/article"}',
        providerExecuted: true,
      },
      fetchSource,
      fetchResult,
      { type: 'text-start', id: '2' },
      citationSource,
      { type: 'text-delta', id: '2', delta: 'The article says Rome took time.' },
      {
        type: 'text-end',
        id: '2',
        providerMetadata: { anthropic: { citations: webFetchBlocks[2]!.citations } },
      },
    ]);
  });
});

describe('Anthropic code execution', () => {
  const bashResult = {
    type: 'tool-result',
    toolCallId: 'srvtoolu_01bash',
    toolName: 'bash_code_execution',
    output: { type: 'json', value: codeExecutionBlocks[1]!.content },
    providerExecuted: true,
    providerMetadata: { anthropic: { block: codeExecutionBlocks[1], containerId: container.id } },
  };
  const editResult = {
    type: 'tool-result',
    toolCallId: 'srvtoolu_01edit',
    toolName: 'text_editor_code_execution',
    output: { type: 'json', value: codeExecutionBlocks[3]!.content },
    providerExecuted: true,
    providerMetadata: { anthropic: { block: codeExecutionBlocks[3], containerId: container.id } },
  };
  /** The file the bash run wrote: Anthropic returns only its id, so it is a document source. */
  const chartSource = {
    type: 'source',
    sourceType: 'document',
    id: 'file_011chart',
    providerMetadata: { anthropic: { fileId: 'file_011chart', containerId: container.id } },
  };

  it('maps bash and text editor calls and results with the container id', async () => {
    const result = await generate(codeExecutionBlocks, { container });
    expect(result.content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_01bash',
        toolName: 'bash_code_execution',
        input: JSON.stringify(codeExecutionBlocks[0]!.input),
        providerExecuted: true,
        providerMetadata: { anthropic: { containerId: container.id } },
      },
      chartSource,
      bashResult,
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_01edit',
        toolName: 'text_editor_code_execution',
        input: JSON.stringify(codeExecutionBlocks[2]!.input),
        providerExecuted: true,
        providerMetadata: { anthropic: { containerId: container.id } },
      },
      editResult,
      { type: 'text', text: 'The answer is 42.' },
    ]);
    expect(result.providerMetadata).toEqual({ anthropic: { container } });
  });

  it('makes each file of the older code execution result a document source, skipping entries without an id', async () => {
    const legacy = {
      type: 'code_execution_tool_result',
      tool_use_id: 'srvtoolu_01old',
      content: {
        type: 'code_execution_result',
        stdout: '',
        stderr: '',
        return_code: 0,
        content: [
          { type: 'code_execution_output', file_id: 'file_011plot' },
          { type: 'code_execution_output', file_id: '' },
        ],
      },
    };
    const result = await generate([legacy]);
    expect(result.content.filter((part) => part.type === 'source')).toEqual([
      {
        type: 'source',
        sourceType: 'document',
        id: 'file_011plot',
        providerMetadata: { anthropic: { fileId: 'file_011plot' } },
      },
    ]);
  });

  it('streams the calls and results, and reports the container from message_delta on finish', async () => {
    const parts = await stream(codeExecutionBlocks, { delta: { container } });
    // The container id arrives in message_delta, after the results: their parts cannot name it.
    const withoutContainer = (part: Content) => {
      if (part.type !== 'tool-result' && part.type !== 'source') return part;
      const { containerId: _container, ...anthropic } = part.providerMetadata!.anthropic!;
      return { ...part, providerMetadata: { anthropic } };
    };
    expect(streamedContent(parts)).toEqual([
      expect.objectContaining({ type: 'tool-call', toolCallId: 'srvtoolu_01bash', providerExecuted: true }),
      withoutContainer(chartSource as Content),
      withoutContainer(bashResult as Content),
      expect.objectContaining({ type: 'tool-call', toolCallId: 'srvtoolu_01edit', providerExecuted: true }),
      withoutContainer(editResult as Content),
      { type: 'text-end', id: '4' },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: 'stop',
      providerMetadata: { anthropic: { container } },
    });
  });
});

describe('the Anthropic MCP connector', () => {
  const call = {
    type: 'tool-call',
    toolCallId: 'mcptoolu_01docs',
    toolName: 'search_docs',
    input: '{"query":"streaming"}',
    providerExecuted: true,
    providerMetadata: { anthropic: { serverName: 'docs' } },
  };
  const result = {
    type: 'tool-result',
    toolCallId: 'mcptoolu_01docs',
    toolName: 'search_docs',
    output: { type: 'json', value: mcpBlocks[1]!.content },
    providerExecuted: true,
    providerMetadata: { anthropic: { block: mcpBlocks[1] } },
  };

  it('maps mcp_tool_use and mcp_tool_result as a provider-executed pair naming the server', async () => {
    expect((await generate(mcpBlocks)).content).toEqual([
      call,
      result,
      { type: 'text', text: 'See chapter 3.' },
    ]);
  });

  it('streams the same pair', async () => {
    const parts = await stream(mcpBlocks);
    expect(parts[0]).toEqual({
      type: 'tool-input-start',
      id: 'mcptoolu_01docs',
      toolName: 'search_docs',
      providerExecuted: true,
    });
    expect(streamedContent(parts)).toEqual([call, result, { type: 'text-end', id: '2' }]);
  });

  it('marks a failed MCP call', async () => {
    const failed = [mcpBlocks[0], { ...mcpBlocks[1], is_error: true }];
    const content = (await generate(failed)).content;
    expect(content[1]).toMatchObject({ providerMetadata: { anthropic: { isError: true } } });
  });
});

describe('Anthropic tool search', () => {
  it('maps the search, its tool references and the client call that follows', async () => {
    const content = (await generate(toolSearchBlocks, { stop_reason: 'tool_use' })).content;
    expect(content).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'srvtoolu_01search',
        toolName: 'tool_search_tool_regex',
        input: '{"query":"weather"}',
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'srvtoolu_01search',
        toolName: 'tool_search_tool_regex',
        output: { type: 'json', value: toolSearchBlocks[1]!.content },
        providerExecuted: true,
        providerMetadata: { anthropic: { block: toolSearchBlocks[1] } },
      },
      { type: 'tool-call', toolCallId: 'toolu_01weather', toolName: 'get_weather', input: '{"city":"Rome"}' },
    ]);
    const streamed = await stream(toolSearchBlocks, { stopReason: 'tool_use' });
    expect(streamedContent(streamed)).toEqual(content);
    expect(streamed.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });
});

describe('Anthropic tool search, streamed', () => {
  /** Every part the documented events give: the search input block, the search, its result, the client call. */
  const expectedParts = (blocks: Record<string, unknown>[]): StreamPart[] => {
    const [search, found, client] = blocks as Array<{ id: string; name: string; input: unknown }>;
    const searchInput = JSON.stringify(search!.input);
    const clientInput = JSON.stringify(client!.input);
    return [
      { type: 'tool-input-start', id: search!.id, toolName: search!.name, providerExecuted: true },
      { type: 'tool-input-delta', id: search!.id, delta: searchInput },
      { type: 'tool-input-end', id: search!.id },
      {
        type: 'tool-call',
        toolCallId: search!.id,
        toolName: search!.name,
        input: searchInput,
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: search!.id,
        toolName: search!.name,
        output: { type: 'json', value: (found as unknown as { content: JSONValue }).content },
        providerExecuted: true,
        providerMetadata: { anthropic: { block: found as unknown as JSONValue } },
      },
      { type: 'tool-input-start', id: client!.id, toolName: 'get_weather' },
      { type: 'tool-input-delta', id: client!.id, delta: clientInput },
      { type: 'tool-input-end', id: client!.id },
      { type: 'tool-call', toolCallId: client!.id, toolName: 'get_weather', input: clientInput },
    ];
  };

  it.each([
    ['regex', toolSearchBlocks],
    ['bm25', toolSearchBm25Blocks],
  ])('streams every part of a %s search and its tool references, then the client call', async (_, blocks) => {
    const parts = await stream(blocks, { stopReason: 'tool_use' });
    expect(parts.filter((part) => part.type !== 'finish')).toEqual(expectedParts(blocks));
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
    const generated = await generate(blocks, { stop_reason: 'tool_use' });
    expect(streamedContent(parts)).toEqual(generated.content);
    expect(generated.warnings).toEqual([]);
  });
});

describe('Anthropic compaction', () => {
  const reasoning = {
    type: 'reasoning',
    text: 'The user asked about Rome; we found three facts.',
    providerMetadata: { anthropic: { compaction: true } },
  };

  it('maps a compaction block to reasoning marked compaction and sums usage over the iterations', async () => {
    const result = await generate(compactionBlocks, { usage: compactionUsage });
    expect(result.content).toEqual([reasoning, { type: 'text', text: 'Continuing from the summary.' }]);
    expect(result.usage).toMatchObject({ inputTokens: 203000, outputTokens: 4500, totalTokens: 207500 });
    expect(result.providerMetadata).toEqual({ anthropic: { iterations: compactionUsage.iterations } });
  });

  it('streams the summary from compaction_delta and counts the iterations of message_delta', async () => {
    const parts = await stream(compactionBlocks, { usage: compactionUsage });
    expect(parts.slice(0, 3)).toEqual([
      { type: 'reasoning-start', id: '0' },
      { type: 'reasoning-delta', id: '0', delta: reasoning.text },
      { type: 'reasoning-end', id: '0', providerMetadata: reasoning.providerMetadata },
    ]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      usage: { inputTokens: 203000, outputTokens: 4500 },
      providerMetadata: { anthropic: { iterations: compactionUsage.iterations } },
    });
  });
});

describe('Anthropic blocks we do not know', () => {
  const future = { type: 'future_widget', payload: { a: 1 } };

  it('become a warning and stay in the provider metadata, never silence', async () => {
    const result = await generate([future, { type: 'text', text: 'ok' }]);
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ type: 'other', message: expect.stringContaining('future_widget') }),
    ]);
    expect(result.providerMetadata).toEqual({ anthropic: { unknownBlocks: [future] } });
    const parts = await stream([future, { type: 'text', text: 'ok' }]);
    expect(parts[0]).toEqual({ type: 'warnings', warnings: result.warnings });
    expect(parts.at(-1)).toMatchObject({ providerMetadata: { anthropic: { unknownBlocks: [future] } } });
  });

  it('still round-trip a server tool result type added later, by its _tool_result suffix', async () => {
    const blocks = [
      { type: 'server_tool_use', id: 'srvtoolu_x', name: 'new_tool', input: {} },
      {
        type: 'new_tool_tool_result',
        tool_use_id: 'srvtoolu_x',
        content: { type: 'new_tool_result', value: 1 },
      },
    ];
    const result = await generate(blocks);
    expect(result.warnings).toEqual([]);
    expect(result.content[1]).toEqual({
      type: 'tool-result',
      toolCallId: 'srvtoolu_x',
      toolName: 'new_tool',
      output: { type: 'json', value: { type: 'new_tool_result', value: 1 } },
      providerExecuted: true,
      providerMetadata: { anthropic: { block: blocks[1] } },
    });
  });
});
