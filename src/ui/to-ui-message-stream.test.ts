import { readUIMessageStream, uiMessageChunkSchema } from 'ai';
import { describe, expect, it } from 'vitest';
import {
  deferred,
  finishPart,
  textParts,
  toolCall,
  toolCallParts,
  usage,
  valueTool,
} from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createUIDataWriter } from './create-ui-data-writer.js';
import { toUIMessageStream } from './to-ui-message-stream.js';
import type { UIMessageChunk } from './ui-message-chunk.js';
import type { UISourcePart } from './ui-stream-source.js';

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of stream) items.push(item);
  return items;
}

async function* partsFrom(parts: readonly UISourcePart[]): AsyncGenerator<UISourcePart> {
  for (const part of parts) yield part;
}

const noMetadata = { messageMetadata: () => undefined };

/** Every chunk must parse with the AI SDK's own chunk schema (what DefaultChatTransport applies). */
async function expectValidChunks(chunks: readonly UIMessageChunk[]): Promise<void> {
  const schema = uiMessageChunkSchema();
  for (const chunk of chunks) {
    const result = await schema.validate?.(JSON.parse(JSON.stringify(chunk)));
    expect(result?.success, `chunk ${JSON.stringify(chunk)}`).toBe(true);
  }
}

function toReadable<T>(items: readonly T[]): ReadableStream<T> {
  return new ReadableStream({
    start(controller) {
      for (const item of items) controller.enqueue(item);
      controller.close();
    },
  });
}

