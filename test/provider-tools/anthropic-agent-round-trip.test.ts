import { describe, expect, it } from 'vitest';
import { createAgent, tool } from '../../src/agent/index.js';
import { anthropicTools, createAnthropic, type MemoryCommand } from '../../src/providers/anthropic/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import {
  anthropicMessage,
  anthropicStream,
  codeExecutionBlocks,
  compactionBlocks,
  container,
  mcpBlocks,
  programmaticBlocks,
  toolSearchBlocks,
  toolSearchBm25Blocks,
  webFetchBlocks,
} from './fixtures/anthropic-fixtures.js';
import { queuedFetch, sseResponse } from './wire-kit.js';

const weatherDefinition = {
  name: 'get_weather',
  description: 'Weather in a city',
  inputSchema: jsonSchema<{ city: string }>({
    type: 'object',
    properties: { city: { type: 'string' } },
    required: ['city'],
  }),
  execute: ({ city }: { city: string }) => `Sunny in ${city}`,
};
const weather = tool(weatherDefinition);

const weatherCall = { type: 'tool_use', id: 'toolu_01w', name: 'get_weather', input: { city: 'Rome' } };
const done = () => Response.json(anthropicMessage([{ type: 'text', text: 'Done.' }]));

function agentOn(...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  const model = createAnthropic({ apiKey: 'test-key', fetch }).languageModel('claude-sonnet-4-5');
  return { model, requests };
}

/** The second request's messages: the user prompt, then what the agent sent back. */
function history(requests: Array<{ body: Record<string, unknown> }>) {
  return requests[1]!.body.messages as Array<{ role: string; content: unknown[] }>;
}

