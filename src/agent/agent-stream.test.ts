import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { reasoningTextOf, sourcesOf, textOf, toolCallsOf, toolResultsOf } from '../spec/content.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentStreamCall, AgentStreamCallbacks } from './agent-stream-part.js';
import { createAgent } from './create-agent.js';

const hookNames = [
  'onAgentStart',
  'onStepStart',
  'onChunk',
  'onWarnings',
  'onTextStart',
  'onTextDelta',
  'onTextEnd',
  'onReasoningStart',
  'onReasoningDelta',
  'onReasoningEnd',
  'onToolInputStart',
  'onToolInputDelta',
  'onToolInputEnd',
  'onToolCall',
  'onToolResult',
  'onSource',
  'onStreamFinish',
  'onStepFinish',
  'onError',
  'onFinish',
  'onAgentFinish',
] as const satisfies readonly (keyof AgentStreamCallbacks)[];

/** Callbacks that log `name(args)` for every hook. */
function recordingCallbacks(): { log: string[]; callbacks: AgentStreamCallbacks } {
  const log: string[] = [];
  const callbacks: AgentStreamCallbacks = {};
  for (const name of hookNames) {
    callbacks[name] = (...args: unknown[]) => {
      const shown =
        name === 'onChunk' ? (args[0] as StreamPart).type : args.filter((a) => typeof a !== 'object');
      log.push(`${name}(${String(shown)})`);
    };
  }
  return { log, callbacks };
}

async function runStream(streams: StreamPart[][], call: AgentStreamCall = {}, tools = [valueTool('echo')]) {
  const model = new MockLanguageModel({ stream: streams });
  const run = await createAgent(model, { tools }).stream({ prompt: 'Hi', ...call });
  return { model, result: await run.result };
}

