import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AGUIEvent } from './agui-event.js';
import { fromAGUIInput } from './from-agui-input.js';
import { toAGUIEvents } from './to-agui-events.js';
import { toAGUIEventsResponse } from './to-agui-events-response.js';
import type { UISourcePart } from './ui-stream-source.js';

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

async function* partsFrom(parts: readonly UISourcePart[]): AsyncGenerator<UISourcePart> {
  for (const part of parts) yield part;
}

const ids = { threadId: 'th', runId: 'r1' };

describe('toAGUIEvents', () => {
  it('streams an agent run as one RUN_STARTED, steps, text, tool calls and results, and one RUN_FINISHED', async () => {
    const lookup = valueTool('lookup');
    const model = new MockLanguageModel({
      stream: [
        [
          ...textParts('0', 'Looking'),
          ...toolCallParts('call-1', 'lookup', '{"value":"x"}'),
          finishPart('tool-calls', { inputTokens: 5, cacheReadTokens: 2 }),
        ],
        [...textParts('0', 'Found ', 'it'), finishPart('stop', { outputTokens: 3 })],
      ],
    });
    const run = createAgent(model, { tools: [lookup] }).stream({ prompt: 'go' });
    const events = await collect(toAGUIEvents(run, ids));
    expect(events).toEqual([
      { type: 'RUN_STARTED', threadId: 'th', runId: 'r1', protocolVersion: '1.0' },
      { type: 'STEP_STARTED', stepName: 'step-0' },
      { type: 'TEXT_MESSAGE_START', messageId: 'r1:0:0', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'r1:0:0', delta: 'Looking' },
      { type: 'TEXT_MESSAGE_END', messageId: 'r1:0:0' },
      { type: 'TOOL_CALL_START', toolCallId: 'call-1', toolCallName: 'lookup', parentMessageId: 'r1:0:0' },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'call-1', delta: '{"value":"x"}' },
      { type: 'TOOL_CALL_END', toolCallId: 'call-1' },
      {
        type: 'TOOL_CALL_RESULT',
        messageId: 'r1:result:call-1',
        toolCallId: 'call-1',
        content: 'lookup: x',
        role: 'tool',
      },
      { type: 'STEP_FINISHED', stepName: 'step-0' },
      { type: 'STEP_STARTED', stepName: 'step-1' },
      { type: 'TEXT_MESSAGE_START', messageId: 'r1:1:0', role: 'assistant' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'r1:1:0', delta: 'Found ' },
      { type: 'TEXT_MESSAGE_CONTENT', messageId: 'r1:1:0', delta: 'it' },
      { type: 'TEXT_MESSAGE_END', messageId: 'r1:1:0' },
      { type: 'STEP_FINISHED', stepName: 'step-1' },
      {
        type: 'RUN_FINISHED',
        threadId: 'th',
        runId: 'r1',
        outcome: { type: 'success' },
        usage: [
          {
            inputTokens: 7,
            outputTokens: 3,
            totalTokens: 10,
            reasoningTokens: 0,
            cachedInputTokens: 2,
            cacheWriteInputTokens: 0,
          },
        ],
      },
    ]);
  });

  it('sends reasoning with its provider metadata as an encrypted value, and tool-call metadata too', async () => {
    const parts: StreamPart[] = [
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
      { type: 'reasoning-end', id: 'r', providerMetadata: { anthropic: { signature: 'sig' } } },
      {
        type: 'tool-call',
        toolCallId: 'c',
        toolName: 't',
        input: '{}',
        providerMetadata: { google: { thoughtSignature: 'ts' } },
      },
      finishPart('tool-calls'),
    ];
    const events = await collect(toAGUIEvents(partsFrom(parts), ids));
    expect(events.slice(2, 12)).toEqual([
      { type: 'REASONING_START', messageId: 'r1:0:reasoning-r' },
      { type: 'REASONING_MESSAGE_START', messageId: 'r1:0:reasoning-r', role: 'reasoning' },
      { type: 'REASONING_MESSAGE_CONTENT', messageId: 'r1:0:reasoning-r', delta: 'hmm' },
      { type: 'REASONING_MESSAGE_END', messageId: 'r1:0:reasoning-r' },
      {
        type: 'REASONING_ENCRYPTED_VALUE',
        subtype: 'message',
        entityId: 'r1:0:reasoning-r',
        encryptedValue: '{"anthropic":{"signature":"sig"}}',
      },
      { type: 'REASONING_END', messageId: 'r1:0:reasoning-r' },
      { type: 'TOOL_CALL_START', toolCallId: 'c', toolCallName: 't' },
      { type: 'TOOL_CALL_ARGS', toolCallId: 'c', delta: '{}' },
      { type: 'TOOL_CALL_END', toolCallId: 'c' },
      {
        type: 'REASONING_ENCRYPTED_VALUE',
        subtype: 'tool-call',
        entityId: 'c',
        encryptedValue: '{"google":{"thoughtSignature":"ts"}}',
      },
    ]);
  });

  it('ends a run waiting for approval with an interrupt outcome', async () => {
    const parts: UISourcePart[] = [
      { type: 'tool-call', toolCallId: 'c', toolName: 'send', input: '{"to":"x"}' },
      {
        type: 'tool-approval-request',
        approvalId: 'ap',
        toolCallId: 'c',
        toolName: 'send',
        input: '{"to":"x"}',
      },
      finishPart('tool-calls'),
    ];
    const events = await collect(toAGUIEvents(partsFrom(parts), ids));
    expect(events.at(-1)).toMatchObject({
      type: 'RUN_FINISHED',
      outcome: {
        type: 'interrupt',
        interrupts: [
          {
            id: 'ap',
            reason: 'tool_approval',
            toolCallId: 'c',
            metadata: { toolName: 'send', input: '{"to":"x"}' },
          },
        ],
      },
    });
  });

  it('ends a failed run with RUN_ERROR and a message that hides the error unless asked', async () => {
    const failing = () =>
      partsFrom([...textParts('t', 'x').slice(0, 2), { type: 'error', error: new Error('secret host') }]);
    const hidden = await collect(toAGUIEvents(failing(), ids));
    expect(hidden.at(-1)).toEqual({ type: 'RUN_ERROR', message: 'An error occurred.' });
    expect(hidden.filter((event) => event.type.startsWith('RUN_'))).toHaveLength(2);
    const exposed = await collect(toAGUIEvents(failing(), { ...ids, exposeErrors: true }));
    expect(exposed.at(-1)).toEqual({ type: 'RUN_ERROR', message: 'secret host' });
  });

  it('ends an aborted run as cancelled, and aborts the run when the body is cancelled', async () => {
    const abortController = new AbortController();
    const model = new MockLanguageModel({
      stream: async (options) =>
        (async function* () {
          yield { type: 'text-start', id: 't' } as StreamPart;
          yield { type: 'text-delta', id: 't', delta: 'a' } as StreamPart;
          await new Promise((resolve) => options.abortSignal?.addEventListener('abort', resolve));
          options.abortSignal?.throwIfAborted();
        })(),
    });
    const run = createAgent(model).stream({ prompt: 'go', abortSignal: abortController.signal });
    const events: AGUIEvent[] = [];
    for await (const event of toAGUIEvents(run, { ...ids, abortController })) {
      events.push(event);
      if (event.type === 'TEXT_MESSAGE_CONTENT') abortController.abort();
    }
    expect(events.at(-1)).toEqual({
      type: 'RUN_FINISHED',
      threadId: 'th',
      runId: 'r1',
      outcome: { type: 'cancelled' },
    });

    const second = new AbortController();
    const response = toAGUIEventsResponse(
      createAgent(model).stream({ prompt: 'go', abortSignal: second.signal }),
      { ...ids, abortController: second },
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('TEXT_MESSAGE_CONTENT'))
      text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(second.signal.aborted).toBe(true);
  });
});

