import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { userMessage } from '../spec/message.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import { createAgent } from './create-agent.js';
import { approve, deny } from './tool-approval.js';

function streamingModel(): MockLanguageModel {
  const firstStep: StreamPart[] = [
    ...toolCallParts('call-read', 'read', '{"value":"a"}'),
    ...toolCallParts('call-remove', 'remove', '{"value":"b"}'),
    ...toolCallParts('call-send', 'send', '{"value":"c"}'),
    finishPart('tool-calls'),
  ];
  return new MockLanguageModel({ stream: [firstStep, [...textParts('t', 'done'), finishPart('stop')]] });
}

function tools() {
  return {
    read: valueTool('read'),
    remove: Object.assign(valueTool('remove'), { needsApproval: () => true }),
    send: Object.assign(valueTool('send'), { needsApproval: () => true }),
  };
}

/** Part types, with the call id for tool parts. */
function describeParts(parts: readonly AgentStreamPart[]): string[] {
  return parts
    .filter((part) => !part.type.startsWith('tool-input'))
    .map((part) => ('toolCallId' in part ? `${part.type} ${part.toolCallId}` : part.type));
}

async function collect(iterable: AsyncIterable<AgentStreamPart>): Promise<AgentStreamPart[]> {
  const parts: AgentStreamPart[] = [];
  for await (const part of iterable) parts.push(part);
  return parts;
}

describe('approvals in a streamed run', () => {
  it('streams a request for each waiting call after the calls, runs the others, and ends the run', async () => {
    const toolSet = tools();
    const model = streamingModel();
    const requested: string[] = [];
    const run = await createAgent(model, { tools: Object.values(toolSet) }).stream({
      prompt: 'Go',
      onToolApprovalRequest: (request) => void requested.push(request.approvalId),
    });
    const parts = await collect(run.fullStream);
    const result = await run.result;

    expect(describeParts(parts)).toEqual([
      'step-start',
      'tool-call call-read',
      'tool-call call-remove',
      'tool-call call-send',
      'finish',
      'tool-approval-request call-remove',
      'tool-approval-request call-send',
      'tool-result call-read',
      'step-finish',
    ]);
    expect(requested).toEqual(['approval-call-remove', 'approval-call-send']);
    expect(model.calls).toHaveLength(1);
    expect(toolSet.read.inputs).toEqual([{ value: 'a' }]);
    expect(result.pendingApprovals.map((request) => request.toolCallId)).toEqual([
      'call-remove',
      'call-send',
    ]);
  });

  it('streams the answered calls results before the first step when resumed (denials first), then continues', async () => {
    const toolSet = tools();
    const model = streamingModel();
    const agent = createAgent(model, { tools: Object.values(toolSet) });
    const prompt = [userMessage('Go')];
    const first = await (await agent.stream({ messages: prompt })).result;
    const [removal, sending] = first.pendingApprovals;
    if (removal === undefined || sending === undefined) throw new Error('expected two requests');
    const results: string[] = [];
    const run = await agent.stream({
      messages: [...prompt, ...first.messages, approve(removal), deny(sending, 'too risky')],
      onToolResult: (result) => void results.push(result.toolCallId),
    });
    const parts = await collect(run.fullStream);
    const second = await run.result;

    expect(describeParts(parts)).toEqual([
      'tool-result call-send',
      'tool-result call-remove',
      'step-start',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
      'step-finish',
    ]);
    expect(results).toEqual(['call-send', 'call-remove']);
    expect(toolSet.remove.inputs).toEqual([{ value: 'b' }]);
    expect(toolSet.send.inputs).toEqual([]);
    expect(second.response.content).toEqual([{ type: 'text', text: 'done' }]);
    const lastSent = model.calls[1]?.prompt.at(-1);
    expect(lastSent?.content).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'call-remove',
        toolName: 'remove',
        output: { type: 'text', text: 'remove: b' },
      },
      {
        type: 'tool-result',
        toolCallId: 'call-send',
        toolName: 'send',
        output: { type: 'error', error: 'The tool call was denied and did not run. Reason: too risky' },
      },
    ]);
  });

  it('gives the same messages streamed and not streamed', async () => {
    const streamedAgent = createAgent(streamingModel(), { tools: Object.values(tools()) });
    const streamed = await (await streamedAgent.stream({ prompt: 'Go' })).result;
    const generated = await createAgent(
      new MockLanguageModel({
        generate: [
          {
            content: streamed.steps[0]?.content.filter((part) => part.type === 'tool-call') ?? [],
            finishReason: 'tool-calls',
          },
        ],
      }),
      { tools: Object.values(tools()) },
    ).generate({ prompt: 'Go' });
    expect(generated.messages).toEqual(streamed.messages);
    expect(generated.pendingApprovals).toEqual(streamed.pendingApprovals);
  });
});
