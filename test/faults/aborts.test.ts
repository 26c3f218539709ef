import { describe, expect, it } from 'vitest';
import { createAgent } from '../../src/agent/create-agent.js';
import { generateObject } from '../../src/object/generate-object.js';
import { streamObject } from '../../src/object/stream-object.js';
import { jsonSchema } from '../../src/schema/json-schema-wrapper.js';
import { userMessage } from '../../src/spec/message.js';
import type { ObjectStreamPart } from '../../src/spec/object.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import { useFaultServer } from './fault-server.js';
import { openAIModel, rejectionOf, settles, streamError } from './support.js';
import { chatText, sse, streamAnswer } from './wire.js';

const server = useFaultServer();
const prompt = [userMessage('Hi')];
const person = jsonSchema<{ name: string }>({ type: 'object', properties: { name: { type: 'string' } } });

function abortedSignal(): AbortSignal {
  const controller = new AbortController();
  controller.abort();
  return controller.signal;
}

/** Text first, then nothing until the client leaves: the stream a caller aborts. */
function stalledAfterText(): void {
  server.answer(streamAnswer({ write: sse(chatText('Hel')) }, 'stall'));
}

describe('abort: a signal that is already aborted', () => {
  const calls: Array<[string, (signal: AbortSignal) => Promise<unknown>]> = [
    ['model.stream', (signal) => openAIModel(server).stream({ prompt, abortSignal: signal })],
    ['model.generate', (signal) => openAIModel(server).generate({ prompt, abortSignal: signal })],
    [
      'agent.generate',
      (signal) => createAgent(openAIModel(server)).generate({ prompt: 'Hi', abortSignal: signal }),
    ],
    [
      'agent.stream result',
      async (signal) =>
        (await createAgent(openAIModel(server)).stream({ prompt: 'Hi', abortSignal: signal })).result,
    ],
    [
      'agent.stream fullStream',
      async (signal) => {
        const run = await createAgent(openAIModel(server)).stream({ prompt: 'Hi', abortSignal: signal });
        for await (const _part of run.fullStream) {
          // Nothing may arrive.
        }
      },
    ],
    [
      'streamObject',
      (signal) =>
        streamObject({ model: openAIModel(server), schema: person, prompt: 'P', abortSignal: signal }),
    ],
    [
      'generateObject',
      (signal) =>
        generateObject({ model: openAIModel(server), schema: person, prompt: 'P', abortSignal: signal }),
    ],
  ];

  it.each(calls)('rejects %s at once with the reason, sending nothing', async (name, call) => {
    const signal = abortedSignal();
    const error = await rejectionOf(call(signal), name);
    expect(error).toBe(signal.reason);
    expect((error as DOMException).name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });
});

describe('abort: in the middle of a stream', () => {
  it('ends a model stream read with for-await with the abort reason as its last part', async () => {
    stalledAfterText();
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    const reading = (async () => {
      for await (const part of await openAIModel(server).stream({ prompt, abortSignal: controller.signal })) {
        parts.push(part);
        if (part.type === 'text-delta') controller.abort();
      }
    })();
    await settles(reading, 'for-await over model.stream');
    expect(streamError(parts)).toBe(controller.signal.reason);
    expect(await server.waitForIdle()).toBe(true);
  });

  it("passes the caller's own abort reason through unwrapped", async () => {
    stalledAfterText();
    const controller = new AbortController();
    const reason = new Error('the user closed the tab');
    const parts: StreamPart[] = [];
    for await (const part of await openAIModel(server).stream({ prompt, abortSignal: controller.signal })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort(reason);
    }
    expect(streamError(parts)).toBe(reason);
  });

  it('settles every consumer of an agent stream promptly: views, result and callbacks', async () => {
    stalledAfterText();
    const controller = new AbortController();
    const errors: unknown[] = [];
    const run = await createAgent(openAIModel(server)).stream({
      prompt: 'Hi',
      abortSignal: controller.signal,
      onTextDelta: () => controller.abort(),
      onError: (error) => void errors.push(error),
    });
    const full = run.fullStream;
    const text = run.textStream;
    const drain = async (iterable: AsyncIterable<unknown>) => {
      for await (const _item of iterable) {
        // Read until the abort ends the stream.
      }
    };
    const started = performance.now();
    const outcomes = await Promise.all([
      rejectionOf(drain(full), 'fullStream'),
      rejectionOf(drain(text), 'textStream'),
      rejectionOf(run.result, 'result'),
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(outcomes).toEqual([controller.signal.reason, controller.signal.reason, controller.signal.reason]);
    expect(errors).toEqual([controller.signal.reason]);
    expect(await server.waitForIdle()).toBe(true);
  });

  it('rejects agent.generate when aborted while the model has not answered', async () => {
    server.answer({ silent: true });
    const controller = new AbortController();
    const running = createAgent(openAIModel(server)).generate({
      prompt: 'Hi',
      abortSignal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    expect(await rejectionOf(running, 'agent.generate')).toBe(controller.signal.reason);
    expect(await server.waitForIdle()).toBe(true);
  });

  it('ends every view of streamObject with the abort reason', async () => {
    server.answer(streamAnswer({ write: sse(chatText('{"name":"Ad')) }, 'stall'));
    const controller = new AbortController();
    const result = await streamObject({
      model: openAIModel(server),
      schema: person,
      prompt: 'P',
      abortSignal: controller.signal,
    });
    const full = result.fullStream;
    const partials = result.partialObjectStream;
    const fullParts: ObjectStreamPart[] = [];
    const readFull = (async () => {
      for await (const part of full) {
        fullParts.push(part);
        if (part.type === 'object') controller.abort();
      }
    })();
    const readPartials = (async () => {
      for await (const _partial of partials) {
        // Read until the abort ends the stream.
      }
    })();
    await settles(readFull, 'fullStream');
    expect(await rejectionOf(readPartials, 'partialObjectStream')).toBe(controller.signal.reason);
    expect(await rejectionOf(result.object, 'object')).toBe(controller.signal.reason);
    expect(fullParts.at(-1)).toEqual({ type: 'error', error: controller.signal.reason });
  });
});