describe('toUIMessageStream', () => {
  it('maps a plain model stream to one start, one step and one finish, keeping block ids', async () => {
    const chunks = await collect(
      toUIMessageStream(
        partsFrom([...textParts('t1', 'Hel', 'lo'), finishPart('stop', { outputTokens: 2 })]),
        noMetadata,
      ),
    );
    expect(chunks).toEqual([
      { type: 'start' },
      { type: 'start-step' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hel' },
      { type: 'text-delta', id: 't1', delta: 'lo' },
      { type: 'text-end', id: 't1' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'stop' },
    ]);
    await expectValidChunks(chunks);
  });

  it('streams an agent run step by step: tool input, its output, then the answer', async () => {
    const lookup = valueTool('lookup');
    const model = new MockLanguageModel({
      stream: [
        [...toolCallParts('call-1', 'lookup', '{"value":"x"}'), finishPart('tool-calls', { inputTokens: 3 })],
        [...textParts('t2', 'Done'), finishPart('stop', { outputTokens: 1 })],
      ],
    });
    const run = createAgent(model, { tools: [lookup] }).stream({ prompt: 'go' });
    const chunks = await collect(toUIMessageStream(run, { messageId: 'm1' }));
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      'start',
      'start-step',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-available',
      'tool-output-available',
      'finish-step',
      'message-metadata',
      'start-step',
      'text-start',
      'text-delta',
      'text-end',
      'finish-step',
      'message-metadata',
      'finish',
    ]);
    expect(chunks[0]).toEqual({ type: 'start', messageId: 'm1' });
    expect(chunks[2]).toEqual({ type: 'tool-input-start', toolCallId: 'call-1', toolName: 'lookup' });
    expect(chunks[3]).toEqual({
      type: 'tool-input-delta',
      toolCallId: 'call-1',
      inputTextDelta: '{"value":"x"}',
    });
    expect(chunks[4]).toEqual({
      type: 'tool-input-available',
      toolCallId: 'call-1',
      toolName: 'lookup',
      input: { value: 'x' },
    });
    expect(chunks[5]).toEqual({ type: 'tool-output-available', toolCallId: 'call-1', output: 'lookup: x' });
    expect(chunks.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'stop',
      messageMetadata: { finishReason: 'stop', usage: usage({ inputTokens: 3, outputTokens: 1 }) },
    });
    await expectValidChunks(chunks);
  });

  it('builds the same UI message in the AI SDK client as the run produced', async () => {
    const lookup = valueTool('lookup');
    const model = new MockLanguageModel({
      stream: [
        [
          { type: 'reasoning-start', id: 'r1' },
          { type: 'reasoning-delta', id: 'r1', delta: 'think' },
          { type: 'reasoning-end', id: 'r1', providerMetadata: { anthropic: { signature: 'sig-1' } } },
          ...toolCallParts('call-1', 'lookup', '{"value":"x"}'),
          finishPart('tool-calls'),
        ],
        [...textParts('t2', 'Hi ', 'there'), finishPart('stop')],
      ],
    });
    const run = createAgent(model, { tools: [lookup] }).stream({ prompt: 'go' });
    const chunks = await collect(toUIMessageStream(run, { messageId: 'm1', ...noMetadata }));
    let last: unknown;
    for await (const message of readUIMessageStream({ stream: toReadable(chunks as never[]) }))
      last = message;
    expect(last).toMatchObject({
      id: 'm1',
      role: 'assistant',
      parts: [
        { type: 'step-start' },
        {
          type: 'reasoning',
          text: 'think',
          state: 'done',
          providerMetadata: { anthropic: { signature: 'sig-1' } },
        },
        {
          type: 'tool-lookup',
          toolCallId: 'call-1',
          state: 'output-available',
          input: { value: 'x' },
          output: 'lookup: x',
        },
        { type: 'step-start' },
        { type: 'text', text: 'Hi there', state: 'done' },
      ],
    });
  });

  it('opens a text block for a delta that came without a start and drops an end for a block never started', async () => {
    const parts: StreamPart[] = [
      { type: 'text-delta', id: 'a', delta: 'x' },
      { type: 'text-end', id: 'a' },
      { type: 'text-end', id: 'ghost' },
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(1, -2)).toEqual([
      { type: 'start-step' },
      { type: 'text-start', id: 'a' },
      { type: 'text-delta', id: 'a', delta: 'x' },
      { type: 'text-end', id: 'a' },
    ]);
  });

  it('closes blocks a failed stream left open before the error and the one finish', async () => {
    const parts: StreamPart[] = [
      { type: 'text-start', id: 'a' },
      { type: 'text-delta', id: 'a', delta: 'x' },
      { type: 'error', error: new Error('upstream said: key sk-secret is invalid') },
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(4)).toEqual([
      { type: 'error', errorText: 'An error occurred.' },
      { type: 'text-end', id: 'a' },
      { type: 'finish-step' },
      { type: 'finish', finishReason: 'error' },
    ]);
    expect(JSON.stringify(chunks)).not.toContain('sk-secret');
  });

  it('sends the error message only when asked to', async () => {
    const failing = () => partsFrom([{ type: 'error', error: new Error('boom') }]);
    const exposed = await collect(toUIMessageStream(failing(), { exposeErrors: true }));
    expect(exposed).toContainEqual({ type: 'error', errorText: 'boom' });
    const custom = await collect(toUIMessageStream(failing(), { onError: () => 'try again' }));
    expect(custom).toContainEqual({ type: 'error', errorText: 'try again' });
  });

  it('passes reasoning with its provider metadata, and leaves it out when sendReasoning is false', async () => {
    const parts: StreamPart[] = [
      { type: 'reasoning-start', id: 'r', providerMetadata: { openai: { itemId: 'rs_1' } } },
      { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
      {
        type: 'reasoning-end',
        id: 'r',
        providerMetadata: { openai: { itemId: 'rs_1', encryptedContent: 'enc' } },
      },
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(2, 5)).toEqual([
      { type: 'reasoning-start', id: 'r', providerMetadata: { openai: { itemId: 'rs_1' } } },
      { type: 'reasoning-delta', id: 'r', delta: 'hmm' },
      {
        type: 'reasoning-end',
        id: 'r',
        providerMetadata: { openai: { itemId: 'rs_1', encryptedContent: 'enc' } },
      },
    ]);
    const hidden = await collect(
      toUIMessageStream(partsFrom(parts), { sendReasoning: false, ...noMetadata }),
    );
    expect(hidden.map((chunk) => chunk.type)).toEqual(['start', 'start-step', 'finish-step', 'finish']);
  });

  it('sends a reasoning block that has only a signature (redacted thinking) as a start and an end', async () => {
    const parts: StreamPart[] = [
      { type: 'reasoning-end', id: 'r', providerMetadata: { anthropic: { redactedData: 'opaque' } } },
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(2, 4)).toEqual([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-end', id: 'r', providerMetadata: { anthropic: { redactedData: 'opaque' } } },
    ]);
  });

  it('reports an invalid tool call as an input error and an error result as an output error', async () => {
    const parts: UISourcePart[] = [
      {
        ...toolCall('c1', 'lookup', '{"value":1}'),
        invalid: true,
        validationError: new Error('value: expected string'),
      },
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'lookup',
        output: { type: 'error', error: 'bad input' },
      },
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(2, 4)).toEqual([
      {
        type: 'tool-input-error',
        toolCallId: 'c1',
        toolName: 'lookup',
        input: { value: 1 },
        errorText: 'value: expected string',
      },
      { type: 'tool-output-error', toolCallId: 'c1', errorText: 'bad input' },
    ]);
    await expectValidChunks(chunks);
  });

  it('keeps the exact input text when parsing and serializing would change it', async () => {
    const parts: UISourcePart[] = [
      toolCall('c1', 't', '{ "value": "x" }'),
      toolCall('c2', 't', 'not json'),
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks[2]).toMatchObject({
      input: { value: 'x' },
      providerMetadata: { fantasy: { inputText: '{ "value": "x" }' } },
    });
    expect(chunks[3]).toMatchObject({
      input: 'not json',
      providerMetadata: { fantasy: { inputText: 'not json' } },
    });
  });

  it('sends an approval request after the call it asks about, announcing the call if it was not seen', async () => {
    const request = {
      type: 'tool-approval-request',
      approvalId: 'ap-1',
      toolCallId: 'c1',
      toolName: 'send',
      input: '{}',
    } as const;
    const seen = await collect(
      toUIMessageStream(
        partsFrom([toolCall('c1', 'send', '{}'), request, finishPart('tool-calls')]),
        noMetadata,
      ),
    );
    expect(seen.slice(2, 4)).toEqual([
      { type: 'tool-input-available', toolCallId: 'c1', toolName: 'send', input: {} },
      { type: 'tool-approval-request', approvalId: 'ap-1', toolCallId: 'c1' },
    ]);
    const unseen = await collect(
      toUIMessageStream(partsFrom([request, finishPart('tool-calls')]), noMetadata),
    );
    expect(unseen.slice(2, 4)).toEqual(seen.slice(2, 4));
    expect(unseen.at(-1)).toEqual({ type: 'finish', finishReason: 'tool-calls' });
    await expectValidChunks(seen);
  });

  it('reports the result of a call the user denied as denied and reuses the assistant message id', async () => {
    const originalMessages = [
      { id: 'u1', role: 'user' as const, parts: [{ type: 'text' as const, text: 'send it' }] },
      {
        id: 'a1',
        role: 'assistant' as const,
        parts: [
          {
            type: 'tool-send' as const,
            toolCallId: 'c1',
            state: 'approval-responded' as const,
            input: {},
            approval: { id: 'ap-1', approved: false, reason: 'no' },
          },
        ],
      },
    ];
    const parts: UISourcePart[] = [
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'send',
        output: { type: 'error', error: 'denied: no' },
      },
      ...textParts('t', 'OK, not sent.'),
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), { originalMessages, ...noMetadata }));
    expect(chunks[0]).toEqual({ type: 'start', messageId: 'a1' });
    expect(chunks[2]).toEqual({ type: 'tool-output-denied', toolCallId: 'c1' });
  });

  it('maps JSON, media and provider-executed results so they can be read back', async () => {
    const parts = [
      { type: 'tool-result', toolCallId: 'c1', toolName: 't', output: { type: 'json', value: { ok: true } } },
      { type: 'tool-result', toolCallId: 'c2', toolName: 't', output: { type: 'json', value: 'plain' } },
      {
        type: 'tool-result',
        toolCallId: 'c3',
        toolName: 't',
        output: { type: 'media', data: 'AAEC', mediaType: 'image/png' },
      },
      {
        type: 'tool-result',
        toolCallId: 'c4',
        toolName: 'web_search',
        providerExecuted: true,
        providerMetadata: { anthropic: { results: [] } },
      },
      finishPart('stop'),
    ] as UISourcePart[];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(chunks.slice(2, 6)).toEqual([
      { type: 'tool-output-available', toolCallId: 'c1', output: { ok: true } },
      {
        type: 'tool-output-available',
        toolCallId: 'c2',
        output: 'plain',
        providerMetadata: { fantasy: { output: 'json' } },
      },
      {
        type: 'tool-output-available',
        toolCallId: 'c3',
        output: { type: 'media', data: 'AAEC', mediaType: 'image/png' },
        providerMetadata: { fantasy: { output: 'media' } },
      },
      {
        type: 'tool-output-available',
        toolCallId: 'c4',
        output: null,
        providerExecuted: true,
        providerMetadata: { anthropic: { results: [] }, fantasy: { noResult: true } },
      },
    ]);
    await expectValidChunks(chunks);
  });

  it('sends sources only when asked, and files as data URLs', async () => {
    const parts: StreamPart[] = [
      { type: 'source', sourceType: 'url', id: 's1', url: 'https://example.com', title: 'Example' },
      {
        type: 'source',
        sourceType: 'document',
        id: 's2',
        mediaType: 'application/pdf',
        title: 'Doc',
        filename: 'd.pdf',
      },
      { type: 'file', mediaType: 'image/png', data: new Uint8Array([0, 1, 2]) },
      finishPart('stop'),
    ];
    const chunks = await collect(toUIMessageStream(partsFrom(parts), { sendSources: true, ...noMetadata }));
    expect(chunks.slice(2, 5)).toEqual([
      { type: 'source-url', sourceId: 's1', url: 'https://example.com', title: 'Example' },
      {
        type: 'source-document',
        sourceId: 's2',
        mediaType: 'application/pdf',
        title: 'Doc',
        filename: 'd.pdf',
      },
      { type: 'file', url: 'data:image/png;base64,AAEC', mediaType: 'image/png' },
    ]);
    await expectValidChunks(chunks);
    const withoutSources = await collect(toUIMessageStream(partsFrom(parts), noMetadata));
    expect(withoutSources.map((chunk) => chunk.type)).not.toContain('source-url');
  });

  it('uses the metadata function for start, every step and the finish', async () => {
    const events: string[] = [];
    const chunks = await collect(
      toUIMessageStream(partsFrom([...textParts('t', 'x'), finishPart('length')]), {
        messageMetadata: (event) => {
          events.push(event.type);
          return { at: event.type };
        },
      }),
    );
    expect(events).toEqual(['start', 'finish-step', 'finish']);
    expect(chunks[0]).toEqual({ type: 'start', messageMetadata: { at: 'start' } });
    expect(chunks.at(-1)).toEqual({
      type: 'finish',
      finishReason: 'length',
      messageMetadata: { at: 'finish' },
    });
  });

  it('ends with an abort chunk and no finish when the run was aborted', async () => {
    const abortController = new AbortController();
    const model = new MockLanguageModel({ stream: [...textParts('t', 'a', 'b', 'c'), finishPart('stop')] });
    const run = createAgent(model).stream({ prompt: 'go', abortSignal: abortController.signal });
    const chunks: UIMessageChunk[] = [];
    for await (const chunk of toUIMessageStream(run, { abortController })) {
      chunks.push(chunk);
      if (chunk.type === 'text-delta') abortController.abort();
    }
    expect(chunks.at(-1)).toEqual({ type: 'abort', reason: 'aborted' });
    expect(chunks.map((chunk) => chunk.type)).not.toContain('finish');
  });

  it('aborts the run when the reader stops before the end', async () => {
    const abortController = new AbortController();
    const started = deferred();
    let modelSignal: AbortSignal | undefined;
    const model = new MockLanguageModel({
      stream: async (options) => {
        modelSignal = options.abortSignal;
        started.resolve();
        return (async function* () {
          yield { type: 'text-start', id: 't' } as StreamPart;
          yield { type: 'text-delta', id: 't', delta: 'a' } as StreamPart;
          await new Promise((resolve) => options.abortSignal?.addEventListener('abort', resolve));
          options.abortSignal?.throwIfAborted();
        })();
      },
    });
    const run = createAgent(model).stream({ prompt: 'go', abortSignal: abortController.signal });
    for await (const chunk of toUIMessageStream(run, { abortController }))
      if (chunk.type === 'text-delta') break;
    await started.promise;
    expect(abortController.signal.aborted).toBe(true);
    expect(modelSignal?.aborted).toBe(true);
  });

  it('interleaves data chunks written while the run waits', async () => {
    const data = createUIDataWriter();
    const gate = deferred();
    async function* parts(): AsyncGenerator<UISourcePart> {
      yield* textParts('t', 'a');
      data.write({ type: 'data-status', data: 'working' });
      await gate.promise;
      yield finishPart('stop');
    }
    const seen: UIMessageChunk[] = [];
    for await (const chunk of toUIMessageStream(parts(), { data, ...noMetadata })) {
      seen.push(chunk);
      if (chunk.type === 'data-status') {
        data.write({ type: 'data-progress', id: 'p', data: 50, transient: true });
        gate.resolve();
      }
    }
    expect(seen.map((chunk) => chunk.type)).toEqual([
      'start',
      'start-step',
      'text-start',
      'text-delta',
      'text-end',
      'data-status',
      'data-progress',
      'finish-step',
      'finish',
    ]);
    await expectValidChunks(seen);
  });
});
