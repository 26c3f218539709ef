import { describe, expect, it } from 'vitest';
import {
  collect,
  deferred,
  finishPart,
  textParts,
  toolCallParts,
  valueTool,
} from '../../test/support/agent-fixtures.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel, simulateStream } from '../testing/mock-language-model.js';
import type { AgentStreamPart } from './agent-stream-part.js';
import { createAgent } from './create-agent.js';
import { tool } from './tool.js';

const twoSteps: StreamPart[][] = [
  [
    ...textParts('t1', 'Let me ', 'check. '),
    ...toolCallParts('c1', 'echo', '{"value":"x"}'),
    finishPart('tool-calls'),
  ],
  [...textParts('t2', 'Done.'), finishPart('stop')],
];

/** Settles within `ms` or fails: proves a promise is not left pending. */
function settlesWithin<T>(promise: Promise<T>, ms = 200): Promise<PromiseSettledResult<T>> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`still pending after ${ms} ms`)), ms),
  );
  return Promise.race([
    Promise.allSettled([promise]).then(([settled]) => settled as PromiseSettledResult<T>),
    timeout,
  ]);
}

/** A model stream that sends `parts`, then hangs until aborted (a stalled connection that ignores the signal). */
function stallingStream(parts: StreamPart[]): AsyncIterable<StreamPart> {
  return (async function* () {
    yield* parts;
    await new Promise(() => {});
  })();
}

