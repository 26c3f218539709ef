import { describe, expect, it } from 'vitest';
import type { AgentStreamResult } from '../../src/agent/agent-stream-part.js';
import { createAgent } from '../../src/agent/create-agent.js';
import { APICallError } from '../../src/errors/api-call-error.js';
import { IncompleteStreamError } from '../../src/errors/incomplete-stream-error.js';
import { InvalidResponseError } from '../../src/errors/invalid-response-error.js';
import { userMessage } from '../../src/spec/message.js';
import { valueTool } from '../support/agent-fixtures.js';
import { useFaultServer } from './fault-server.js';
import {
  collectParts,
  openAIModel,
  recordRetries,
  rejectionOf,
  settles,
  streamError,
  textOfParts,
} from './support.js';
import { chatFinish, chatStream, chatText, chatToolCall, okStream, sse, streamAnswer } from './wire.js';

const server = useFaultServer();

/** Reads a run's text stream to its end: the texts delivered and the error it ended with, if any. */
async function readText(run: AgentStreamResult): Promise<{ texts: string[]; error: unknown }> {
  const texts: string[] = [];
  const stream = run.textStream;
  const reading = (async () => {
    try {
      for await (const text of stream) texts.push(text);
      return undefined;
    } catch (error) {
      return error;
    }
  })();
  return { texts, error: await settles(reading, 'textStream') };
}

describe('fault: connection cut before anything was delivered', () => {
  it('retries a reset before the response headers, and delivers the answer once', async () => {
    server.answer({ resetBeforeHeaders: true }, okStream(chatStream('Hel', 'lo')));
    const { delays, events, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), settings).stream({ prompt: 'Hi' });
    const { texts, error } = await readText(run);
    expect(error).toBeUndefined();
    expect(texts).toEqual(['Hel', 'lo']);
    expect(delays).toEqual([2000]);
    expect(events[0]?.error).toMatchObject({
      name: 'APICallError',
      title: 'connection error',
      isRetryable: true,
    });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a reset after the headers but before the first event', async () => {
    server.answer(streamAnswer('destroy'), okStream(chatStream('Hel', 'lo')));
    const { delays, events, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), settings).stream({ prompt: 'Hi' });
    const { texts, error } = await readText(run);
    expect(error).toBeUndefined();
    expect(texts).toEqual(['Hel', 'lo']);
    expect(delays).toEqual([2000]);
    expect(events[0]?.error).toMatchObject({ title: 'stream transport error', isRetryable: true });
  });

  it('retries a stream truncated inside its first event, as an IncompleteStreamError', async () => {
    server.answer(okStream('data: {"choices":[{"delta":{"con'), okStream(chatStream('Hello')));
    const { events, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), settings).stream({ prompt: 'Hi' });
    const { texts, error } = await readText(run);
    expect(error).toBeUndefined();
    expect(texts).toEqual(['Hello']);
    expect(IncompleteStreamError.isInstance(events[0]?.error)).toBe(true);
  });
});

describe('fault: connection cut after text was delivered', () => {
  it('fails the run without a retry and never delivers the same text twice', async () => {
    server.answer(
      streamAnswer({ write: sse(chatText('Hel')) }, { wait: 20 }, 'destroy'),
      okStream(chatStream('Hel', 'lo')),
    );
    const { events, settings } = recordRetries();
    const errors: unknown[] = [];
    const run = await createAgent(openAIModel(server), settings).stream({
      prompt: 'Hi',
      onError: (error) => void errors.push(error),
    });
    const { texts, error } = await readText(run);
    expect(texts).toEqual(['Hel']);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ title: 'stream transport error', isRetryable: true });
    expect(await rejectionOf(run.result, 'result')).toBe(error);
    expect(errors).toEqual([error]);
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('ends the model stream with an IncompleteStreamError when the final chunk is truncated', async () => {
    server.answer(okStream(sse(chatText('Hel')) + 'data: {"choices":[{"delta":{"content":"lo'));
    const parts = await collectParts(await openAIModel(server).stream({ prompt: [userMessage('Hi')] }));
    expect(textOfParts(parts)).toBe('Hel');
    const error = streamError(parts);
    expect(IncompleteStreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, message: 'the stream ended in the middle of an event' });
    const cause = (error as Error).cause;
    expect(InvalidResponseError.isInstance(cause)).toBe(true);
    expect((cause as InvalidResponseError).data).toBe('{"choices":[{"delta":{"content":"lo');
  });

  it('ends with an IncompleteStreamError when the body ends cleanly before any finish reason', async () => {
    server.answer(okStream(sse(chatText('Hel'))));
    const parts = await collectParts(await openAIModel(server).stream({ prompt: [userMessage('Hi')] }));
    expect(parts.map((part) => part.type)).toEqual(['text-start', 'text-delta', 'text-end', 'error']);
    expect(IncompleteStreamError.isInstance(streamError(parts))).toBe(true);
  });

  it('waits through pauses between chunks when no timeout is set', async () => {
    server.answer(
      streamAnswer(
        { write: sse(chatText('Hel')) },
        { wait: 60 },
        { write: sse(chatText('lo'), chatFinish(), '[DONE]') },
      ),
    );
    const parts = await collectParts(await openAIModel(server).stream({ prompt: [userMessage('Hi')] }));
    expect(textOfParts(parts)).toBe('Hello');
    expect(parts.at(-1)?.type).toBe('finish');
  });
});

describe('fault: connection cuts around tool calls', () => {
  it('runs a tool once when the next step is cut and retried', async () => {
    const weather = valueTool('weather');
    server.answer(
      okStream(
        sse(
          chatToolCall({ index: 0, id: 'call_1', name: 'weather', arguments: '{"value":"Paris"}' }),
          chatFinish('tool_calls'),
        ),
      ),
      { resetBeforeHeaders: true },
      okStream(chatStream('Sunny')),
    );
    const { delays, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), { ...settings, tools: [weather] }).stream({
      prompt: 'Hi',
    });
    const { texts, error } = await readText(run);
    expect(error).toBeUndefined();
    expect(texts).toEqual(['Sunny']);
    expect(weather.inputs).toEqual([{ value: 'Paris' }]);
    expect(delays).toEqual([2000]);
    expect(server.requests).toHaveLength(3);
  });

  it('never runs a tool whose call was streamed before the connection was cut', async () => {
    const weather = valueTool('weather');
    server.answer(
      streamAnswer(
        {
          write: sse(
            chatToolCall({ index: 0, id: 'call_1', name: 'weather', arguments: '{"value":"Paris"}' }),
          ),
        },
        { wait: 20 },
        'destroy',
      ),
    );
    const { events, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), { ...settings, tools: [weather] }).stream({
      prompt: 'Hi',
    });
    const { error } = await readText(run);
    expect(error).toMatchObject({ name: 'APICallError', title: 'stream transport error' });
    expect(weather.inputs).toEqual([]);
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });
});
