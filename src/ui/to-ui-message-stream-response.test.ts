import { describe, expect, it } from 'vitest';
import { finishPart, textParts } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { NodeResponseLike } from './node-response-like.js';
import { pipeUIMessageStreamToNodeResponse } from './pipe-ui-message-stream-to-node-response.js';
import { toUIMessageStreamResponse } from './to-ui-message-stream-response.js';

async function* partsFrom(parts: readonly StreamPart[]): AsyncGenerator<StreamPart> {
  for (const part of parts) yield part;
}

/** A stand-in for Node's ServerResponse that records what was written. */
class FakeNodeResponse implements NodeResponseLike {
  status = 0;
  headers: Record<string, string> = {};
  written: string[] = [];
  ended = false;
  full = false;
  private listeners: Record<string, (() => void)[]> = {};
  get writableEnded() {
    return this.ended;
  }
  writeHead(statusCode: number, headers: Record<string, string>) {
    this.status = statusCode;
    this.headers = headers;
  }
  write(chunk: string) {
    this.written.push(chunk);
    return !this.full;
  }
  end() {
    this.ended = true;
  }
  on(event: string, listener: () => void) {
    this.listeners[event] = [...(this.listeners[event] ?? []), listener];
  }
  emit(event: string) {
    for (const listener of this.listeners[event] ?? []) listener();
  }
}

describe('toUIMessageStreamResponse', () => {
  it('answers with SSE events, [DONE] and the protocol header', async () => {
    const response = toUIMessageStreamResponse(partsFrom([...textParts('t', 'hi'), finishPart('stop')]), {
      messageMetadata: () => undefined,
      headers: { 'x-extra': '1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    expect(response.headers.get('x-extra')).toBe('1');
    expect(await response.text()).toBe(
      [
        '{"type":"start"}',
        '{"type":"start-step"}',
        '{"type":"text-start","id":"t"}',
        '{"type":"text-delta","id":"t","delta":"hi"}',
        '{"type":"text-end","id":"t"}',
        '{"type":"finish-step"}',
        '{"type":"finish","finishReason":"stop"}',
        '[DONE]',
      ]
        .map((data) => `data: ${data}\n\n`)
        .join(''),
    );
  });

  it('aborts the run at once when the client cancels the body, even while the model is silent', async () => {
    const abortController = new AbortController();
    let modelSignal: AbortSignal | undefined;
    const model = new MockLanguageModel({
      stream: async (options) => {
        modelSignal = options.abortSignal;
        return (async function* () {
          yield { type: 'text-start', id: 't' } as StreamPart;
          await new Promise((resolve) => options.abortSignal?.addEventListener('abort', resolve));
          options.abortSignal?.throwIfAborted();
        })();
      },
    });
    const run = createAgent(model).stream({ prompt: 'go', abortSignal: abortController.signal });
    const response = toUIMessageStreamResponse(run, { abortController });
    const reader = response.body!.getReader();
    let text = '';
    while (!text.includes('text-start')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(abortController.signal.aborted).toBe(true);
    expect(modelSignal?.aborted).toBe(true);
  });
});

describe('pipeUIMessageStreamToNodeResponse', () => {
  it('writes the head, every event and [DONE], then ends the response', async () => {
    const response = new FakeNodeResponse();
    await pipeUIMessageStreamToNodeResponse(
      partsFrom([...textParts('t', 'hi'), finishPart('stop')]),
      response,
      {
        messageMetadata: () => undefined,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers['x-vercel-ai-ui-message-stream']).toBe('v1');
    expect(response.written[0]).toBe('data: {"type":"start"}\n\n');
    expect(response.written.at(-1)).toBe('data: [DONE]\n\n');
    expect(response.ended).toBe(true);
  });

  it('waits for drain when the socket is full', async () => {
    const response = new FakeNodeResponse();
    response.full = true;
    const piped = pipeUIMessageStreamToNodeResponse(partsFrom([finishPart('stop')]), response);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(response.written).toHaveLength(1);
    response.full = false;
    response.emit('drain');
    await piped;
    expect(response.written.length).toBeGreaterThan(1);
  });

  it('aborts the run when the connection closes early and ends without [DONE]', async () => {
    const abortController = new AbortController();
    const model = new MockLanguageModel({
      stream: async (options) =>
        (async function* () {
          yield { type: 'text-start', id: 't' } as StreamPart;
          await new Promise((resolve) => options.abortSignal?.addEventListener('abort', resolve));
          options.abortSignal?.throwIfAborted();
        })(),
    });
    const run = createAgent(model).stream({ prompt: 'go', abortSignal: abortController.signal });
    const response = new FakeNodeResponse();
    const piped = pipeUIMessageStreamToNodeResponse(run, response, { abortController });
    while (response.written.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    response.emit('close');
    await piped;
    expect(abortController.signal.aborted).toBe(true);
    expect(response.written.join('')).not.toContain('[DONE]');
    expect(response.ended).toBe(true);
  });
});