describe('agent.stream: views', () => {
  it('yields step-start, the model parts, client tool results and step-finish in order', async () => {
    const run = await createAgent(new MockLanguageModel({ stream: twoSteps }), {
      tools: [valueTool('echo')],
    }).stream({
      prompt: 'Hi',
    });
    const types = (await collect(run.fullStream)).map((part) => part.type);
    expect(types).toEqual([
      'step-start',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
      'tool-result',
      'step-finish',
      'step-start',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
      'step-finish',
    ]);
    expect((await run.result).steps).toHaveLength(2);
  });

  it('streams the text deltas of every step as textStream', async () => {
    const run = await createAgent(new MockLanguageModel({ stream: twoSteps }), {
      tools: [valueTool('echo')],
    }).stream({
      prompt: 'Hi',
    });
    expect(await collect(run.textStream)).toEqual(['Let me ', 'check. ', 'Done.']);
  });

  it('runs to the end for callbacks alone when only result is awaited', async () => {
    const deltas: string[] = [];
    const run = await createAgent(new MockLanguageModel({ stream: twoSteps }), {
      tools: [valueTool('echo')],
    }).stream({
      prompt: 'Hi',
      onTextDelta: (_id, delta) => void deltas.push(delta),
    });
    const result = await run.result;
    expect(deltas).toEqual(['Let me ', 'check. ', 'Done.']);
    expect(result.steps).toHaveLength(2);
  });

  it('does not start before a stream is read or the result is awaited', async () => {
    const model = new MockLanguageModel({ stream: twoSteps });
    const run = await createAgent(model, { tools: [valueTool('echo')] }).stream({ prompt: 'Hi' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(model.calls).toHaveLength(0);
    await run.result;
    expect(model.calls).toHaveLength(2);
  });

  it('gives every view taken before reading all the parts', async () => {
    const run = await createAgent(new MockLanguageModel({ stream: twoSteps }), {
      tools: [valueTool('echo')],
    }).stream({
      prompt: 'Hi',
    });
    const full = run.fullStream;
    const text = run.textStream;
    const [parts, deltas] = await Promise.all([collect(full), collect(text)]);
    expect(parts).toHaveLength(18);
    expect(deltas).toEqual(['Let me ', 'check. ', 'Done.']);
  });

  it('pulls the model only as fast as the reader reads', async () => {
    let pulled = 0;
    const parts = [...textParts('t', 'a', 'b', 'c', 'd', 'e'), finishPart('stop')];
    const model = new MockLanguageModel({
      stream: () =>
        (async function* () {
          for (const part of parts) {
            pulled++;
            yield part;
          }
        })(),
    });
    const run = await createAgent(model).stream({ prompt: 'Hi' });
    const iterator = run.fullStream[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pulled).toBeLessThanOrEqual(2);
    await iterator.return?.();
    await run.result;
    expect(pulled).toBe(parts.length);
  });

  it('lets result finish after a reader stopped early', async () => {
    const run = await createAgent(new MockLanguageModel({ stream: twoSteps }), {
      tools: [valueTool('echo')],
    }).stream({
      prompt: 'Hi',
    });
    for await (const part of run.fullStream) if (part.type === 'text-delta') break;
    expect((await run.result).steps).toHaveLength(2);
  });

  it('ends every view and rejects the result on an in-band error', async () => {
    const failure = new Error('mock stream error');
    const model = new MockLanguageModel({
      stream: [...textParts('t', 'partial'), { type: 'error', error: failure }],
    });
    const run = await createAgent(model).stream({ prompt: 'Hi' });
    const seen: AgentStreamPart[] = [];
    const full = (async () => {
      for await (const part of run.fullStream) seen.push(part);
    })();
    const text = collect(run.textStream);
    await expect(full).rejects.toBe(failure);
    await expect(text).rejects.toBe(failure);
    await expect(run.result).rejects.toBe(failure);
    expect(seen.map((part) => part.type)).toEqual(['step-start', 'text-start', 'text-delta', 'text-end']);
  });
});

describe('agent.stream: abort', () => {
  it('rejects promptly with an AbortError when aborted mid-stream, settling every consumer', async () => {
    const controller = new AbortController();
    const errors: unknown[] = [];
    const model = new MockLanguageModel({ stream: () => stallingStream(textParts('t', 'Hel').slice(0, 2)) });
    const run = await createAgent(model).stream({
      prompt: 'Hi',
      abortSignal: controller.signal,
      onTextDelta: () => controller.abort(),
      onError: (error) => void errors.push(error),
    });
    const full = collect(run.fullStream);
    const text = collect(run.textStream);
    const [fullSettled, textSettled, resultSettled] = await Promise.all([
      settlesWithin(full),
      settlesWithin(text),
      settlesWithin(run.result),
    ]);
    for (const settled of [fullSettled, textSettled, resultSettled]) {
      expect(settled).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    }
    expect(errors).toHaveLength(1);
  });

  it('rejects promptly when aborted while a tool ignores the signal', async () => {
    const controller = new AbortController();
    const started = deferred();
    const stuck = tool({
      name: 'stuck',
      description: 'Never returns',
      inputSchema: { type: 'object' },
      execute: (_input, { abortSignal }) => {
        expect(abortSignal).toBe(controller.signal);
        started.resolve();
        return new Promise<string>(() => {});
      },
    });
    const model = new MockLanguageModel({
      stream: [...toolCallParts('1', 'stuck', '{}'), finishPart('tool-calls')],
    });
    const run = await createAgent(model, { tools: [stuck] }).stream({
      prompt: 'Hi',
      abortSignal: controller.signal,
    });
    const result = run.result;
    await started.promise;
    controller.abort();
    expect(await settlesWithin(result)).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
  });

  it('rejects generate promptly when aborted while the model stalls', async () => {
    const controller = new AbortController();
    const model = new MockLanguageModel({ generate: () => new Promise(() => {}) });
    const result = createAgent(model).generate({ prompt: 'Hi', abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    expect(await settlesWithin(result)).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
  });

  it('does not call the model when the signal is already aborted', async () => {
    const model = new MockLanguageModel({ stream: [finishPart('stop')] });
    const run = await createAgent(model).stream({ prompt: 'Hi', abortSignal: AbortSignal.abort() });
    await expect(run.result).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.calls).toHaveLength(0);
  });

  it('stops the model stream of simulateStream when the call is aborted', async () => {
    const controller = new AbortController();
    const parts = simulateStream(textParts('t', 'a', 'b'), { abortSignal: controller.signal });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const part of parts) {
        seen.push(part.type);
        controller.abort();
      }
    })();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['text-start']);
  });
});
