import { describe, expect, it, vi } from 'vitest';
import {
  deferred,
  finishPart,
  toolCall,
  toolCallParts,
  valueTool,
} from '../../test/support/agent-fixtures.js';
import { InvalidToolCallError } from '../errors/invalid-tool-call-error.js';
import { type Content, type ToolCallContent, toolCallsOf, toolResultsOf } from '../spec/content.js';
import type { GenerateResult } from '../spec/generate-result.js';
import type { ProviderDefinedTool } from '../spec/tool.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentResult } from './agent-result.js';
import { createAgent } from './create-agent.js';
import { executableProviderTool } from './executable-provider-tool.js';
import { tool } from './tool.js';
import { imageResponse, mediaResponse, withResponseMetadata } from './tool-response.js';

const webSearch: ProviderDefinedTool = {
  type: 'provider-defined',
  id: 'test.web_search',
  name: 'web_search',
  args: {},
};
const codeExecution: ProviderDefinedTool = {
  type: 'provider-defined',
  id: 'test.code_execution',
  name: 'code_execution',
  args: {},
};
const computerDefinition: ProviderDefinedTool = {
  type: 'provider-defined',
  id: 'test.computer',
  name: 'computer',
  args: { width: 1024 },
};
const done: Partial<GenerateResult> = { content: [{ type: 'text', text: 'done' }] };

function callingModel(...calls: ToolCallContent[]) {
  return new MockLanguageModel({ generate: [{ content: calls, finishReason: 'tool-calls' }, done] });
}

function firstCall(result: AgentResult): ToolCallContent | undefined {
  return toolCallsOf(result.steps[0]?.content ?? [])[0];
}

function firstResult(result: AgentResult) {
  return toolResultsOf(result.steps[0]?.content ?? [])[0];
}

describe('tool selection', () => {
  it('sends only the active tools, as function tools', async () => {
    const model = new MockLanguageModel({ generate: done });
    await createAgent(model, { tools: [valueTool('tool1'), valueTool('tool2')] }).generate({
      prompt: 'Hi',
      activeTools: ['tool1'],
    });
    expect(model.calls[0]?.tools).toEqual([
      expect.objectContaining({ type: 'function', name: 'tool1', description: 'The tool1 tool' }),
    ]);
  });

  it('filters provider tools too and sends function tools first', async () => {
    const model = new MockLanguageModel({ generate: done });
    const agent = createAgent(model, {
      tools: [valueTool('tool1')],
      providerTools: [webSearch, codeExecution],
    });
    await agent.generate({ prompt: 'Hi', activeTools: ['web_search', 'tool1'] });
    expect(model.calls[0]?.tools?.map((sent) => sent.name)).toEqual(['tool1', 'web_search']);
  });

  it('passes a provider-defined tool through unchanged', async () => {
    const model = new MockLanguageModel({ generate: done });
    await createAgent(model, { providerTools: [webSearch] }).generate({ prompt: 'Hi' });
    expect(model.calls[0]?.tools).toEqual([webSearch]);
  });

  it('sends an executable provider tool as its provider definition', async () => {
    const model = new MockLanguageModel({ generate: done });
    const computer = executableProviderTool(computerDefinition, () => 'ok');
    await createAgent(model, { providerTools: [computer] }).generate({ prompt: 'Hi' });
    expect(model.calls[0]?.tools).toEqual([computerDefinition]);
  });

  it('sends no tools when the active tools match none', async () => {
    const model = new MockLanguageModel({ generate: done });
    const computer = executableProviderTool(computerDefinition, () => 'ok');
    await createAgent(model, { providerTools: [computer] }).generate({
      prompt: 'Hi',
      activeTools: ['other'],
    });
    expect(model.calls[0]?.tools).toEqual([]);
  });
});

