import { readUIMessageStream } from 'ai';
import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { tool } from '../agent/tool.js';
import { imageResponse, withResponseMetadata } from '../agent/tool-response.js';
import { InvalidUIMessageError } from '../errors/invalid-ui-message-error.js';
import { jsonSchema } from '../schema/json-schema-wrapper.js';
import { type Message, userMessage } from '../spec/message.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { fromUIMessages } from './from-ui-messages.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import type { UIMessage } from './ui-message.js';
import type { UISourcePart } from './ui-stream-source.js';

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

/** What the page keeps for a streamed run, sent back through JSON as `useChat` posts it. */
async function pageMessageOf(source: Parameters<typeof toUIMessageStream>[0]): Promise<UIMessage> {
  const chunks = await collect(toUIMessageStream(source, { messageId: 'a1', sendSources: true }));
  const stream = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk as never);
      controller.close();
    },
  });
  let last: unknown;
  for await (const message of readUIMessageStream({ stream })) last = message;
  return JSON.parse(JSON.stringify(last)) as UIMessage;
}

const anthropicSignature = { anthropic: { signature: 'EqQBCkYIBxgCKkD-signature' } };
const geminiSignature = { google: { thoughtSignature: 'CpoBAdHtim-thought' } };
const openaiReasoning = {
  openai: { itemId: 'rs_123', encryptedContent: 'gAAAAB-encrypted', summary: ['s'] },
};

const imageTool = tool({
  name: 'image',
  description: 'an image',
  inputSchema: jsonSchema<Record<string, never>>({ type: 'object', properties: {} }),
  execute: () =>
    withResponseMetadata(
      { ...imageResponse(new Uint8Array([0, 1, 2]), 'image/png'), content: 'a dot' },
      { shown: true },
    ),
});
const failingTool = tool({
  name: 'failing',
  description: 'always fails',
  inputSchema: jsonSchema<Record<string, never>>({ type: 'object', properties: {} }),
  execute: () => {
    throw new Error('disk full');
  },
});