describe('agent.stream: callbacks', () => {
  it('fires every hook in stream order, and neither onError nor tool hooks without a tool-call part', async () => {
    const { log, callbacks } = recordingCallbacks();
    await runStream(
      [
        [
          { type: 'warnings', warnings: [{ type: 'other', message: 'careful' }] },
          ...textParts('t1', 'Hi'),
          { type: 'reasoning-start', id: 'r1' },
          { type: 'reasoning-delta', id: 'r1', delta: 'hmm' },
          { type: 'reasoning-end', id: 'r1' },
          { type: 'tool-input-start', id: 'x1', toolName: 'echo' },
          { type: 'tool-input-delta', id: 'x1', delta: '{}' },
          { type: 'tool-input-end', id: 'x1' },
          { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com' },
          finishPart('stop', { totalTokens: 3 }),
        ],
      ],
      callbacks,
    );
    expect(log).toEqual([
      'onAgentStart()',
      'onStepStart(0)',
      'onChunk(warnings)',
      'onWarnings()',
      'onChunk(text-start)',
      'onTextStart(t1)',
      'onChunk(text-delta)',
      'onTextDelta(t1,Hi)',
      'onChunk(text-end)',
      'onTextEnd(t1)',
      'onChunk(reasoning-start)',
      'onReasoningStart(r1)',
      'onChunk(reasoning-delta)',
      'onReasoningDelta(r1,hmm)',
      'onChunk(reasoning-end)',
      'onReasoningEnd(r1)',
      'onChunk(tool-input-start)',
      'onToolInputStart(x1,echo)',
      'onChunk(tool-input-delta)',
      'onToolInputDelta(x1,{})',
      'onChunk(tool-input-end)',
      'onToolInputEnd(x1)',
      'onChunk(source)',
      'onSource()',
      'onChunk(finish)',
      'onStreamFinish()',
      'onStepFinish()',
      'onFinish()',
      'onAgentFinish()',
    ]);
  });

  it('reports the tool flow: input block, full call, result, then a second step', async () => {
    const { log, callbacks } = recordingCallbacks();
    const calls: string[] = [];
    const results: string[] = [];
    const { result } = await runStream(
      [
        [
          { type: 'tool-input-start', id: 'tool-1', toolName: 'echo' },
          { type: 'tool-input-delta', id: 'tool-1', delta: '{"value":' },
          { type: 'tool-input-delta', id: 'tool-1', delta: '"hi"}' },
          { type: 'tool-input-end', id: 'tool-1' },
          { type: 'tool-call', toolCallId: 'tool-1', toolName: 'echo', input: '{"value":"hi"}' },
          finishPart('tool-calls'),
        ],
        [...textParts('t', 'bye'), finishPart('stop')],
      ],
      {
        ...callbacks,
        onToolCall: (call) => void calls.push(call.input),
        onToolResult: (toolResult) => void results.push(toolResult.toolName),
      },
    );
    expect(log.filter((entry) => entry.startsWith('onToolInput'))).toEqual([
      'onToolInputStart(tool-1,echo)',
      'onToolInputDelta(tool-1,{"value":)',
      'onToolInputDelta(tool-1,"hi"})',
      'onToolInputEnd(tool-1)',
    ]);
    expect(calls).toEqual(['{"value":"hi"}']);
    expect(results).toEqual(['echo']);
    expect(result.steps).toHaveLength(2);
    expect(toolCallsOf(result.steps[0]?.content ?? [])).toHaveLength(1);
    expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.output).toEqual({
      type: 'text',
      text: 'echo: hi',
    });
  });

  it('fires every onToolCall before any onToolResult', async () => {
    const order: string[] = [];
    const { model } = await runStream(
      [
        [
          ...toolCallParts('a', 'echo', '{"value":"1"}'),
          ...toolCallParts('b', 'echo', '{"value":"2"}'),
          finishPart('tool-calls'),
        ],
        [finishPart('stop')],
      ],
      {
        onToolCall: (call) => void order.push(`call ${call.toolCallId}`),
        onToolResult: (toolResult) => void order.push(`result ${toolResult.toolCallId}`),
      },
    );
    expect(order).toEqual(['call a', 'call b', 'result a', 'result b']);
    expect(model.calls).toHaveLength(2);
  });

  it('delivers text deltas one at a time and sums usage', async () => {
    const deltas: string[] = [];
    const { result } = await runStream(
      [[...textParts('t', 'Hello', ', ', 'world!'), finishPart('stop', { totalTokens: 13 })]],
      {
        onTextDelta: (_id, delta) => void deltas.push(delta),
      },
    );
    expect(deltas).toEqual(['Hello', ', ', 'world!']);
    expect(textOf(result.response.content)).toBe('Hello, world!');
    expect(result.totalUsage.totalTokens).toBe(13);
  });

  it('keeps reasoning and text apart, with the reasoning metadata of the end part', async () => {
    const signature = { anthropic: { signature: 'sig' } };
    const ends: unknown[] = [];
    const { result } = await runStream(
      [
        [
          { type: 'reasoning-start', id: 'r', providerMetadata: { anthropic: { signature: '' } } },
          { type: 'reasoning-delta', id: 'r', delta: 'Let me ' },
          { type: 'reasoning-delta', id: 'r', delta: 'think.' },
          { type: 'reasoning-end', id: 'r', providerMetadata: signature },
          ...textParts('t', 'Answer'),
          finishPart('stop'),
        ],
      ],
      { onReasoningEnd: (_id, reasoning) => void ends.push(reasoning) },
    );
    expect(reasoningTextOf(result.response.content)).toBe('Let me think.');
    expect(textOf(result.response.content)).toBe('Answer');
    expect(ends).toEqual([{ type: 'reasoning', text: 'Let me think.', providerMetadata: signature }]);
  });

  it('forwards parts of blocks that never started without storing them', async () => {
    const { log, callbacks } = recordingCallbacks();
    const { result } = await runStream(
      [
        [
          { type: 'text-delta', id: 'ghost', delta: 'boo' },
          { type: 'text-end', id: 'ghost' },
          { type: 'reasoning-end', id: 'ghost' },
          finishPart('stop'),
        ],
      ],
      callbacks,
    );
    expect(log).toContain('onTextDelta(ghost,boo)');
    expect(log).toContain('onTextEnd(ghost)');
    expect(log).not.toContain('onReasoningEnd(ghost)');
    expect(result.response.content).toEqual([]);
  });

  it('rejects with an in-band error part, calls onError and skips the finish hooks', async () => {
    const { log, callbacks } = recordingCallbacks();
    const errors: unknown[] = [];
    const model = new MockLanguageModel({
      stream: [...textParts('t', 'partial'), { type: 'error', error: new Error('mock stream error') }],
    });
    const run = await createAgent(model).stream({
      prompt: 'Hi',
      ...callbacks,
      onError: (error) => void errors.push(error),
    });
    await expect(run.result).rejects.toThrow('mock stream error');
    expect(errors).toEqual([new Error('mock stream error')]);
    expect(log).not.toContain('onFinish()');
    expect(log).not.toContain('onStepFinish()');
  });

  it('delivers url and document sources through onSource and keeps them in the response', async () => {
    const sources: unknown[] = [];
    const url = {
      type: 'source' as const,
      sourceType: 'url' as const,
      id: 's1',
      url: 'https://example.com',
      title: 'Example',
    };
    const documentSource = {
      type: 'source' as const,
      sourceType: 'document' as const,
      id: 's2',
      title: 'Spec',
      mediaType: 'application/pdf',
      filename: 'spec.pdf',
    };
    const { result } = await runStream([[url, documentSource, finishPart('stop')]], {
      onSource: (source) => void sources.push(source),
    });
    expect(sources).toEqual([url, documentSource]);
    expect(sourcesOf(result.response.content)).toEqual([url, documentSource]);
  });

  it('passes the user agent on streamed calls, and none when unset', async () => {
    const model = new MockLanguageModel({ stream: [finishPart('stop')] });
    await (await createAgent(model, { userAgent: 'my-app/2.0' }).stream({ prompt: 'Hi' })).result;
    await (await createAgent(model).stream({ prompt: 'Hi' })).result;
    expect(model.calls[0]?.userAgent).toBe('my-app/2.0');
    expect(model.calls[1]).not.toHaveProperty('userAgent');
  });

  it('shows a call that failed validation as invalid in onToolCall and answers it with an error', async () => {
    const calls: unknown[] = [];
    const { result } = await runStream(
      [[...toolCallParts('a', 'echo', '{"nope":1}'), finishPart('tool-calls')], [finishPart('stop')]],
      { onToolCall: (call) => void calls.push(call.invalid) },
    );
    expect(calls).toEqual([true]);
    expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.output).toEqual({
      type: 'error',
      error: 'missing required parameter: value',
    });
  });

  it('repairs a streamed call with the call repair function', async () => {
    const { result } = await runStream(
      [[...toolCallParts('a', 'echo', '{}'), finishPart('tool-calls')], [finishPart('stop')]],
      { repairToolCall: ({ originalToolCall }) => ({ ...originalToolCall, input: '{"value":"fixed"}' }) },
    );
    expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.output).toEqual({
      type: 'text',
      text: 'echo: fixed',
    });
  });

  it('finishes a stream that never sent finish with reason unknown', async () => {
    const { result } = await runStream([textParts('t', 'cut')]);
    expect(result.response.finishReason).toBe('unknown');
    expect(textOf(result.response.content)).toBe('cut');
  });

  it('fails the run when a hook throws, and reports it to onError', async () => {
    const failure = new Error('hook broke');
    const errors: unknown[] = [];
    const model = new MockLanguageModel({ stream: [...textParts('t', 'x'), finishPart('stop')] });
    const run = await createAgent(model).stream({
      prompt: 'Hi',
      onTextDelta: () => {
        throw failure;
      },
      onError: (error) => void errors.push(error),
    });
    await expect(run.result).rejects.toBe(failure);
    expect(errors).toEqual([failure]);
  });

  it('awaits async hooks before handing on the next part', async () => {
    const order: string[] = [];
    await runStream([[...textParts('t', 'a', 'b'), finishPart('stop')]], {
      onTextDelta: async (_id, delta) => {
        order.push(`start ${delta}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`end ${delta}`);
      },
    });
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('rejects an unusable prompt before any hook fires', async () => {
    const { log, callbacks } = recordingCallbacks();
    const agent = createAgent(new MockLanguageModel({ stream: [finishPart('stop')] }));
    await expect(agent.stream({ ...callbacks })).rejects.toThrow(
      "prompt can't be empty when there are no messages",
    );
    expect(log).toEqual([]);
  });
});
