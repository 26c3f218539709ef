import { describe, expect, it } from 'vitest';
import { createOpenAI, openaiTools } from '../../src/providers/openai/index.js';
import type { Content } from '../../src/spec/content.js';
import type { JSONValue } from '../../src/spec/json-value.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import {
  applyPatchCall,
  codeInterpreterCall,
  codeInterpreterImagesCall,
  compactionItem,
  containerCitation,
  customToolCall,
  fileSearchCall,
  imageCall,
  localShellCall,
  mcpApprovalRequest,
  mcpCall,
  mcpListTools,
  message,
  parallelCall,
  partialBase64,
  pngBytes,
  responsesBody,
  responsesStream,
  shellCall,
} from './fixtures/openai-fixtures.js';
import { collect, queuedFetch, sseResponse } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];

function model(response: () => Response) {
  const { fetch } = queuedFetch(response);
  return createOpenAI({ apiKey: 'test-key', fetch }).responses('gpt-5');
}

// The custom tool `sql` is declared: custom tool calls of undeclared names ran at the server.
const tools = [openaiTools.custom({ name: 'sql', execute: () => '' }).definition];
const generate = (output: unknown[]) =>
  model(() => Response.json(responsesBody(output))).generate({ prompt, tools });
const stream = async (output: Record<string, unknown>[]) =>
  collect(await model(() => sseResponse(responsesStream(output))).stream({ prompt, tools }));

/** What a stream commits as content (calls, results, files, sources, approvals), in order. */
function committed(parts: StreamPart[]): StreamPart[] {
  return parts.filter((part) =>
    ['tool-call', 'tool-result', 'file', 'source', 'tool-approval-request'].includes(part.type),
  );
}

/** The typed result each hosted item type reports, as the Responses reference describes the item. */
function typedResult(item: Record<string, unknown>): JSONValue {
  const results: Record<string, JSONValue> = {
    code_interpreter_call: { outputs: item.outputs as JSONValue },
    file_search_call: { results: item.results as JSONValue },
    image_generation_call: { revised_prompt: item.revised_prompt as JSONValue },
    mcp_call: { output: item.output as JSONValue, error: (item.error ?? null) as JSONValue },
    mcp_list_tools: { tools: item.tools as JSONValue },
  };
  return results[item.type as string] ?? null;
}

function hostedPair(
  item: Record<string, unknown>,
  toolName: string,
  input: unknown,
  extra: Content[] = [],
): Content[] {
  const id = item.id as string;
  const serverLabel = typeof item.server_label === 'string' ? { serverLabel: item.server_label } : {};
  return [
    {
      type: 'tool-call',
      toolCallId: id,
      toolName,
      input: JSON.stringify(input),
      providerExecuted: true,
      providerMetadata: { openai: { itemId: id, ...serverLabel } },
    },
    ...extra,
    {
      type: 'tool-result',
      toolCallId: id,
      toolName,
      output: { type: 'json', value: typedResult(item) },
      providerExecuted: true,
      providerMetadata: { openai: { itemId: id, item } },
    },
  ];
}

describe('OpenAI code interpreter', () => {
  const expected = hostedPair(codeInterpreterCall, 'code_interpreter', {
    code: 'print(6*7)',
    container_id: 'cntr_01',
  });
  const fileSource = {
    type: 'source',
    sourceType: 'document',
    id: 'cfile_01',
    mediaType: 'application/octet-stream',
    title: 'chart.png',
    filename: 'chart.png',
    providerMetadata: { openai: { fileId: 'cfile_01', containerId: 'cntr_01' } },
  };

  it('maps the call with its code and container, the item in the result, and output file citations', async () => {
    const result = await generate([
      codeInterpreterCall,
      message('msg_1', 'Chart saved.', [containerCitation]),
    ]);
    expect(result.content).toEqual([...expected, { type: 'text', text: 'Chart saved.' }, fileSource]);
    expect(result.finishReason).toBe('stop');
  });

  it('streams the same call and result inside one provider-executed input block', async () => {
    const parts = await stream([codeInterpreterCall]);
    expect(parts.slice(0, 4)).toEqual([
      { type: 'tool-input-start', id: 'ci_01', toolName: 'code_interpreter', providerExecuted: true },
      { type: 'tool-input-end', id: 'ci_01' },
      ...expected,
    ]);
  });
});

describe('OpenAI code interpreter images', () => {
  const metadata = { providerMetadata: { openai: { itemId: 'ci_02', containerId: 'cntr_01' } } };
  const expected = hostedPair(
    codeInterpreterImagesCall,
    'code_interpreter',
    {
      code: 'plot()',
      container_id: 'cntr_01',
    },
    [
      { type: 'file', mediaType: 'image/png', data: pngBytes, ...metadata },
      {
        type: 'source',
        sourceType: 'url',
        id: 'https://files.example.com/cntr_01/plot.png',
        url: 'https://files.example.com/cntr_01/plot.png',
        ...metadata,
      },
    ],
  );

  it('makes an inline image output a file with its bytes and a hosted one a url source', async () => {
    expect((await generate([codeInterpreterImagesCall])).content).toEqual(expected);
  });

  it('streams the same file and source between the call and its result', async () => {
    expect(committed(await stream([codeInterpreterImagesCall]))).toEqual(expected);
  });
});

describe('OpenAI file search', () => {
  const expected = hostedPair(fileSearchCall, 'file_search', { queries: ['founding of rome'] });

  it('maps the queries as input and keeps the scored results in the result item', async () => {
    const result = await generate([fileSearchCall]);
    expect(result.content).toEqual(expected);
    expect(
      (result.content[1] as unknown as { providerMetadata: { openai: { item: typeof fileSearchCall } } })
        .providerMetadata.openai.item.results[0]!.score,
    ).toBe(0.91);
    expect(committed(await stream([fileSearchCall]))).toEqual(expected);
  });
});

