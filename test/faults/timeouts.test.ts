import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { InvalidArgumentError } from '../../src/errors/invalid-argument-error.js';
import { TimeoutError } from '../../src/errors/timeout-error.js';
import { streamObject } from '../../src/object/stream-object.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { textOf } from '../../src/spec/content.js';
import { userMessage } from '../../src/spec/message.js';
import { MockLanguageModel } from '../../src/testing/mock-language-model.js';
import { finishPart, textParts } from '../support/agent-fixtures.js';
import type { FaultStep } from './fault-server.js';
import { useFaultServer } from './fault-server.js';
import {
  collectParts,
  faultApiKey,
  geminiModel,
  openAIModel,
  recordRetries,
  rejectionOf,
  settles,
  streamError,
  textOfParts,
} from './support.js';
import { chatCompletion, chatStream, chatText, geminiChunk, okStream, sse, streamAnswer } from './wire.js';

const server = useFaultServer();
const prompt = [userMessage('Hi')];

function expectTimeout(error: unknown, kind: TimeoutError['kind'], ms: number): void {
  expect(TimeoutError.isInstance(error), String(error)).toBe(true);
  expect(error).toMatchObject({ kind, ms, isRetryable: kind !== 'total' });
}

// Wall-clock limits of 50–250 ms against a loopback server: on a loaded 2-core machine a request of the previous
// test can arrive late and take this test's scripted answer. Each test asserts the same behaviour on every try.
describe('timeout: firstChunkMs', { retry: 2 }, () => {
  it('rejects stream() when no response arrives in time, and closes the connection', async () => {
    server.answer({ silent: true });
    const started = performance.now();
    const error = await rejectionOf(
      openAIModel(server).stream({ prompt, maxRetries: 0, timeout: { firstChunkMs: 50 } }),
      'stream',
    );
    expectTimeout(error, 'first-chunk', 50);
    expect((error as Error).message).toBe(
      `POST ${server.url}/v1/chat/completions timed out: no response arrived within 50 ms (timeout.firstChunkMs)`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await server.waitForIdle()).toBe(true);
  });

  it('ends the stream with a TimeoutError when the headers come but no body follows', async () => {
    // 250 ms, not 50: on a loaded 2-core CI machine the headers alone can take longer than 50 ms.
    server.answer(streamAnswer('stall'));
    const parts = await collectParts(
      await openAIModel(server).stream({ prompt, maxRetries: 0, timeout: { firstChunkMs: 250 } }),
    );
    expect(parts).toHaveLength(1);
    expectTimeout(streamError(parts), 'first-chunk', 250);
    expect(await server.waitForIdle()).toBe(true);
  });

  it('rejects generate() when no response arrives in time', async () => {
    server.answer({ silent: true });
    const error = await rejectionOf(
      openAIModel(server).generate({ prompt, maxRetries: 0, timeout: { firstChunkMs: 50 } }),
      'generate',
    );
    expectTimeout(error, 'first-chunk', 50);
  });

  it('applies to the Responses API through the same layer', async () => {
    server.answer({ silent: true });
    const model = createOpenAI({ apiKey: faultApiKey, baseURL: `${server.url}/v1` }).responses('gpt-5-mini');
    expectTimeout(
      await rejectionOf(model.stream({ prompt, maxRetries: 0, timeout: { firstChunkMs: 50 } }), 'stream'),
      'first-chunk',
      50,
    );
  });

  it('is retried by the agent when it fires before anything was delivered', async () => {
    server.answer({ silent: true }, chatCompletion('ok'));
    const { delays, events, settings } = recordRetries();
    // 250 ms, not 50: on a loaded machine the retried request's answer alone can take longer than 50 ms.
    const agent = createAgent(openAIModel(server), { ...settings, timeout: { firstChunkMs: 250 } });
    const result = await settles(agent.generate({ prompt: 'Hi' }), 'generate');
    expect(textOf(result.response.content)).toBe('ok');
    expect(delays).toEqual([2000]);
    expectTimeout(events[0]?.error, 'first-chunk', 250);
    expect(server.requests).toHaveLength(2);
  });
});

