import { describe, expect, it } from 'vitest';
import { approve, createAgent, tool } from '../../src/agent/index.js';
import {
  type ApplyPatchOperation,
  createOpenAI,
  openaiTools,
  shellOutput,
} from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { userMessage } from '../../src/spec/message.js';
import {
  applyPatchCall,
  codeInterpreterCall,
  compactionItem,
  customToolCall,
  imageCall,
  localShellCall,
  mcpApprovalRequest,
  mcpCall,
  message,
  parallelCall,
  responsesBody,
  responsesStream,
  shellCall,
} from './fixtures/openai-fixtures.js';
import { queuedFetch, sseResponse } from './wire-kit.js';

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
const done = () => Response.json(responsesBody([message('msg_done', 'Done.')]));

function modelOn(...responses: Array<() => Response>) {
  const { fetch, requests } = queuedFetch(...responses);
  return { model: createOpenAI({ apiKey: 'test-key', fetch }).responses('gpt-5'), requests };
}

const input = (request: { body: Record<string, unknown> }) => request.body.input as unknown[];

describe('an OpenAI Responses agent with hosted tools', () => {
  it('sends the code interpreter item back unchanged with the function call and its output', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([codeInterpreterCall, weatherCall])),
      done,
    );
    await createAgent(model, { tools: [weather], providerTools: [openaiTools.codeInterpreter()] }).generate({
      prompt: 'Go',
    });
    expect(input(requests[1]!)).toEqual([
      userItem,
      codeInterpreterCall,
      { type: 'function_call', call_id: 'call_w', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call_output', call_id: 'call_w', output: 'Sunny in Rome' },
    ]);
  });

  it('refers to hosted items by id when the response was stored', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([codeInterpreterCall, weatherCall])),
      done,
    );
    await createAgent(model, {
      tools: [weather],
      providerTools: [openaiTools.codeInterpreter()],
      providerOptions: { openai: { store: true } },
    }).generate({ prompt: 'Go' });
    expect(input(requests[1]!).slice(1, 2)).toEqual([{ type: 'item_reference', id: 'ci_01' }]);
  });

  it('streams an image generation and sends its item back with the result, not the partial images', async () => {
    const { model, requests } = modelOn(
      () => sseResponse(responsesStream([imageCall, weatherCall])),
      () => sseResponse(responsesStream([message('msg_done', 'Done.')])),
    );
    const run = await createAgent(model, {
      tools: [weather],
      providerTools: [openaiTools.imageGeneration()],
    }).stream({
      prompt: 'Go',
    });
    await run.result;
    expect(input(requests[1]!).slice(1, 2)).toEqual([imageCall]);
  });

  it('answers an MCP approval request with mcp_approval_response, after the request item', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([mcpApprovalRequest])),
      () =>
        Response.json(
          responsesBody([{ ...mcpCall, approval_request_id: 'mcpr_01' }, message('msg_done', 'Deleted.')]),
        ),
    );
    const agent = createAgent(model, {
      providerTools: [openaiTools.mcp({ serverLabel: 'docs', serverUrl: 'https://mcp.example.com/mcp' })],
    });
    const prompt = [userMessage('Go')];
    const first = await agent.generate({ messages: prompt });
    expect(first.pendingApprovals).toEqual([
      expect.objectContaining({ approvalId: 'mcpr_01', providerExecuted: true }),
    ]);
    const answers = first.pendingApprovals.map((request) => approve(request));
    const second = await agent.generate({ messages: [...prompt, ...first.messages, ...answers] });
    expect(input(requests[1]!)).toEqual([
      userItem,
      mcpApprovalRequest,
      { type: 'mcp_approval_response', approval_request_id: 'mcpr_01', approve: true },
    ]);
    expect(second.response.content).toContainEqual(
      expect.objectContaining({ type: 'tool-result', toolName: 'search' }),
    );
  });

  it('sends a compaction item back as received', async () => {
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([compactionItem, weatherCall])),
      done,
    );
    await createAgent(model, { tools: [weather] }).generate({ prompt: 'Go' });
    expect(input(requests[1]!).slice(1, 2)).toEqual([compactionItem]);
  });

  it('runs the calls of a multi_tool_use.parallel wrapper and answers each', async () => {
    const { model, requests } = modelOn(() => Response.json(responsesBody([parallelCall])), done);
    await createAgent(model, { tools: [weather] }).generate({ prompt: 'Go' });
    expect(input(requests[1]!).slice(1)).toEqual([
      { type: 'function_call', call_id: 'call_par_0', name: 'get_weather', arguments: '{"city":"Rome"}' },
      { type: 'function_call', call_id: 'call_par_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
      { type: 'function_call_output', call_id: 'call_par_0', output: 'Sunny in Rome' },
      { type: 'function_call_output', call_id: 'call_par_1', output: 'Sunny in Paris' },
    ]);
  });
});

describe('an OpenAI Responses agent with client-executed tools', () => {
  it('runs shell, local shell, apply_patch and custom calls in their executors and answers in their output types', async () => {
    const seen: unknown[] = [];
    const shell = openaiTools.shell(({ commands }) => {
      seen.push(commands);
      return shellOutput([{ stdout: 'a.txt\n', stderr: '', exitCode: 0 }]);
    });
    const localShell = openaiTools.localShell(({ command }) => {
      seen.push(command);
      return 'total 0';
    });
    const applyPatch = openaiTools.applyPatch((operation: ApplyPatchOperation) => {
      seen.push(operation.path);
      return `created ${operation.path}`;
    });
    const sql = openaiTools.custom({
      name: 'sql',
      execute: (text) => {
        seen.push(text);
        return '1';
      },
    });
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([shellCall, localShellCall, applyPatchCall, customToolCall])),
      done,
    );
    await createAgent(model, { providerTools: [shell, localShell, applyPatch, sql] }).generate({
      prompt: 'Go',
    });
    expect(seen).toEqual([['ls'], ['ls', '-la'], 'hello.txt', 'SELECT 1']);
    expect(input(requests[1]!).slice(1)).toEqual([
      shellCall,
      localShellCall,
      applyPatchCall,
      customToolCall,
      {
        type: 'shell_call_output',
        call_id: 'call_sh',
        output: [{ stdout: 'a.txt\n', stderr: '', outcome: { type: 'exit', exit_code: 0 } }],
        max_output_length: 4096,
      },
      { type: 'local_shell_call_output', call_id: 'call_lsh', output: 'total 0' },
      {
        type: 'apply_patch_call_output',
        call_id: 'call_ap',
        status: 'completed',
        output: 'created hello.txt',
      },
      { type: 'custom_tool_call_output', call_id: 'call_ct', output: '1' },
    ]);
  });

  it('reports a failed patch as failed and a plain-text shell answer as stdout', async () => {
    const shell = openaiTools.shell(() => 'plain output');
    const applyPatch = openaiTools.applyPatch(() => {
      throw new Error('no such file');
    });
    const { model, requests } = modelOn(
      () => Response.json(responsesBody([shellCall, applyPatchCall])),
      done,
    );
    await createAgent(model, { providerTools: [shell, applyPatch] }).generate({ prompt: 'Go' });
    const outputs = input(requests[1]!).slice(3);
    expect(outputs[0]).toEqual({
      type: 'shell_call_output',
      call_id: 'call_sh',
      output: [{ stdout: 'plain output', stderr: '', outcome: { type: 'exit', exit_code: 0 } }],
      max_output_length: 4096,
    });
    expect(outputs[1]).toMatchObject({
      type: 'apply_patch_call_output',
      call_id: 'call_ap',
      status: 'failed',
    });
  });
});
