import { describe, expect, it } from 'vitest';
import {
  anthropicTools,
  createAnthropic,
  createVertexAnthropic,
} from '../../src/providers/anthropic/index.js';
import { createBedrock } from '../../src/providers/bedrock/index.js';
import type { CallOptions } from '../../src/spec/call-options.js';
import { anthropicMessage } from './fixtures/anthropic-fixtures.js';
import { queuedFetch } from './wire-kit.js';

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Go' }] }];

async function send(call: Partial<CallOptions>) {
  const { fetch, requests } = queuedFetch(() =>
    Response.json(anthropicMessage([{ type: 'text', text: 'ok' }])),
  );
  const result = await createAnthropic({ apiKey: 'test-key', fetch })
    .languageModel('claude-sonnet-4-5')
    .generate({ prompt, ...call });
  return { request: requests[0]!, warnings: result.warnings };
}

describe('Anthropic provider tool definitions', () => {
  it('sends web fetch with its options and the web fetch beta', async () => {
    const { request, warnings } = await send({
      tools: [
        anthropicTools.webFetch({
          maxUses: 3,
          allowedDomains: ['example.com'],
          citations: true,
          maxContentTokens: 5000,
        }),
      ],
    });
    expect(warnings).toEqual([]);
    expect(request.body.tools).toEqual([
      {
        type: 'web_fetch_20250910',
        name: 'web_fetch',
        max_uses: 3,
        allowed_domains: ['example.com'],
        citations: { enabled: true },
        max_content_tokens: 5000,
      },
    ]);
    expect(request.headers.get('anthropic-beta')).toBe('web-fetch-2025-09-10');
    expect(request.url).toBe('https://api.anthropic.com/v1/messages?beta=true');
  });

  it('refuses web fetch with both allowed and blocked domains, with a warning', async () => {
    const { request, warnings } = await send({
      tools: [anthropicTools.webFetch({ allowedDomains: ['a.com'], blockedDomains: ['b.com'] })],
    });
    expect(request.body.tools).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'unsupported-tool', details: expect.stringContaining('not both') }),
    ]);
  });

  it('sends code execution with its beta, per version', async () => {
    const current = await send({ tools: [anthropicTools.codeExecution()] });
    expect(current.request.body.tools).toEqual([{ type: 'code_execution_20250825', name: 'code_execution' }]);
    expect(current.request.headers.get('anthropic-beta')).toBe('code-execution-2025-08-25');
    const python = await send({
      tools: [anthropicTools.codeExecution({ version: 'code_execution_20250522' })],
    });
    expect(python.request.headers.get('anthropic-beta')).toBe('code-execution-2025-05-22');
  });

  it('reuses a container given as an option', async () => {
    const { request } = await send({
      tools: [anthropicTools.codeExecution()],
      providerOptions: { anthropic: { container: 'container_011CQ' } },
    });
    expect(request.body.container).toBe('container_011CQ');
  });

  it('sends the MCP connector as mcp_servers plus an mcp_toolset, with the MCP client beta', async () => {
    const { request } = await send({
      tools: [
        anthropicTools.mcpToolset({
          serverName: 'docs',
          url: 'https://mcp.example.com/mcp',
          authorizationToken: 'oauth-test-token',
          allowedTools: ['search_docs'],
        }),
      ],
    });
    expect(request.body.mcp_servers).toEqual([
      {
        type: 'url',
        url: 'https://mcp.example.com/mcp',
        name: 'docs',
        authorization_token: 'oauth-test-token',
      },
    ]);
    expect(request.body.tools).toEqual([
      {
        type: 'mcp_toolset',
        mcp_server_name: 'docs',
        default_config: { enabled: false },
        configs: { search_docs: { enabled: true } },
      },
    ]);
    expect(request.headers.get('anthropic-beta')).toBe('mcp-client-2025-11-20');
  });

  it('sends tool search with deferred function tools and the advanced tool use beta', async () => {
    const { request } = await send({
      tools: [
        anthropicTools.toolSearch('bm25'),
        {
          type: 'function',
          name: 'get_weather',
          description: 'Weather',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
          providerOptions: { anthropic: { deferLoading: true } },
        },
      ],
    });
    expect(request.body.tools).toEqual([
      { type: 'tool_search_tool_bm25_20251119', name: 'tool_search_tool_bm25' },
      {
        name: 'get_weather',
        description: 'Weather',
        input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: [] },
        defer_loading: true,
      },
    ]);
    expect(request.headers.get('anthropic-beta')).toBe('advanced-tool-use-2025-11-20');
    const regex = await send({ tools: [anthropicTools.toolSearch()] });
    expect(regex.request.body.tools).toEqual([
      { type: 'tool_search_tool_regex_20251119', name: 'tool_search_tool_regex' },
    ]);
  });

  it('sends function tools code may call (programmatic tool calling) with allowed_callers', async () => {
    const { request } = await send({
      tools: [
        anthropicTools.codeExecution(),
        {
          type: 'function',
          name: 'get_weather',
          description: 'Weather',
          inputSchema: { type: 'object', properties: {} },
          providerOptions: { anthropic: { allowedCallers: ['code_execution_20250825'] } },
        },
      ],
    });
    expect((request.body.tools as unknown[])[1]).toMatchObject({
      allowed_callers: ['code_execution_20250825'],
    });
    expect(request.headers.get('anthropic-beta')).toBe(
      'code-execution-2025-08-25,advanced-tool-use-2025-11-20',
    );
  });

  it('sends the memory tool with the context management beta', async () => {
    const { request } = await send({ tools: [anthropicTools.memoryDefinition()] });
    expect(request.body.tools).toEqual([{ type: 'memory_20250818', name: 'memory' }]);
    expect(request.headers.get('anthropic-beta')).toBe('context-management-2025-06-27');
  });

  it('asks for compaction with its trigger and the compaction beta', async () => {
    const { request } = await send({
      providerOptions: { anthropic: { compaction: { triggerTokens: 100000, pauseAfterCompaction: true } } },
    });
    expect(request.body.context_management).toEqual({
      edits: [
        {
          type: 'compact_20260112',
          trigger: { type: 'input_tokens', value: 100000 },
          pause_after_compaction: true,
        },
      ],
    });
    expect(request.headers.get('anthropic-beta')).toBe('compact-2026-01-12');
  });

  it('puts the beta flags in the body on Bedrock and in the header on Vertex', async () => {
    const bedrockFetch = queuedFetch(() => Response.json(anthropicMessage([{ type: 'text', text: 'ok' }])));
    await createBedrock({ apiKey: 'test-bedrock-key', region: 'us-east-1', fetch: bedrockFetch.fetch })
      .languageModel('us.anthropic.claude-sonnet-4-5-v1:0')
      .generate({ prompt, tools: [anthropicTools.webFetch()] });
    expect(bedrockFetch.requests[0]!.body.anthropic_beta).toEqual(['web-fetch-2025-09-10']);
    const vertexFetch = queuedFetch(() => Response.json(anthropicMessage([{ type: 'text', text: 'ok' }])));
    await createVertexAnthropic({
      project: 'p',
      location: 'us-east5',
      accessToken: 'test-token',
      fetch: vertexFetch.fetch,
    })
      .languageModel('claude-sonnet-4-5')
      .generate({ prompt, tools: [anthropicTools.codeExecution()] });
    expect(vertexFetch.requests[0]!.headers.get('anthropic-beta')).toBe('code-execution-2025-08-25');
    expect(vertexFetch.requests[0]!.body.tools).toEqual([
      { type: 'code_execution_20250825', name: 'code_execution' },
    ]);
  });
});