describe('OpenAI image generation', () => {
  const image = {
    type: 'file',
    mediaType: 'image/png',
    data: pngBytes,
    providerMetadata: { openai: { itemId: 'ig_01' } },
  };
  const expected = hostedPair(imageCall, 'image_generation', {}, [image as Content]);

  it('maps the final image to a file part between the call and its result', async () => {
    expect((await generate([imageCall])).content).toEqual(expected);
  });

  it('streams partial images as file parts marked with their index, then the final image', async () => {
    const parts = committed(await stream([imageCall]));
    expect(parts).toEqual([
      {
        type: 'file',
        mediaType: 'image/png',
        data: new Uint8Array(Buffer.from(partialBase64, 'base64')),
        providerMetadata: { openai: { itemId: 'ig_01', partialImageIndex: 0 } },
      },
      ...expected,
    ]);
  });
});

describe('OpenAI remote MCP', () => {
  const approval = {
    type: 'tool-approval-request',
    approvalId: 'mcpr_01',
    toolCallId: 'mcpr_01',
    toolName: 'delete_page',
    input: '{"page":3}',
    providerExecuted: true,
    providerMetadata: { openai: { itemId: 'mcpr_01', serverLabel: 'docs', item: mcpApprovalRequest } },
  };
  const expected = [
    ...hostedPair(mcpListTools, 'mcp_list_tools', { server_label: 'docs' }),
    ...hostedPair(mcpCall, 'search', { q: 'streaming' }),
    approval,
  ];

  it('maps the tool listing and a call as provider-executed pairs and an approval request as a request part', async () => {
    const result = await generate([mcpListTools, mcpCall, mcpApprovalRequest]);
    expect(result.content).toEqual(expected);
    expect(result.finishReason).toBe('stop');
  });

  it('streams the same parts', async () => {
    expect(committed(await stream([mcpListTools, mcpCall, mcpApprovalRequest]))).toEqual(expected);
  });

  it('marks a failed MCP call on its result', async () => {
    const failed = { ...mcpCall, error: { type: 'tool_execution_error', message: 'boom' } };
    const result = await generate([failed]);
    expect(result.content[1]).toMatchObject({ providerMetadata: { openai: { isError: true } } });
  });
});

describe('OpenAI client-executed tools', () => {
  const clientCall = (item: Record<string, unknown>, toolName: string, input: unknown): Content => ({
    type: 'tool-call',
    toolCallId: item.call_id as string,
    toolName,
    input: JSON.stringify(input),
    providerMetadata: { openai: { itemId: item.id as string, itemType: item.type as string, item } },
  });
  const items = [shellCall, localShellCall, applyPatchCall, customToolCall];
  const expected = [
    clientCall(shellCall, 'shell', shellCall.action),
    clientCall(localShellCall, 'local_shell', localShellCall.action),
    clientCall(applyPatchCall, 'apply_patch', applyPatchCall.operation),
    clientCall(customToolCall, 'sql', { input: 'SELECT 1' }),
  ];

  it('maps shell, local shell, apply_patch and custom calls to calls for the executor, finishing with tool-calls', async () => {
    const result = await generate(items);
    expect(result.content).toEqual(expected);
    expect(result.finishReason).toBe('tool-calls');
  });

  it('streams each as an input block and the call', async () => {
    const parts = await stream(items);
    expect(parts[0]).toEqual({ type: 'tool-input-start', id: 'call_sh', toolName: 'shell' });
    expect(committed(parts)).toEqual(expected);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: 'tool-calls' });
  });
});

describe('the multi_tool_use.parallel wrapper', () => {
  const expected = [
    { type: 'tool-call', toolCallId: 'call_par_0', toolName: 'get_weather', input: '{"city":"Rome"}' },
    { type: 'tool-call', toolCallId: 'call_par_1', toolName: 'get_weather', input: '{"city":"Paris"}' },
  ];

  it('is expanded into the calls it holds', async () => {
    expect((await generate([parallelCall])).content).toEqual(expected);
    const parts = await stream([parallelCall]);
    expect(committed(parts)).toEqual(expected);
    expect(parts.filter((part) => part.type === 'tool-input-start').map((part) => part.id)).toEqual([
      'call_par',
      'call_par_0',
      'call_par_1',
    ]);
  });
});

describe('OpenAI compaction and unknown items', () => {
  const compaction = {
    type: 'reasoning',
    text: '',
    providerMetadata: { openai: { itemId: 'cmp_01', itemType: 'compaction', item: compactionItem } },
  };

  it('keeps a compaction item as reasoning that carries it', async () => {
    expect((await generate([compactionItem])).content).toEqual([compaction]);
    const parts = await stream([compactionItem]);
    expect(parts.slice(0, 2)).toEqual([
      { type: 'reasoning-start', id: 'cmp_01' },
      { type: 'reasoning-end', id: 'cmp_01', providerMetadata: compaction.providerMetadata },
    ]);
  });

  it('warns about an item type it does not know and keeps it in the metadata', async () => {
    const future = { id: 'fut_01', type: 'future_call', payload: 1 };
    const result = await generate([future, message('msg_1', 'ok')]);
    expect(result.content).toEqual([{ type: 'text', text: 'ok' }]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ message: expect.stringContaining('future_call') }),
    ]);
    expect(result.providerMetadata).toEqual({ openai: { responseId: 'resp_01', unknownItems: [future] } });
    const parts = await stream([future, message('msg_1', 'ok')]);
    expect(parts).toContainEqual({ type: 'warnings', warnings: result.warnings });
    expect(parts.at(-1)).toMatchObject({ providerMetadata: { openai: { unknownItems: [future] } } });
  });
});
