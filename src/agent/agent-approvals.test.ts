import { describe, expect, it, vi } from 'vitest';
import { deferred, toolCall, valueTool } from '../../test/support/agent-fixtures.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import { type Content, toolResultsOf } from '../spec/content.js';
import type { GenerateResult } from '../spec/generate-result.js';
import { type Message, type ToolResultPart, userMessage } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';
import { tool } from './tool.js';
import { approvalResponse, approve, deny } from './tool-approval.js';

const done: Partial<GenerateResult> = { content: [{ type: 'text', text: 'done' }] };

function callingModel(...calls: Content[]) {
  return new MockLanguageModel({ generate: [{ content: calls, finishReason: 'tool-calls' }, done] });
}

/** Tools for the mixed step: one that never asks, one that always asks, one that asks unless the input is safe. */
function mixedTools() {
  return {
    read: valueTool('read'),
    remove: Object.assign(valueTool('remove'), { needsApproval: () => true }),
    send: Object.assign(valueTool('send'), {
      needsApproval: (input: unknown) => (input as { value: string }).value !== 'safe',
    }),
  };
}

function mixedCalls(): Content[] {
  return [
    toolCall('call-read', 'read', '{"value":"a"}'),
    toolCall('call-remove', 'remove', '{"value":"b"}'),
    toolCall('call-send-risky', 'send', '{"value":"risky"}'),
    toolCall('call-send-safe', 'send', '{"value":"safe"}'),
  ];
}

function toolResultParts(messages: readonly Message[]): ToolResultPart[] {
  return messages.flatMap((message) =>
    message.content.filter((part): part is ToolResultPart => part.type === 'tool-result'),
  );
}

describe('a step with calls that need approval', () => {
  it('runs the calls needing no approval and stops with a request for each other call', async () => {
    const tools = mixedTools();
    const model = callingModel(...mixedCalls());
    const agent = createAgent(model, { tools: Object.values(tools) });
    const result = await agent.generate({ prompt: 'Go' });

    expect(model.calls).toHaveLength(1);
    expect(result.steps).toHaveLength(1);
    expect(tools.read.inputs).toEqual([{ value: 'a' }]);
    expect(tools.send.inputs).toEqual([{ value: 'safe' }]);
    expect(tools.remove.inputs).toEqual([]);
    expect(result.pendingApprovals).toEqual([
      {
        type: 'tool-approval-request',
        approvalId: 'approval-call-remove',
        toolCallId: 'call-remove',
        toolName: 'remove',
        input: '{"value":"b"}',
      },
      {
        type: 'tool-approval-request',
        approvalId: 'approval-call-send-risky',
        toolCallId: 'call-send-risky',
        toolName: 'send',
        input: '{"value":"risky"}',
      },
    ]);
    expect(toolResultsOf(result.steps[0]?.content ?? []).map((part) => part.toolCallId)).toEqual([
      'call-read',
      'call-send-safe',
    ]);
  });

  it('puts the requests in the assistant message after the calls, and only the run results in the tool message', async () => {
    const agent = createAgent(callingModel(...mixedCalls()), { tools: Object.values(mixedTools()) });
    const { messages } = await agent.generate({ prompt: 'Go' });
    expect(messages.map((message) => message.role)).toEqual(['assistant', 'tool']);
    expect(messages[0]?.content.map((part) => part.type)).toEqual([
      'tool-call',
      'tool-call',
      'tool-call',
      'tool-call',
      'tool-approval-request',
      'tool-approval-request',
    ]);
    expect(messages[1]?.content.map((part) => part.type)).toEqual(['tool-result', 'tool-result']);
  });

  it('passes the validated input and the call id to needsApproval', async () => {
    const seen: unknown[] = [];
    const guarded = tool({
      name: 'guarded',
      description: 'Asks when the amount is large',
      inputSchema: jsonSchema<{ amount: number }>({
        type: 'object',
        properties: { amount: { type: 'number' } },
        required: ['amount'],
      }),
      needsApproval: async (input, options) => {
        seen.push([input.amount, options.toolCallId]);
        return input.amount > 100;
      },
      execute: ({ amount }) => `paid ${amount}`,
    });
    const model = callingModel(
      toolCall('small', 'guarded', '{"amount":5}'),
      toolCall('large', 'guarded', '{"amount":500}'),
    );
    const result = await createAgent(model, { tools: [guarded] }).generate({ prompt: 'Pay' });
    expect(seen).toEqual([
      [5, 'small'],
      [500, 'large'],
    ]);
    expect(result.pendingApprovals.map((request) => request.toolCallId)).toEqual(['large']);
  });

  it('never asks approval for an invalid call: it gets its validation error right away', async () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const model = callingModel(toolCall('bad', 'remove', '{"other":1}'));
    const result = await createAgent(model, { tools: [remove] }).generate({ prompt: 'Go' });
    expect(result.pendingApprovals).toEqual([]);
    expect(toolResultsOf(result.steps[0]?.content ?? [])[0]?.output?.type).toBe('error');
    expect(model.calls).toHaveLength(2);
  });

  it('ends with no pending approvals when no tool needs one', async () => {
    const result = await createAgent(callingModel(toolCall('1', 'read', '{"value":"a"}')), {
      tools: [valueTool('read')],
    }).generate({ prompt: 'Go' });
    expect(result.pendingApprovals).toEqual([]);
    expect(result.steps).toHaveLength(2);
  });
});