describe('tool-call validation and repair', () => {
  it('runs a valid call and leaves it valid', async () => {
    const tool1 = valueTool('tool1');
    const result = await createAgent(callingModel(toolCall('1', 'tool1', '{"value":"x"}')), {
      tools: [tool1],
    }).generate({ prompt: 'Hi' });
    expect(firstCall(result)?.invalid).toBeUndefined();
    expect(tool1.inputs).toEqual([{ value: 'x' }]);
  });

  it('marks a call missing a required parameter invalid and answers it with the error', async () => {
    const tool1 = valueTool('tool1');
    const model = callingModel(toolCall('1', 'tool1', '{"other":"x"}'));
    const result = await createAgent(model, { tools: [tool1] }).generate({ prompt: 'Hi' });
    const call = firstCall(result);
    expect(call?.invalid).toBe(true);
    expect(call?.validationError).toBeInstanceOf(InvalidToolCallError);
    expect(call?.validationError?.message).toContain('missing required parameter: value');
    expect(firstResult(result)?.output).toEqual({
      type: 'error',
      error: 'missing required parameter: value',
    });
    expect(tool1.inputs).toEqual([]);
    expect(model.calls).toHaveLength(2);
  });

  it('validates the whole input against the tool schema', async () => {
    const tool1 = valueTool('tool1');
    const result = await createAgent(callingModel(toolCall('1', 'tool1', '{"value":42}')), {
      tools: [tool1],
    }).generate({
      prompt: 'Hi',
    });
    expect(firstCall(result)?.invalid).toBe(true);
    expect(firstCall(result)?.validationError?.message).toMatch(/^invalid input: \/value: /);
    expect(tool1.inputs).toEqual([]);
  });

  it('uses the repaired call returned by the repair function', async () => {
    const tool1 = valueTool('tool1');
    const agent = createAgent(callingModel(toolCall('1', 'tool1', '{}')), {
      tools: [tool1],
      repairToolCall: ({ originalToolCall, validationError, availableTools }) => {
        expect(validationError.message).toContain('missing required parameter: value');
        expect(availableTools.map((available) => available.name)).toEqual(['tool1']);
        return { ...originalToolCall, input: '{"value": "repaired"}' };
      },
    });
    const result = await agent.generate({ prompt: 'Hi' });
    expect(firstCall(result)).toMatchObject({ input: '{"value": "repaired"}' });
    expect(firstCall(result)?.invalid).toBeUndefined();
    expect(tool1.inputs).toEqual([{ value: 'repaired' }]);
  });

  it('keeps the original error when the repair function throws', async () => {
    const agent = createAgent(callingModel(toolCall('1', 'tool1', '{}')), {
      tools: [valueTool('tool1')],
      repairToolCall: () => {
        throw new Error('repair failed');
      },
    });
    const result = await agent.generate({ prompt: 'Hi' });
    expect(firstCall(result)?.invalid).toBe(true);
    expect(firstCall(result)?.validationError?.message).toBe('missing required parameter: value');
  });

  it('prefers the call repair function over the agent one', async () => {
    const agent = createAgent(callingModel(toolCall('1', 'tool1', '{}')), {
      tools: [valueTool('tool1')],
      repairToolCall: () => null,
    });
    const result = await agent.generate({
      prompt: 'Hi',
      repairToolCall: ({ originalToolCall }) => ({ ...originalToolCall, input: '{"value":"call"}' }),
    });
    expect(firstCall(result)?.input).toBe('{"value":"call"}');
  });

  it('marks a call to an unknown tool invalid and lists the available tools', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'nonexistent_tool', '{}')), {
      tools: [valueTool('tool1')],
    }).generate({ prompt: 'Hi' });
    expect(firstCall(result)?.validationError?.message).toBe(
      'tool not found: nonexistent_tool. Available tools: tool1',
    );
  });

  it('marks unparseable input invalid even after the default repair', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'tool1', '{invalid json}')), {
      tools: [valueTool('tool1')],
    }).generate({ prompt: 'Hi' });
    expect(firstCall(result)?.invalid).toBe(true);
    expect(firstCall(result)?.validationError?.message).toContain('invalid JSON input');
    expect(firstCall(result)?.input).toBe('{invalid json}');
  });

  it('repairs broken JSON with repairJson when there is no repair function', async () => {
    const tool1 = valueTool('tool1');
    const result = await createAgent(callingModel(toolCall('1', 'tool1', "{'value': 'x',}")), {
      tools: [tool1],
    }).generate({ prompt: 'Hi' });
    expect(firstCall(result)?.invalid).toBeUndefined();
    expect(firstCall(result)?.input).toBe('{"value":"x"}');
    expect(tool1.inputs).toEqual([{ value: 'x' }]);
  });

  it('answers a call to a provider tool excluded by active tools with tool not found and goes on', async () => {
    let runs = 0;
    const computer = executableProviderTool(computerDefinition, () => {
      runs++;
      return 'clicked';
    });
    const model = callingModel(toolCall('1', 'computer', '{"action":"click"}'));
    const result = await createAgent(model, { providerTools: [computer] }).generate({
      prompt: 'Hi',
      activeTools: ['other'],
    });
    expect(runs).toBe(0);
    expect(firstResult(result)?.output).toMatchObject({
      type: 'error',
      error: expect.stringContaining('tool not found'),
    });
    expect(model.calls).toHaveLength(2);
  });

  it('checks only that executable provider tool input is a JSON object', async () => {
    const inputs: unknown[] = [];
    const computer = executableProviderTool(computerDefinition, (input) => {
      inputs.push(input);
      return 'ok';
    });
    const model = callingModel(
      toolCall('1', 'computer', '{"anything":1}'),
      toolCall('2', 'computer', 'not-json'),
    );
    const result = await createAgent(model, { providerTools: [computer] }).generate({ prompt: 'Hi' });
    const calls = toolCallsOf(result.steps[0]?.content ?? []);
    expect(calls[0]?.invalid).toBeUndefined();
    expect(calls[1]?.validationError?.message).toContain('invalid JSON');
    expect(inputs).toEqual([{ anything: 1 }]);
  });

  it('treats a blank input as an empty object', async () => {
    const ping = tool({
      name: 'ping',
      description: 'Ping',
      inputSchema: { type: 'object' },
      execute: () => 'pong',
    });
    const result = await createAgent(callingModel(toolCall('1', 'ping', '')), { tools: [ping] }).generate({
      prompt: 'Hi',
    });
    expect(firstResult(result)?.output).toEqual({ type: 'text', text: 'pong' });
  });

  it('does not run a function tool that the step did not offer', async () => {
    const tool1 = valueTool('tool1');
    const result = await createAgent(callingModel(toolCall('1', 'tool1', '{"value":"x"}')), {
      tools: [tool1, valueTool('tool2')],
    }).generate({ prompt: 'Hi', activeTools: ['tool2'] });
    expect(tool1.inputs).toEqual([]);
    expect(firstCall(result)?.validationError?.message).toBe('tool not found: tool1. Available tools: tool2');
  });
});