describe('fromAGUIInput', () => {
  it('reads the conversation, restoring provider metadata and folding reasoning into the assistant message', () => {
    const { messages, threadId, runId } = fromAGUIInput({
      threadId: 'th',
      runId: 'r2',
      messages: [
        { id: 's', role: 'developer', content: 'Be terse.' },
        {
          id: 'u',
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image', source: { type: 'data', value: 'AAEC', mimeType: 'image/png' } },
          ],
        },
        { id: 'r', role: 'reasoning', content: 'hmm', encryptedValue: '{"anthropic":{"signature":"sig"}}' },
        {
          id: 'a',
          role: 'assistant',
          content: 'Checking',
          toolCalls: [
            {
              id: 'c',
              type: 'function',
              function: { name: 'lookup', arguments: '{"value":"x"}' },
              encryptedValue: '{"google":{"thoughtSignature":"ts"}}',
            },
          ],
        },
        { id: 't', role: 'tool', toolCallId: 'c', content: 'lookup: x' },
      ],
      tools: [],
      context: [],
    });
    expect([threadId, runId]).toEqual(['th', 'r2']);
    expect(messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be terse.' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'file', data: new Uint8Array([0, 1, 2]), mediaType: 'image/png' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'reasoning', text: 'hmm', providerOptions: { anthropic: { signature: 'sig' } } },
          { type: 'text', text: 'Checking' },
          {
            type: 'tool-call',
            toolCallId: 'c',
            toolName: 'lookup',
            input: '{"value":"x"}',
            providerOptions: { google: { thoughtSignature: 'ts' } },
          },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c',
            toolName: 'lookup',
            output: { type: 'text', text: 'lookup: x' },
          },
        ],
      },
    ]);
  });

  it('turns resume answers to approval interrupts into approval requests and responses', () => {
    const { messages } = fromAGUIInput({
      threadId: 'th',
      runId: 'r3',
      messages: [
        { id: 'u', role: 'user', content: 'send it' },
        {
          id: 'a',
          role: 'assistant',
          toolCalls: [{ id: 'c', type: 'function', function: { name: 'send', arguments: '{}' } }],
        },
      ],
      resume: [{ interruptId: 'ap', status: 'resolved', payload: { approved: false, reason: 'not now' } }],
    });
    expect(messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'c', toolName: 'send', input: '{}' },
          { type: 'tool-approval-request', approvalId: 'ap', toolCallId: 'c', toolName: 'send', input: '{}' },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-approval-response',
            approvalId: 'ap',
            toolCallId: 'c',
            approved: false,
            reason: 'not now',
          },
        ],
      },
    ]);
  });

  it.each([
    ['a body that is not an object', 'hello', ''],
    ['a missing runId', { threadId: 't', messages: [] }, 'runId'],
    [
      'an unknown role',
      { threadId: 't', runId: 'r', messages: [{ id: 'm', role: 'robot', content: '' }] },
      'messages[0].role',
    ],
    [
      'a malformed tool call',
      { threadId: 't', runId: 'r', messages: [{ id: 'm', role: 'assistant', toolCalls: [{ id: 'c' }] }] },
      'messages[0].toolCalls[0]',
    ],
    [
      'a remote image',
      {
        threadId: 't',
        runId: 'r',
        messages: [
          {
            id: 'm',
            role: 'user',
            content: [{ type: 'image', source: { type: 'url', value: 'https://x' } }],
          },
        ],
      },
      'messages[0].content[0].source',
    ],
  ])('rejects %s with an InvalidUIMessageError at the field', (_name, body, path) => {
    expect(() => fromAGUIInput(body)).toThrow(InvalidUIMessageError);
    try {
      fromAGUIInput(body);
    } catch (error) {
      expect((error as InvalidUIMessageError).path).toBe(path);
    }
  });
});

describe('AG-UI usage', () => {
  it('is reported per run in AG-UI accounting', async () => {
    const events = await collect(
      toAGUIEvents(
        partsFrom([finishPart('stop', { inputTokens: 1, cacheCreationTokens: 4, outputTokens: 2 })]),
        ids,
      ),
    );
    expect(events.at(-1)).toMatchObject({
      usage: [{ inputTokens: 5, cacheWriteInputTokens: 4, totalTokens: 7 }],
    });
  });
});