describe('resuming after approvals were answered', () => {
  async function pausedRun() {
    const tools = mixedTools();
    const model = callingModel(...mixedCalls());
    const agent = createAgent(model, { tools: Object.values(tools) });
    const prompt = [userMessage('Go')];
    const first = await agent.generate({ messages: prompt });
    return { tools, model, agent, prompt, first };
  }

  it('runs the approved call, answers the denied one with its reason, and calls the model once more', async () => {
    const { tools, model, agent, prompt, first } = await pausedRun();
    const [removal, risky] = first.pendingApprovals;
    if (removal === undefined || risky === undefined) throw new Error('expected two requests');
    const history = [...prompt, ...first.messages, approve(removal), deny(risky, 'not today')];
    const second = await agent.generate({ messages: history });

    expect(tools.remove.inputs).toEqual([{ value: 'b' }]);
    expect(tools.send.inputs).toEqual([{ value: 'safe' }]);
    expect(model.calls).toHaveLength(2);
    expect(second.pendingApprovals).toEqual([]);
    expect(second.response.content).toEqual([{ type: 'text', text: 'done' }]);
    const sent = model.calls[1]?.prompt ?? [];
    expect(toolResultParts(sent).map((part) => [part.toolCallId, part.output])).toEqual([
      ['call-read', { type: 'text', text: 'read: a' }],
      ['call-send-safe', { type: 'text', text: 'send: safe' }],
      ['call-remove', { type: 'text', text: 'remove: b' }],
      [
        'call-send-risky',
        { type: 'error', error: 'The tool call was denied and did not run. Reason: not today' },
      ],
    ]);
  });

  it('returns the resumed results first in messages, so the history can be continued', async () => {
    const { agent, prompt, first } = await pausedRun();
    const answers = first.pendingApprovals.map((request) => approve(request));
    const second = await agent.generate({ messages: [...prompt, ...first.messages, ...answers] });
    expect(second.messages.map((message) => message.role)).toEqual(['tool', 'assistant']);
    expect(toolResultParts(second.messages.slice(0, 1)).map((part) => part.toolCallId)).toEqual([
      'call-remove',
      'call-send-risky',
    ]);
    expect(second.steps[0]?.messages).toEqual(second.messages.slice(1));
  });

  it('accepts several answers in one tool message', async () => {
    const { tools, agent, prompt, first } = await pausedRun();
    const answers: Message = {
      role: 'tool',
      content: first.pendingApprovals.map((request, index) => approvalResponse(request, index === 0)),
    };
    await agent.generate({ messages: [...prompt, ...first.messages, answers] });
    expect(tools.remove.inputs).toEqual([{ value: 'b' }]);
    expect(tools.send.inputs).toEqual([{ value: 'safe' }]);
  });

  it('says it was denied without a reason when none is given', async () => {
    const { model, agent, prompt, first } = await pausedRun();
    const answers = first.pendingApprovals.map((request) => deny(request));
    await agent.generate({ messages: [...prompt, ...first.messages, ...answers] });
    const denied = toolResultParts(model.calls[1]?.prompt ?? []).at(-1);
    expect(denied?.output).toEqual({ type: 'error', error: 'The tool call was denied and did not run.' });
  });

  it('does not run an answered call again once its result is in the history', async () => {
    const { tools, agent, prompt, first } = await pausedRun();
    const answers = first.pendingApprovals.map((request) => approve(request));
    const history = [...prompt, ...first.messages, ...answers];
    const second = await agent.generate({ messages: history });
    const model = new MockLanguageModel({ generate: done });
    await createAgent(model, { tools: Object.values(tools) }).generate({
      messages: [...history, ...second.messages, userMessage('Thanks')],
    });
    expect(tools.remove.inputs).toEqual([{ value: 'b' }]);
  });

  it('validates the stored input again and answers an invalid one with an error', async () => {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const model = callingModel(toolCall('call-1', 'remove', '{"value":"b"}'));
    const agent = createAgent(model, { tools: [remove] });
    const first = await agent.generate({ prompt: 'Go' });
    const tampered = first.messages.map((message) => ({
      ...message,
      content: message.content.map((part) =>
        part.type === 'tool-approval-request' ? { ...part, input: '{"value":3}' } : part,
      ),
    }));
    const request = first.pendingApprovals[0];
    if (request === undefined) throw new Error('expected a request');
    const second = await agent.generate({ messages: [userMessage('Go'), ...tampered, approve(request)] });
    expect(remove.inputs).toEqual([]);
    const result = toolResultParts(second.messages)[0];
    expect(result?.output.type).toBe('error');
  });

  it('runs approved parallel tools concurrently', async () => {
    const gate = deferred();
    let running = 0;
    let maxRunning = 0;
    const slow = tool({
      name: 'slow',
      description: 'Waits for the gate',
      inputSchema: { type: 'object', properties: {} },
      parallel: true,
      needsApproval: true,
      execute: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running--;
        return 'ok';
      },
    });
    const model = callingModel(toolCall('p1', 'slow', '{}'), toolCall('p2', 'slow', '{}'));
    const agent = createAgent(model, { tools: [slow] });
    const first = await agent.generate({ prompt: 'Go' });
    expect(first.pendingApprovals).toHaveLength(2);
    const answers = first.pendingApprovals.map((request) => approve(request));
    const second = agent.generate({ messages: [userMessage('Go'), ...first.messages, ...answers] });
    await vi.waitFor(() => expect(running).toBe(2));
    gate.resolve();
    await second;
    expect(maxRunning).toBe(2);
  });
});

