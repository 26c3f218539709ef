import { describe, expect, it } from 'vitest';
import { finishPart, textParts, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import { APICallError } from '../errors/api-call-error.js';
import { IncompleteStreamError } from '../errors/incomplete-stream-error.js';
import { RetryError } from '../errors/retry-error.js';
import { textOf } from '../spec/content.js';
import type { StreamPart } from '../spec/stream-part.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import type { AgentSettings } from './agent-options.js';
import { createAgent } from './create-agent.js';

function apiError(statusCode: number, responseHeaders: Record<string, string> = {}): APICallError {
  return new APICallError({ message: 'busy', url: 'https://api.test/v1/chat', statusCode, responseHeaders });
}

/** Agent settings whose retries record their delays instead of sleeping. */
function fakeSleep(): { delays: number[]; settings: AgentSettings } {
  const delays: number[] = [];
  return {
    delays,
    settings: { retry: { jitter: false, sleep: async (delayMs) => void delays.push(delayMs) } },
  };
}

const answer = { content: [{ type: 'text' as const, text: 'ok' }] };

describe('agent retries: generate', () => {
  it('waits what retry-after says on a 429, then succeeds', async () => {
    const { delays, settings } = fakeSleep();
    const retries: number[] = [];
    const model = new MockLanguageModel({
      generate: (_call, index) => {
        if (index === 0) throw apiError(429, { 'retry-after': '3' });
        return answer;
      },
    });
    const result = await createAgent(model, {
      ...settings,
      onRetry: (event) => void retries.push(event.attempt),
    }).generate({
      prompt: 'Hi',
    });
    expect(textOf(result.response.content)).toBe('ok');
    expect(delays).toEqual([3000]);
    expect(retries).toEqual([1]);
    expect(model.calls).toHaveLength(2);
  });

  it.each([Number.NaN, -1, 2.5])(
    'rejects maxRetries %s with an InvalidArgumentError, calling no model',
    async (maxRetries) => {
      const model = new MockLanguageModel({ generate: () => answer });
      const error = await createAgent(model, { maxRetries })
        .generate({ prompt: 'Hi' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'InvalidArgumentError', argument: 'maxRetries' });
      expect(model.calls).toHaveLength(0);
    },
  );

  it('retries a 500 after the default 2 s backoff', async () => {
    const { delays, settings } = fakeSleep();
    const model = new MockLanguageModel({
      generate: (_call, index) => {
        if (index === 0) throw apiError(500);
        return answer;
      },
    });
    await createAgent(model, settings).generate({ prompt: 'Hi' });
    expect(delays).toEqual([2000]);
  });

  it('gives up after the call maxRetries with a RetryError', async () => {
    const { settings } = fakeSleep();
    const model = new MockLanguageModel({
      generate: () => {
        throw apiError(503);
      },
    });
    const failure = await createAgent(model, { ...settings, maxRetries: 5 })
      .generate({ prompt: 'Hi', maxRetries: 1 })
      .catch((error: unknown) => error);
    expect(RetryError.isInstance(failure)).toBe(true);
    expect(model.calls).toHaveLength(2);
  });

  it('rejects a non-retryable error at once, unwrapped', async () => {
    const error = apiError(400);
    const model = new MockLanguageModel({
      generate: () => {
        throw error;
      },
    });
    await expect(createAgent(model, fakeSleep().settings).generate({ prompt: 'Hi' })).rejects.toBe(error);
    expect(model.calls).toHaveLength(1);
  });
});

describe('agent retries: stream', () => {
  /** A stream that yields `parts`, then throws `error`. */
  async function* cutStream(parts: StreamPart[], error: unknown): AsyncGenerator<StreamPart> {
    yield* parts;
    throw error;
  }

  it('retries a stream that failed to open, without repeating onStepStart', async () => {
    const { delays, settings } = fakeSleep();
    const stepStarts: number[] = [];
    const model = new MockLanguageModel({
      stream: (_call, index) => {
        if (index === 0) throw apiError(429, { 'retry-after-ms': '250' });
        return [...textParts('t', 'Hello'), finishPart('stop')];
      },
    });
    const run = await createAgent(model, settings).stream({
      prompt: 'Hi',
      onStepStart: (stepNumber) => void stepStarts.push(stepNumber),
    });
    expect(textOf((await run.result).response.content)).toBe('Hello');
    expect(delays).toEqual([250]);
    expect(stepStarts).toEqual([0]);
  });

  it('retries a stream cut before any part reached the caller, delivering the text once', async () => {
    const deltas: string[] = [];
    const model = new MockLanguageModel({
      stream: (_call, index) =>
        index === 0
          ? [{ type: 'error', error: new IncompleteStreamError() }]
          : [...textParts('t', 'Hel', 'lo'), finishPart('stop')],
    });
    const run = await createAgent(model, fakeSleep().settings).stream({
      prompt: 'Hi',
      onTextDelta: (_id, delta) => void deltas.push(delta),
    });
    const [text, result] = await Promise.all([collectText(run.textStream), run.result]);
    expect(deltas).toEqual(['Hel', 'lo']);
    expect(text).toEqual(['Hel', 'lo']);
    expect(textOf(result.response.content)).toBe('Hello');
    expect(model.calls).toHaveLength(2);
  });

  it('retries a network failure thrown while reading, before any output', async () => {
    const model = new MockLanguageModel({
      stream: (_call, index) =>
        index === 0
          ? cutStream([], new TypeError('fetch failed'))
          : [...textParts('t', 'ok'), finishPart('stop')],
    });
    const run = await createAgent(model, fakeSleep().settings).stream({ prompt: 'Hi' });
    expect(textOf((await run.result).response.content)).toBe('ok');
  });

  it('fails a stream cut after output instead of retrying, so no text is delivered twice', async () => {
    const deltas: string[] = [];
    const errors: unknown[] = [];
    const cut = new IncompleteStreamError();
    const model = new MockLanguageModel({
      stream: () => cutStream(textParts('t', 'Hel').slice(0, 2), cut),
    });
    const run = await createAgent(model, fakeSleep().settings).stream({
      prompt: 'Hi',
      onTextDelta: (_id, delta) => void deltas.push(delta),
      onError: (error) => void errors.push(error),
    });
    const text = collectText(run.textStream);
    await expect(run.result).rejects.toBe(cut);
    await expect(text).rejects.toBe(cut);
    expect(deltas).toEqual(['Hel']);
    expect(errors).toEqual([cut]);
    expect(model.calls).toHaveLength(1);
  });

  it('never runs a tool twice when a later step is retried', async () => {
    const echo = valueTool('echo');
    const model = new MockLanguageModel({
      stream: (_call, index) => {
        if (index === 0) return [...toolCallParts('1', 'echo', '{"value":"once"}'), finishPart('tool-calls')];
        if (index === 1) throw apiError(503);
        return [...textParts('t', 'done'), finishPart('stop')];
      },
    });
    const run = await createAgent(model, { ...fakeSleep().settings, tools: [echo] }).stream({ prompt: 'Hi' });
    const result = await run.result;
    expect(echo.inputs).toEqual([{ value: 'once' }]);
    expect(model.calls).toHaveLength(3);
    expect(result.steps).toHaveLength(2);
  });
});

async function collectText(stream: AsyncIterable<string>): Promise<string[]> {
  const deltas: string[] = [];
  for await (const delta of stream) deltas.push(delta);
  return deltas;
}
