import { readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { tool } from '../agent/tool.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { fromUIMessages } from './from-ui-messages.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import type { UIMessage, UIToolPart } from './ui-message.js';
import type { UIMessageChunk } from './ui-message-chunk.js';
import type { UIStreamSource } from './ui-stream-source.js';

/** One POST: the run streamed to the AI SDK client, continuing `last` when it is the assistant's message. */
async function post(source: UIStreamSource, originalMessages: UIMessage[]): Promise<UIMessage> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of toUIMessageStream(source, { originalMessages, messageId: 'a1' }))
    chunks.push(chunk);
  const stream = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as never);
      controller.close();
    },
  });
  const last = originalMessages.at(-1);
  let message: unknown;
  for await (const update of readUIMessageStream({
    stream,
    terminateOnError: true,
    ...(last?.role === 'assistant' ? { message: structuredClone(last) as never } : {}),
  }))
    message = update;
  return JSON.parse(JSON.stringify(message)) as UIMessage;
}

function answer(message: UIMessage, approved: boolean): UIMessage {
  return {
    ...message,
    parts: message.parts.map((part) =>
      'approval' in part && part.state === 'approval-requested'
        ? ({ ...part, state: 'approval-responded', approval: { ...part.approval, approved } } as UIToolPart)
        : part,
    ),
  };
}

function setup() {
  const started: string[] = [];
  const send = tool({
    name: 'send',
    description: 'sends',
    inputSchema: { type: 'object' },
    needsApproval: true,
    execute: () => {
      started.push('send');
      return { sent: true };
    },
  });
  const model = new MockLanguageModel({
    stream: [
      [...toolCallParts('c1', 'send', '{}'), finishPart('tool-calls')],
      [...textParts('t', 'Sent.'), finishPart('stop')],
    ],
  });
  return { agent: createAgent(model, { tools: [send] }), started };
}

describe('tool approvals through the UI message stream', () => {
  const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'send it' }] };

  it('asks, and after the approved answer is posted runs the tool and continues the same message', async () => {
    const { agent, started } = setup();
    const asked = await post(agent.stream({ messages: fromUIMessages([user]) }), [user]);
    expect(asked.parts.at(-1)).toMatchObject({
      type: 'tool-send',
      state: 'approval-requested',
      approval: { id: 'approval-c1' },
    });
    expect(started).toEqual([]);

    const approved = answer(asked, true);
    const resumed = await post(agent.stream({ messages: fromUIMessages([user, approved]) }), [
      user,
      approved,
    ]);
    expect(started).toEqual(['send']);
    expect(resumed.id).toBe('a1');
    const toolPart = resumed.parts.find((part) => part.type === 'tool-send');
    expect(toolPart).toMatchObject({ state: 'output-available', output: { sent: true } });
    expect(resumed.parts.at(-1)).toMatchObject({ type: 'text', text: 'Sent.' });
  });

  it('reports a denied call as denied and never runs it', async () => {
    const { agent, started } = setup();
    const asked = await post(agent.stream({ messages: fromUIMessages([user]) }), [user]);
    const denied = answer(asked, false);
    const resumed = await post(agent.stream({ messages: fromUIMessages([user, denied]) }), [user, denied]);
    expect(started).toEqual([]);
    expect(resumed.parts.find((part) => part.type === 'tool-send')).toMatchObject({ state: 'output-denied' });
  });
});