describe('histories the agent refuses to continue', () => {
  async function paused() {
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const agent = createAgent(callingModel(toolCall('call-1', 'remove', '{"value":"b"}')), {
      tools: [remove],
    });
    const first = await agent.generate({ prompt: 'Go' });
    const request = first.pendingApprovals[0];
    if (request === undefined) throw new Error('expected a request');
    return { agent, first, request, history: [userMessage('Go'), ...first.messages] };
  }

  it('rejects a history whose approval request has no answer', async () => {
    const { agent, history } = await paused();
    const run = agent.generate({ messages: [...history, userMessage('Hello?')] });
    await expect(run).rejects.toThrow(InvalidArgumentError);
    await expect(run).rejects.toThrow(/call-1 \(remove\) waits for approval approval-call-1/);
  });

  it('rejects an answer to a request that is not in the history', async () => {
    const { agent, history, request } = await paused();
    const stray = approve({ ...request, approvalId: 'approval-unknown' });
    await expect(agent.generate({ messages: [...history, approve(request), stray] })).rejects.toThrow(
      /approval-unknown .* answers no tool-approval-request/,
    );
  });

  it('rejects contradicting answers to one request', async () => {
    const { agent, history, request } = await paused();
    await expect(
      agent.generate({ messages: [...history, approve(request), deny(request, 'no')] }),
    ).rejects.toThrow(/both approved and denied/);
  });

  it('rejects answers sent together with a new prompt, before any hook runs', async () => {
    const { agent, history, request } = await paused();
    const onAgentStart = vi.fn();
    await expect(
      agent.stream({ messages: [...history, approve(request)], prompt: 'And more', onAgentStart }),
    ).rejects.toThrow(/without a prompt/);
    expect(onAgentStart).not.toHaveBeenCalled();
  });
});