describe('tool results and media', () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
  const mediaTool = (respond: () => ReturnType<typeof imageResponse>) =>
    tool({ name: 'media', description: 'Media', inputSchema: { type: 'object' }, execute: respond });

  it('sends an image response as base64 media and a longer prompt on the next call', async () => {
    const model = callingModel(toolCall('1', 'media', '{}'));
    const result = await createAgent(model, {
      tools: [mediaTool(() => imageResponse(bytes, 'image/png'))],
    }).generate({
      prompt: 'Hi',
    });
    expect(firstResult(result)?.output).toEqual({ type: 'media', data: 'iVBORw==', mediaType: 'image/png' });
    expect(model.calls[1]?.prompt.length).toBeGreaterThan(model.calls[0]?.prompt.length ?? 0);
  });

  it('sends a media response as base64 media', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'media', '{}')), {
      tools: [mediaTool(() => mediaResponse(bytes, 'audio/wav'))],
    }).generate({ prompt: 'Hi' });
    expect(firstResult(result)?.output).toEqual({ type: 'media', data: 'iVBORw==', mediaType: 'audio/wav' });
  });

  it('uses the content of an image response as its caption', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'media', '{}')), {
      tools: [mediaTool(() => ({ ...imageResponse(bytes, 'image/png'), content: 'a chart' }))],
    }).generate({ prompt: 'Hi' });
    expect(firstResult(result)?.output).toMatchObject({ type: 'media', text: 'a chart' });
  });

  it('keeps response metadata as client metadata', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'media', '{}')), {
      tools: [
        mediaTool(() => withResponseMetadata(imageResponse(bytes, 'image/png'), { width: 800, height: 600 })),
      ],
    }).generate({ prompt: 'Hi' });
    expect(firstResult(result)?.clientMetadata).toBe('{"width":800,"height":600}');
  });

  it('runs an executable provider tool and converts its image to base64 media', async () => {
    const computer = executableProviderTool(computerDefinition, () => imageResponse(bytes, 'image/png'));
    const result = await createAgent(callingModel(toolCall('c1', 'computer', '{}')), {
      providerTools: [computer],
    }).generate({ prompt: 'Hi' });
    expect(firstResult(result)).toEqual({
      type: 'tool-result',
      toolCallId: 'c1',
      toolName: 'computer',
      output: { type: 'media', data: 'iVBORw==', mediaType: 'image/png' },
    });
  });

  it('runs an executable provider tool in a streamed run too', async () => {
    const computer = executableProviderTool(computerDefinition, () => 'screenshot taken');
    const model = new MockLanguageModel({
      stream: [[...toolCallParts('c1', 'computer', '{}'), finishPart('tool-calls')], [finishPart('stop')]],
    });
    const run = await createAgent(model, { providerTools: [computer] }).stream({ prompt: 'Hi' });
    const result = await run.result;
    expect(firstResult(result)).toMatchObject({
      toolCallId: 'c1',
      toolName: 'computer',
      output: { type: 'text', text: 'screenshot taken' },
    });
  });

  it('turns a throwing tool into an error result naming the tool, and the run goes on', async () => {
    const broken = tool({
      name: 'broken',
      description: 'Breaks',
      inputSchema: { type: 'object' },
      execute: () => {
        throw new Error('kaboom');
      },
    });
    const model = callingModel(toolCall('1', 'broken', '{}'));
    const result = await createAgent(model, { tools: [broken] }).generate({ prompt: 'Hi' });
    expect(firstResult(result)?.output).toEqual({ type: 'error', error: 'tool "broken" failed: kaboom' });
    expect(result.steps).toHaveLength(2);
  });

  it('turns a throwing parallel tool into an error result too', async () => {
    const broken = tool({
      name: 'broken',
      description: 'Breaks',
      inputSchema: { type: 'object' },
      parallel: true,
      execute: async () => {
        throw new Error('async kaboom');
      },
    });
    const result = await createAgent(callingModel(toolCall('1', 'broken', '{}')), {
      tools: [broken],
    }).generate({
      prompt: 'Hi',
    });
    expect(firstResult(result)?.output).toEqual({
      type: 'error',
      error: 'tool "broken" failed: async kaboom',
    });
  });
});