describe('an Anthropic agent with server tools', () => {
  it('sends the web fetch call and its exact result block back with the client call (generate)', async () => {
    const { model, requests } = agentOn(
      () =>
        Response.json(
          anthropicMessage([...webFetchBlocks.slice(0, 2), weatherCall], { stop_reason: 'tool_use' }),
        ),
      done,
    );
    const agent = createAgent(model, { tools: [weather], providerTools: [anthropicTools.webFetch()] });
    await agent.generate({ prompt: 'Fetch and check the weather' });
    expect(history(requests).slice(1)).toEqual([
      { role: 'assistant', content: [webFetchBlocks[0], webFetchBlocks[1], weatherCall] },
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

  it('does the same when streaming', async () => {
    const { model, requests } = agentOn(
      () =>
        sseResponse(
          anthropicStream([...webFetchBlocks.slice(0, 2), weatherCall], { stopReason: 'tool_use' }),
          { named: true },
        ),
      () => sseResponse(anthropicStream([{ type: 'text', text: 'Done.' }]), { named: true }),
    );
    const agent = createAgent(model, { tools: [weather], providerTools: [anthropicTools.webFetch()] });
    const run = await agent.stream({ prompt: 'Fetch and check the weather' });
    await run.result;
    expect(history(requests)[1]).toEqual({
      role: 'assistant',
      content: [webFetchBlocks[0], webFetchBlocks[1], weatherCall],
    });
  });

  it('sends code execution results back and reuses their container', async () => {
    const { model, requests } = agentOn(
      () =>
        Response.json(
          anthropicMessage([...codeExecutionBlocks.slice(0, 2), weatherCall], {
            stop_reason: 'tool_use',
            container,
          }),
        ),
      done,
    );
    const agent = createAgent(model, { tools: [weather], providerTools: [anthropicTools.codeExecution()] });
    const result = await agent.generate({ prompt: 'Compute' });
    expect(result.steps[0]!.messages[0]!.providerOptions).toEqual({ anthropic: { container } });
    expect(history(requests)[1]!.content).toEqual([
      codeExecutionBlocks[0],
      codeExecutionBlocks[1],
      weatherCall,
    ]);
    expect(requests[1]!.body.container).toBe(container.id);
  });

  it('reuses the container a stream reports only in its final message_delta', async () => {
    const { model, requests } = agentOn(
      () =>
        sseResponse(
          anthropicStream([...codeExecutionBlocks.slice(0, 2), weatherCall], {
            stopReason: 'tool_use',
            delta: { container },
          }),
          { named: true },
        ),
      () => sseResponse(anthropicStream([{ type: 'text', text: 'Done.' }]), { named: true }),
    );
    const agent = createAgent(model, { tools: [weather], providerTools: [anthropicTools.codeExecution()] });
    const run = await agent.stream({ prompt: 'Compute' });
    const result = await run.result;
    expect(requests[0]!.body.container).toBeUndefined();
    expect(requests[1]!.body.container).toBe(container.id);
    expect(history(requests)[1]!.content).toEqual([
      codeExecutionBlocks[0],
      codeExecutionBlocks[1],
      weatherCall,
    ]);
    expect(result.steps[0]!.messages[0]!.providerOptions).toEqual({ anthropic: { container } });
  });

  it('reuses the container of the previous turn when the history holds only the message metadata', async () => {
    const { model, requests } = agentOn(done);
    const agent = createAgent(model, { providerTools: [anthropicTools.codeExecution()] });
    await agent.generate({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Compute' }] },
        {
          role: 'assistant',
          content: [{ type: 'text', text: 'Computed.' }],
          providerOptions: { anthropic: { container } },
        },
        { role: 'user', content: [{ type: 'text', text: 'Again, same sandbox' }] },
      ],
    });
    expect(requests[0]!.body.container).toBe(container.id);
  });

  it('answers programmatic tool calls of a non-streamed response, keeping caller and container', async () => {
    const { model, requests } = agentOn(
      () => Response.json(anthropicMessage(programmaticBlocks, { stop_reason: 'tool_use', container })),
      done,
    );
    const programmatic = tool({
      ...weatherDefinition,
      providerOptions: { anthropic: { allowedCallers: ['code_execution_20250825'] } },
    });
    const agent = createAgent(model, {
      tools: [programmatic],
      providerTools: [anthropicTools.codeExecution()],
    });
    const result = await agent.generate({ prompt: 'Weather via code' });
    expect(result.steps[0]!.content.filter((part) => part.type === 'tool-call')).toEqual([
      expect.objectContaining({ toolCallId: 'srvtoolu_01code', providerExecuted: true }),
      expect.objectContaining({
        toolCallId: 'toolu_01prog',
        toolName: 'get_weather',
        input: '{"city":"Rome"}',
      }),
    ]);
    expect(history(requests).slice(1)).toEqual([
      { role: 'assistant', content: programmaticBlocks },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_01prog',
            content: [{ type: 'text', text: 'Sunny in Rome' }],
          },
        ],
      },
    ]);
    expect(requests[1]!.body.container).toBe(container.id);
  });

  it('answers programmatic tool calls that arrive in message_start, keeping caller and container', async () => {
    const events = [
      {
        type: 'message_start',
        message: {
          id: 'msg_ptc',
          content: programmaticBlocks,
          stop_reason: 'tool_use',
          container,
          usage: { input_tokens: 40, output_tokens: 30 },
        },
      },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 30 } },
      { type: 'message_stop' },
    ];
    const { model, requests } = agentOn(
      () => sseResponse(events, { named: true }),
      () => sseResponse(anthropicStream([{ type: 'text', text: 'Sunny.' }]), { named: true }),
    );
    const programmatic = tool({
      ...weatherDefinition,
      providerOptions: { anthropic: { allowedCallers: ['code_execution_20250825'] } },
    });
    const agent = createAgent(model, {
      tools: [programmatic],
      providerTools: [anthropicTools.codeExecution()],
    });
    const run = await agent.stream({ prompt: 'Weather via code' });
    const result = await run.result;
    expect(result.steps[0]!.finishReason).toBe('tool-calls');
    expect(history(requests).slice(1)).toEqual([
      { role: 'assistant', content: programmaticBlocks },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_01prog',
            content: [{ type: 'text', text: 'Sunny in Rome' }],
          },
        ],
      },
    ]);
    expect(requests[1]!.body.container).toBe(container.id);
  });

  it('runs memory commands through the handler and sends its answer back', async () => {
    const commands: MemoryCommand[] = [];
    const memory = anthropicTools.memory((command) => {
      commands.push(command);
      return 'Directory: /memories (empty)';
    });
    const memoryCall = {
      type: 'tool_use',
      id: 'toolu_01mem',
      name: 'memory',
      input: { command: 'view', path: '/memories' },
    };
    const { model, requests } = agentOn(
      () => Response.json(anthropicMessage([memoryCall], { stop_reason: 'tool_use' })),
      done,
    );
    await createAgent(model, { providerTools: [memory] }).generate({ prompt: 'Remember' });
    expect(commands).toEqual([{ command: 'view', path: '/memories' }]);
    expect(requests[0]!.body.tools).toEqual([{ type: 'memory_20250818', name: 'memory' }]);
    expect(history(requests).slice(1)).toEqual([
      { role: 'assistant', content: [memoryCall] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'toolu_01mem',
            content: [{ type: 'text', text: 'Directory: /memories (empty)' }],
          },
        ],
      },
    ]);
  });

  it('sends MCP calls back as mcp_tool_use with their server and results unchanged', async () => {
    const { model, requests } = agentOn(
      () =>
        Response.json(anthropicMessage([...mcpBlocks.slice(0, 2), weatherCall], { stop_reason: 'tool_use' })),
      done,
    );
    const docs = anthropicTools.mcpToolset({ serverName: 'docs', url: 'https://mcp.example.com/mcp' });
    await createAgent(model, { tools: [weather], providerTools: [docs] }).generate({ prompt: 'Docs' });
    expect(history(requests)[1]!.content).toEqual([mcpBlocks[0], mcpBlocks[1], weatherCall]);
    expect(requests[1]!.body.mcp_servers).toEqual([
      { type: 'url', url: 'https://mcp.example.com/mcp', name: 'docs' },
    ]);
  });

  it('sends a compaction block back as compaction, even with sendReasoning off', async () => {
    const { model, requests } = agentOn(
      () => Response.json(anthropicMessage([...compactionBlocks, weatherCall], { stop_reason: 'tool_use' })),
      done,
    );
    await createAgent(model, {
      tools: [weather],
      providerOptions: { anthropic: { sendReasoning: false } },
    }).generate({
      prompt: 'Long task',
    });
    expect(history(requests)[1]!.content).toEqual([...compactionBlocks, weatherCall]);
  });

  it.each([
    ['regex', 'generate', toolSearchBlocks],
    ['bm25', 'stream', toolSearchBm25Blocks],
  ] as const)(
    'sends a %s tool search and its tool references back unchanged with the call they loaded (%s)',
    async (variant, mode, blocks) => {
      const client = blocks[2] as { id: string };
      const { model, requests } = agentOn(
        mode === 'generate'
          ? () => Response.json(anthropicMessage(blocks, { stop_reason: 'tool_use' }))
          : () => sseResponse(anthropicStream(blocks, { stopReason: 'tool_use' }), { named: true }),
        mode === 'generate'
          ? done
          : () => sseResponse(anthropicStream([{ type: 'text', text: 'Done.' }]), { named: true }),
      );
      const deferred = tool({ ...weatherDefinition, providerOptions: { anthropic: { deferLoading: true } } });
      const agent = createAgent(model, {
        tools: [deferred],
        providerTools: [anthropicTools.toolSearch(variant)],
      });
      if (mode === 'generate') await agent.generate({ prompt: 'Weather in Rome?' });
      else await (await agent.stream({ prompt: 'Weather in Rome?' })).result;
      expect(requests[0]!.body.tools).toEqual([
        expect.objectContaining({ name: 'get_weather', defer_loading: true }),
        { type: `tool_search_tool_${variant}_20251119`, name: `tool_search_tool_${variant}` },
      ]);
      expect(history(requests).slice(1)).toEqual([
        { role: 'assistant', content: blocks },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: client.id,
              content: [{ type: 'text', text: 'Sunny in Rome' }],
            },
          ],
        },
      ]);
      expect(requests[1]!.body.tools).toEqual(requests[0]!.body.tools);
    },
  );

  it('never sends a provider-executed call without its result', async () => {
    const { model, requests } = agentOn(
      () => Response.json(anthropicMessage([webFetchBlocks[0], weatherCall], { stop_reason: 'tool_use' })),
      done,
    );
    const result = await createAgent(model, {
      tools: [weather],
      providerTools: [anthropicTools.webFetch()],
    }).generate({
      prompt: 'Fetch',
    });
    expect(history(requests)[1]!.content).toEqual([weatherCall]);
    expect(result.steps[1]!.warnings).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('srvtoolu_01fetch (web_fetch) has no result'),
      }),
    ]);
  });
});