describe('fromUIMessages', () => {
  it('round-trips an agent run through the page to the same history, provider metadata included', async () => {
    const lookup = valueTool('lookup');
    const steps: StreamPart[][] = [
      [
        { type: 'reasoning-start', id: 'r1' },
        { type: 'reasoning-delta', id: 'r1', delta: 'Let me think.' },
        { type: 'reasoning-end', id: 'r1', providerMetadata: anthropicSignature },
        { type: 'reasoning-start', id: 'r2', providerMetadata: openaiReasoning },
        { type: 'reasoning-delta', id: 'r2', delta: 'More.' },
        { type: 'reasoning-end', id: 'r2', providerMetadata: openaiReasoning },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Checking.' },
        { type: 'text-end', id: 't1', providerMetadata: geminiSignature },
        ...toolCallParts('call-1', 'lookup', '{"value":"x"}').map((part) =>
          part.type === 'tool-call' ? { ...part, providerMetadata: geminiSignature } : part,
        ),
        { type: 'tool-call', toolCallId: 'call-2', toolName: 'image', input: '{ }' },
        { type: 'tool-call', toolCallId: 'call-3', toolName: 'failing', input: '{}' },
        {
          type: 'tool-call',
          toolCallId: 'srv-1',
          toolName: 'web_search',
          input: '{"query":"q"}',
          providerExecuted: true,
        },
        {
          type: 'tool-result',
          toolCallId: 'srv-1',
          toolName: 'web_search',
          providerExecuted: true,
          providerMetadata: {
            anthropic: { results: [{ url: 'https://a.example', title: 'A', encryptedContent: 'e' }] },
          },
        },
        { type: 'source', sourceType: 'url', id: 'src-1', url: 'https://a.example' },
        { type: 'file', mediaType: 'image/png', data: new Uint8Array([137, 80, 78, 71]) },
        finishPart('tool-calls'),
      ],
      [...textParts('t2', 'All ', 'done.'), finishPart('stop')],
    ];
    const model = new MockLanguageModel({ stream: steps });
    const run = await createAgent(model, { tools: [lookup, imageTool, failingTool] }).stream({
      prompt: 'go',
    });
    const page = await pageMessageOf(run);
    const { steps: resultSteps } = await run.result;
    const history = resultSteps.flatMap((step) => step.messages);

    expect(history.map((message) => [message.role, message.content.map((part) => part.type)])).toEqual([
      [
        'assistant',
        [
          'reasoning',
          'reasoning',
          'text',
          'tool-call',
          'tool-call',
          'tool-call',
          'tool-call',
          'tool-result',
          'file',
        ],
      ],
      ['tool', ['tool-result', 'tool-result', 'tool-result']],
      ['assistant', ['text']],
    ]);
    expect(fromUIMessages([page])).toEqual(history);
    // The signatures are really there, not both sides empty.
    expect(JSON.stringify(history)).toContain('EqQBCkYIBxgCKkD-signature');
    expect(JSON.stringify(history)).toContain('CpoBAdHtim-thought');
    expect(JSON.stringify(history)).toContain('gAAAAB-encrypted');
  });

  it('turns user text and data-URL files into a user message, and system text into a system message', () => {
    const messages = fromUIMessages([
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Be terse.' }] },
      {
        id: 'u',
        role: 'user',
        parts: [
          {
            type: 'text',
            text: 'What is this?',
            providerMetadata: { anthropic: { cacheControl: { type: 'ephemeral' } } },
          },
          { type: 'file', mediaType: 'image/png', filename: 'dot.png', url: 'data:image/png;base64,AAEC' },
          { type: 'file', mediaType: 'text/plain', url: 'data:text/plain,hello%20there' },
          { type: 'data-note', data: { private: true } },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'Be terse.' }] },
      {
        role: 'user',
        content: [
          {
            type: 'text',
            text: 'What is this?',
            providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } },
          },
          { type: 'file', mediaType: 'image/png', filename: 'dot.png', data: new Uint8Array([0, 1, 2]) },
          { type: 'file', mediaType: 'text/plain', data: new TextEncoder().encode('hello there') },
        ],
      },
    ]);
  });

  it('carries approval requests and the answers into the assistant and tool messages', () => {
    const parts = (approved: boolean | undefined, state: string) => [
      { type: 'step-start' },
      {
        type: 'tool-send_email',
        toolCallId: 'c1',
        state,
        input: { to: 'a@example.com' },
        approval: {
          id: 'ap-1',
          ...(approved === undefined ? {} : { approved }),
          ...(approved === false ? { reason: 'not now' } : {}),
        },
      },
    ];
    const call = {
      type: 'tool-call',
      toolCallId: 'c1',
      toolName: 'send_email',
      input: '{"to":"a@example.com"}',
    };
    const request = {
      type: 'tool-approval-request',
      approvalId: 'ap-1',
      toolCallId: 'c1',
      toolName: 'send_email',
      input: '{"to":"a@example.com"}',
    };
    const asked = fromUIMessages([
      { id: 'a', role: 'assistant', parts: parts(undefined, 'approval-requested') },
    ]);
    expect(asked).toEqual([{ role: 'assistant', content: [call, request] }]);

    const answered = fromUIMessages([
      { id: 'a', role: 'assistant', parts: parts(false, 'approval-responded') },
    ]);
    expect(answered).toEqual([
      { role: 'assistant', content: [call, request] },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-approval-response',
            approvalId: 'ap-1',
            toolCallId: 'c1',
            approved: false,
            reason: 'not now',
          },
        ],
      },
    ]);

    const denied = fromUIMessages([{ id: 'a', role: 'assistant', parts: parts(false, 'output-denied') }]);
    expect(denied[1]?.content).toEqual([
      {
        type: 'tool-approval-response',
        approvalId: 'ap-1',
        toolCallId: 'c1',
        approved: false,
        reason: 'not now',
      },
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'send_email',
        output: { type: 'error', error: 'The tool call was denied and did not run. Reason: not now' },
      },
    ]);
  });

  it('reads a provider-executed approval answer back with providerExecuted', () => {
    const [, tool] = fromUIMessages([
      {
        id: 'a',
        role: 'assistant',
        parts: [
          {
            type: 'dynamic-tool',
            toolName: 'mcp.deploy',
            toolCallId: 'mcpr_1',
            state: 'approval-responded',
            input: {},
            providerExecuted: true,
            approval: { id: 'mcpr_1', approved: true },
          },
        ],
      },
    ]) as [Message, Message];
    expect(tool.content).toEqual([
      {
        type: 'tool-approval-response',
        approvalId: 'mcpr_1',
        toolCallId: 'mcpr_1',
        approved: true,
        providerExecuted: true,
      },
    ]);
  });

  it('round-trips JSON results, including a JSON string, apart from text results', async () => {
    const parts = [
      { type: 'tool-call', toolCallId: 'c1', toolName: 't', input: '{}' },
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 't',
        output: { type: 'json', value: { n: [1, 2] } },
      },
      { type: 'tool-call', toolCallId: 'c2', toolName: 't', input: '{}' },
      { type: 'tool-result', toolCallId: 'c2', toolName: 't', output: { type: 'json', value: 'a string' } },
      { type: 'tool-call', toolCallId: 'c3', toolName: 't', input: '{}' },
      {
        type: 'tool-result',
        toolCallId: 'c3',
        toolName: 't',
        output: { type: 'text', text: 'a string' },
        clientMetadata: '{"ui":1}',
      },
      finishPart('stop'),
    ] as UISourcePart[];
    async function* source() {
      yield* parts;
    }
    const [, tool] = fromUIMessages([await pageMessageOf(source())]) as [Message, Message];
    expect(tool.content).toEqual([
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 't',
        output: { type: 'json', value: { n: [1, 2] } },
      },
      { type: 'tool-result', toolCallId: 'c2', toolName: 't', output: { type: 'json', value: 'a string' } },
      {
        type: 'tool-result',
        toolCallId: 'c3',
        toolName: 't',
        output: { type: 'text', text: 'a string' },
        clientMetadata: '{"ui":1}',
      },
    ]);
  });

  it('leaves out tool calls whose input is still streaming and keeps the conversation order', () => {
    const messages = fromUIMessages([
      { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hi' }] },
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          { type: 'step-start' },
          { type: 'text', text: 'hello' },
          { type: 'tool-x', toolCallId: 'c', state: 'input-streaming', input: { partial: true } },
        ],
      },
      { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'again' }] },
    ]);
    expect(messages).toEqual([
      userMessage('hi'),
      { role: 'assistant', content: [{ type: 'text', text: 'hello' }] },
      userMessage('again'),
    ]);
  });

  it.each([
    ['a body that is not an array', { messages: 'nope' }, 'messages', 'expected an array of messages'],
    [
      'a message without parts',
      [{ id: 'm', role: 'user' }],
      'messages[0].parts',
      'expected an array of parts',
    ],
    [
      'an unknown role',
      [{ id: 'm', role: 'robot', parts: [] }],
      'messages[0].role',
      'expected "system", "user" or "assistant"',
    ],
    [
      'a text part without text',
      [{ id: 'm', role: 'user', parts: [{ type: 'text' }] }],
      'messages[0].parts[0].text',
      'expected a string',
    ],
    [
      'a tool part in an unknown state',
      [{ id: 'm', role: 'assistant', parts: [{ type: 'tool-x', toolCallId: 'c', state: 'done' }] }],
      'messages[0].parts[0].state',
      'unknown tool state',
    ],
    [
      'an answered approval without approved',
      [
        {
          id: 'm',
          role: 'assistant',
          parts: [{ type: 'tool-x', toolCallId: 'c', state: 'approval-responded', approval: { id: 'a' } }],
        },
      ],
      'messages[0].parts[0].approval.approved',
      'expected a boolean',
    ],
    [
      'provider metadata that is not an object of objects',
      [
        {
          id: 'm',
          role: 'user',
          parts: [{ type: 'text', text: 'x', providerMetadata: { anthropic: 'sig' } }],
        },
      ],
      'messages[0].parts[0].providerMetadata',
      'provider metadata',
    ],
    [
      'a file with a remote URL',
      [
        {
          id: 'm',
          role: 'user',
          parts: [{ type: 'file', mediaType: 'image/png', url: 'https://example.com/a.png' }],
        },
      ],
      'messages[0].parts[0].url',
      'expected a data: URL',
    ],
  ])('rejects %s with an InvalidUIMessageError naming the field', (_name, input, path, message) => {
    const messages = Array.isArray(input) ? input : (input as { messages: unknown }).messages;
    let caught: unknown;
    try {
      fromUIMessages(messages);
    } catch (error) {
      caught = error;
    }
    expect(InvalidUIMessageError.isInstance(caught)).toBe(true);
    expect((caught as InvalidUIMessageError).path).toBe(path);
    expect((caught as InvalidUIMessageError).message).toContain(message);
    expect((caught as InvalidUIMessageError).statusCode).toBe(400);
  });
});