describe('tool execution order', () => {
  function trackingTool(name: string, parallel: boolean, log: string[], gate?: Promise<void>) {
    let running = 0;
    const stats = { maxRunning: 0 };
    const created = tool({
      name,
      description: name,
      inputSchema: { type: 'object', properties: { n: { type: 'number' } } },
      parallel,
      execute: async (input) => {
        const n = (input as { n: number }).n;
        running++;
        stats.maxRunning = Math.max(stats.maxRunning, running);
        log.push(`start ${name} ${n}`);
        await (gate ?? Promise.resolve());
        await new Promise((resolve) => setTimeout(resolve, 10 - n));
        running--;
        log.push(`end ${name} ${n}`);
        return `${name} ${n}`;
      },
    });
    return Object.assign(created, { stats });
  }

  const calls = (name: string, count: number): Content[] =>
    Array.from({ length: count }, (_, n) => toolCall(`${name}-${n}`, name, `{"n":${n}}`));

  it('runs sequential tools one after the other in call order', async () => {
    const log: string[] = [];
    const sequential = trackingTool('seq', false, log);
    const model = new MockLanguageModel({
      generate: [{ content: calls('seq', 3), finishReason: 'tool-calls' }, done],
    });
    await createAgent(model, { tools: [sequential] }).generate({ prompt: 'Hi' });
    expect(log).toEqual(['start seq 0', 'end seq 0', 'start seq 1', 'end seq 1', 'start seq 2', 'end seq 2']);
  });

  it('runs parallel tools at most 5 at once and records results in call order', async () => {
    const log: string[] = [];
    const parallel = trackingTool('par', true, log);
    const model = new MockLanguageModel({
      generate: [{ content: calls('par', 8), finishReason: 'tool-calls' }, done],
    });
    const result = await createAgent(model, { tools: [parallel] }).generate({ prompt: 'Hi' });
    expect(parallel.stats.maxRunning).toBe(5);
    const results = toolResultsOf(result.steps[0]?.content ?? []);
    expect(results.map((toolResult) => toolResult.toolCallId)).toEqual(
      calls('par', 8).map((call) => (call as ToolCallContent).toolCallId),
    );
  });

  it('runs parallel tools concurrently in a streamed run as well', async () => {
    const log: string[] = [];
    const gate = deferred();
    const parallel = trackingTool('par', true, log, gate.promise);
    const parts = calls('par', 3).map((call) => call as ToolCallContent);
    const model = new MockLanguageModel({
      stream: [[...parts, finishPart('tool-calls')], [finishPart('stop')]],
    });
    const run = await createAgent(model, { tools: [parallel] }).stream({
      prompt: 'Hi',
      onToolCall: () => void log.push('call'),
    });
    const result = run.result;
    await vi.waitFor(() => expect(log).toHaveLength(6));
    expect(log).toEqual(['call', 'call', 'call', 'start par 0', 'start par 1', 'start par 2']);
    gate.resolve();
    await result;
    expect(parallel.stats.maxRunning).toBe(3);
  });
});
