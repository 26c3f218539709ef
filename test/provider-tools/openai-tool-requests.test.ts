import { describe, expect, it } from 'vitest';
import { createAzure } from '../../src/providers/azure/index.js';
import { createOpenAI, openaiTools } from '../../src/providers/openai/index.js';
import type { CallOptions } from '../../src/spec/call-options.js';
import { message, responsesBody } from './fixtures/openai-fixtures.js';
import { queuedFetch } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];
const noop = () => 'ok';

async function send(call: Partial<CallOptions>) {
  const { fetch, requests } = queuedFetch(() => Response.json(responsesBody([message('msg_1', 'ok')])));
  const result = await createOpenAI({ apiKey: 'test-key', fetch })
    .responses('gpt-5')
    .generate({ prompt, ...call });
  return { body: requests[0]!.body, warnings: result.warnings };
}

describe('OpenAI Responses tool definitions', () => {
  it('sends the hosted tools with their options', async () => {
    const { body, warnings } = await send({
      tools: [
        openaiTools.codeInterpreter({ container: { fileIds: ['file_1'], memoryLimit: '4g' } }),
        openaiTools.codeInterpreter({ container: 'cntr_01' }),
        openaiTools.fileSearch({
          vectorStoreIds: ['vs_1'],
          maxNumResults: 5,
          ranking: { ranker: 'auto', scoreThreshold: 0.5 },
        }),
        openaiTools.imageGeneration({
          partialImages: 2,
          quality: 'low',
          size: '1024x1024',
          outputFormat: 'webp',
        }),
        openaiTools.toolSearch(),
      ],
    });
    expect(warnings).toEqual([]);
    expect(body.tools).toEqual([
      { type: 'code_interpreter', container: { type: 'auto', file_ids: ['file_1'], memory_limit: '4g' } },
      { type: 'code_interpreter', container: 'cntr_01' },
      {
        type: 'file_search',
        vector_store_ids: ['vs_1'],
        max_num_results: 5,
        ranking_options: { ranker: 'auto', score_threshold: 0.5 },
      },
      {
        type: 'image_generation',
        partial_images: 2,
        quality: 'low',
        size: '1024x1024',
        output_format: 'webp',
      },
      { type: 'tool_search' },
    ]);
  });

  it('asks for file search results with scores through include', async () => {
    const { body } = await send({
      tools: [openaiTools.fileSearch({ vectorStoreIds: ['vs_1'] })],
      providerOptions: { openai: { include: ['file_search_call.results'] } },
    });
    expect(body.include).toEqual(['file_search_call.results']);
  });

  it('sends a remote MCP server with its approval policy', async () => {
    const { body } = await send({
      tools: [
        openaiTools.mcp({
          serverLabel: 'docs',
          serverUrl: 'https://mcp.example.com/mcp',
          authorization: 'oauth-test-token',
          allowedTools: ['search'],
          requireApproval: { never: ['search'] },
        }),
      ],
    });
    expect(body.tools).toEqual([
      {
        type: 'mcp',
        server_label: 'docs',
        server_url: 'https://mcp.example.com/mcp',
        authorization: 'oauth-test-token',
        allowed_tools: ['search'],
        require_approval: { never: { tool_names: ['search'] } },
      },
    ]);
  });

  it('sends the client tools: shell, local shell, apply_patch and a grammar-constrained custom tool', async () => {
    const { body } = await send({
      tools: [
        openaiTools.shell(noop).definition,
        openaiTools.localShell(noop).definition,
        openaiTools.applyPatch(noop).definition,
        openaiTools.custom({
          name: 'sql',
          description: 'Runs SQL',
          format: { type: 'grammar', syntax: 'lark', definition: 'start: "SELECT" /.+/' },
          execute: noop,
        }).definition,
      ],
    });
    expect(body.tools).toEqual([
      { type: 'shell' },
      { type: 'local_shell' },
      { type: 'apply_patch' },
      {
        type: 'custom',
        name: 'sql',
        description: 'Runs SQL',
        format: { type: 'grammar', syntax: 'lark', definition: 'start: "SELECT" /.+/' },
      },
    ]);
  });

  it('marks function tools the model finds through tool search as deferred', async () => {
    const { body } = await send({
      tools: [
        openaiTools.toolSearch(),
        {
          type: 'function',
          name: 'get_weather',
          description: 'Weather',
          inputSchema: { type: 'object', properties: {} },
          providerOptions: { openai: { deferLoading: true } },
        },
      ],
    });
    expect((body.tools as unknown[])[1]).toMatchObject({
      type: 'function',
      name: 'get_weather',
      defer_loading: true,
    });
  });

  it('sends the same tools on Azure Responses', async () => {
    const { fetch, requests } = queuedFetch(() => Response.json(responsesBody([message('msg_1', 'ok')])));
    const azure = createAzure({ resourceName: 'res', apiKey: 'test-azure-key', fetch });
    await azure.responses('gpt-5').generate({ prompt, tools: [azure.tools.codeInterpreter()] });
    expect(requests[0]!.url).toBe('https://res.openai.azure.com/openai/v1/responses');
    expect(requests[0]!.body.tools).toEqual([{ type: 'code_interpreter', container: { type: 'auto' } }]);
  });
});