describe('timeout: chunkMs', { retry: 2 }, () => {
  it('ends the stream with a TimeoutError after a pause between chunks, keeping the text before it', async () => {
    server.answer(streamAnswer({ write: sse(chatText('Hel')) }, 'stall'));
    const parts = await collectParts(await openAIModel(server).stream({ prompt, timeout: { chunkMs: 50 } }));
    expect(textOfParts(parts)).toBe('Hel');
    expectTimeout(streamError(parts), 'chunk', 50);
    expect(await server.waitForIdle()).toBe(true);
  });

  it('lets a stream whose pauses stay under the limit finish', async () => {
    const steps: FaultStep[] = ['He', 'l', 'lo'].flatMap((text) => [
      { write: sse(chatText(text)) },
      { wait: 15 },
    ]);
    server.answer(streamAnswer(...steps, { write: chatStream('') }));
    const parts = await collectParts(await openAIModel(server).stream({ prompt, timeout: { chunkMs: 500 } }));
    expect(textOfParts(parts)).toBe('Hello');
    expect(parts.at(-1)?.type).toBe('finish');
  });

  it('fails an agent run without a retry once text was delivered', async () => {
    server.answer(streamAnswer({ write: sse(chatText('Hel')) }, 'stall'));
    const { events, settings } = recordRetries();
    const run = await createAgent(openAIModel(server), settings).stream({
      prompt: 'Hi',
      timeout: { chunkMs: 50 },
    });
    const texts: string[] = [];
    const reading = (async () => {
      for await (const text of run.textStream) texts.push(text);
    })();
    expectTimeout(await rejectionOf(reading, 'textStream'), 'chunk', 50);
    expect(texts).toEqual(['Hel']);
    expect(events).toEqual([]);
  });

  it('applies to Gemini streams', async () => {
    server.answer(streamAnswer({ write: sse(geminiChunk('Hel')) }, 'stall'));
    const parts = await collectParts(await geminiModel(server).stream({ prompt, timeout: { chunkMs: 50 } }));
    expect(textOfParts(parts)).toBe('Hel');
    expectTimeout(streamError(parts), 'chunk', 50);
  });
});

describe('timeout: totalMs', { retry: 2 }, () => {
  it('ends a stream that keeps sending after totalMs, as a TimeoutError that is not retryable', async () => {
    const steps: FaultStep[] = Array.from({ length: 40 }, () => [
      { write: sse(chatText('.')) },
      { wait: 10 },
    ]).flat();
    server.answer(streamAnswer(...steps));
    const parts = await collectParts(await openAIModel(server).stream({ prompt, timeout: 100 }));
    expectTimeout(streamError(parts), 'total', 100);
    expect(textOfParts(parts).length).toBeGreaterThan(0);
    expect(textOfParts(parts).length).toBeLessThan(40);
  });

  it('rejects generate() whose body is still arriving after totalMs', async () => {
    server.answer({
      status: 200,
      headers: { 'content-type': 'application/json' },
      steps: [{ write: '{"id":"c","choices":[' }, 'stall'],
    });
    const error = await rejectionOf(
      openAIModel(server).generate({ prompt, timeout: { totalMs: 80 } }),
      'generate',
    );
    expectTimeout(error, 'total', 80);
  });
});

describe('timeout: passing the setting through', () => {
  it('rejects a limit that is not a positive number before sending anything', async () => {
    const error = await rejectionOf(
      openAIModel(server).stream({ prompt, timeout: { chunkMs: -1 } }),
      'stream',
    );
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ argument: 'timeout.chunkMs' });
    expect(server.requests).toHaveLength(0);
  });

  it('gives every model call of an agent the call timeout, else the agent one', async () => {
    const model = new MockLanguageModel({ stream: [...textParts('1', 'ok'), finishPart('stop')] });
    const agent = createAgent(model, { timeout: { totalMs: 1000 } });
    await (await agent.stream({ prompt: 'Hi' })).result;
    await (await agent.stream({ prompt: 'Hi', timeout: 50 })).result;
    expect(model.calls.map((call) => call.timeout)).toEqual([{ totalMs: 1000 }, 50]);
  });

  it('rejects the object of a streamObject call whose stream stalls', async () => {
    server.answer(streamAnswer({ write: sse(chatText('{"name":"Ad')) }, 'stall'));
    const result = await streamObject({
      model: openAIModel(server),
      schema: jsonSchema<{ name: string }>({ type: 'object', properties: { name: { type: 'string' } } }),
      prompt: 'A person',
      timeout: { chunkMs: 50 },
    });
    const partials: unknown[] = [];
    const reading = (async () => {
      for await (const partial of result.partialObjectStream) partials.push(partial);
    })();
    const error = await rejectionOf(reading, 'partialObjectStream');
    expectTimeout(error, 'chunk', 50);
    expect(await rejectionOf(result.object, 'object')).toBe(error);
    expect(partials).toEqual([{ name: 'Ad' }]);
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toMatchObject({ stream: true });
  });

  it('also honours a stream answered at once', async () => {
    server.answer(okStream(chatStream('fast')));
    const parts = await collectParts(
      await openAIModel(server).stream({
        prompt,
        timeout: { totalMs: 5000, firstChunkMs: 1000, chunkMs: 1000 },
      }),
    );
    expect(textOfParts(parts)).toBe('fast');
  });
});
