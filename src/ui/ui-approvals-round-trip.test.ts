import { readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import type { ToolResultPart } from '../spec/message.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { fromUIMessages } from './from-ui-messages.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import type { UIMessage, UIMessagePart } from './ui-message.js';

/** What `useChat` keeps of a streamed run, through JSON as it posts it back. */
async function pageMessageOf(chunks: AsyncIterable<unknown>, continued?: UIMessage): Promise<UIMessage> {
  const collected: unknown[] = [];
  for await (const chunk of chunks) collected.push(chunk);
  const stream = new ReadableStream({
    start(controller) {
      for (const chunk of collected) controller.enqueue(chunk as never);
      controller.close();
    },
  });
  let last: unknown;
  const options = continued === undefined ? { stream } : { stream, message: continued as never };
  for await (const message of readUIMessageStream(options)) last = message;
  return JSON.parse(JSON.stringify(last)) as UIMessage;
}

/** The user's click: what `addToolApprovalResponse` writes on the tool part. */
function answer(message: UIMessage, approved: boolean, reason?: string): UIMessage {
  const parts = message.parts.map((part) => {
    const tool = part as UIMessagePart & { state?: string; approval?: { id: string } };
    if (tool.state !== 'approval-requested' || tool.approval === undefined) return part;
    return {
      ...tool,
      state: 'approval-responded',
      approval: { id: tool.approval.id, approved, ...(reason === undefined ? {} : { reason }) },
    } as UIMessagePart;
  });
  return { ...message, parts };
}

describe('approvals through the UI message stream protocol', () => {
  it('asks on the page, takes the answer back from useChat messages, and resumes the run', async () => {
    const lookup = valueTool('lookup');
    const remove = Object.assign(valueTool('remove'), { needsApproval: () => true });
    const model = new MockLanguageModel({
      stream: [
        [
          ...toolCallParts('c1', 'lookup', '{"value":"a"}'),
          ...toolCallParts('c2', 'remove', '{"value":"b"}'),
          finishPart('tool-calls'),
        ],
        [...textParts('t', 'removed it'), finishPart('stop')],
      ],
    });
    const agent = createAgent(model, { tools: [lookup, remove] });
    const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Remove b' }] };

    const first = await agent.stream({ messages: fromUIMessages([user]) });
    const page = await pageMessageOf(toUIMessageStream(first, { messageId: 'a1' }));
    const asking = page.parts.find((part) => (part as { state?: string }).state === 'approval-requested');
    expect(asking).toMatchObject({
      type: 'tool-remove',
      toolCallId: 'c2',
      approval: { id: 'approval-c2' },
    });
    expect(remove.inputs).toEqual([]);
    expect(lookup.inputs).toEqual([{ value: 'a' }]);

    const answered = answer(page, true);
    const resumed = await agent.stream({ messages: fromUIMessages([user, answered]) });
    // useChat continues the last assistant message: the approved call's output lands on its tool part.
    const continued = await pageMessageOf(toUIMessageStream(resumed, { messageId: 'a1' }), answered);
    const result = await resumed.result;
    expect(
      continued.parts.find((part) => (part as { toolCallId?: string }).toolCallId === 'c2'),
    ).toMatchObject({
      state: 'output-available',
      output: 'remove: b',
    });
    expect(continued.parts.at(-1)).toMatchObject({ type: 'text', text: 'removed it' });

    expect(remove.inputs).toEqual([{ value: 'b' }]);
    expect(lookup.inputs).toEqual([{ value: 'a' }]);
    expect(result.text).toBe('removed it');
    const sent = (model.calls[1]?.prompt ?? []).flatMap((message) =>
      message.content.filter((part): part is ToolResultPart => part.type === 'tool-result'),
    );
    expect(sent.map((part) => [part.toolCallId, part.output])).toEqual([
      ['c1', { type: 'text', text: 'lookup: a' }],
      ['c2', { type: 'text', text: 'remove: b' }],
    ]);
  });
});
