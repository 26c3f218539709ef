import v8 from 'node:v8';
import vm from 'node:vm';
import type { AgentSettings } from '../../src/agent/agent-options.js';
import type { RetryEvent } from '../../src/http/retry.js';
import { createAnthropic } from '../../src/providers/anthropic/index.js';
import { createGoogle } from '../../src/providers/google/index.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import type { LanguageModel } from '../../src/spec/language-model.js';
import type { StreamPart } from '../../src/spec/stream-part.js';
import type { FaultServer } from './fault-server.js';

/** The key every fault test authenticates with; no error or recording may show it. */
export const faultApiKey = 'fault-key-0123456789abcdef';

/** How long a consumer may take to settle before the test calls it hung. */
const settleTimeoutMs = 2000;

/**
 * Waits for `promise`, failing the test when it has not settled within `ms`: a consumer left pending is a
 * defect these tests exist to catch.
 */
export async function settles<T>(promise: Promise<T>, what: string, ms = settleTimeoutMs): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error `promise` rejects with (within the settle timeout); fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  const outcome = await settles(
    promise.then(
      (value) => ({ resolved: value }),
      (error: unknown) => ({ rejected: error }),
    ),
    what,
  );
  if ('resolved' in outcome) throw new Error(`${what} resolved, but a rejection was expected`);
  return outcome.rejected;
}

/** Every part of a model stream, read to its end within the settle timeout. */
export function collectParts(
  parts: AsyncIterable<StreamPart>,
  what = 'the model stream',
): Promise<StreamPart[]> {
  return settles(
    (async () => {
      const collected: StreamPart[] = [];
      for await (const part of parts) collected.push(part);
      return collected;
    })(),
    what,
  );
}

/** The text deltas of some parts, joined. */
export function textOfParts(parts: readonly StreamPart[]): string {
  return parts.map((part) => (part.type === 'text-delta' ? part.delta : '')).join('');
}

/** The error of a stream's terminal `error` part; fails the test when the stream did not end with one. */
export function streamError(parts: readonly StreamPart[]): unknown {
  const last = parts.at(-1);
  if (last?.type !== 'error') throw new Error(`expected an error part last, got ${last?.type}`);
  return last.error;
}

/** Agent settings whose retries are recorded instead of waited for. */
export function recordRetries(): { delays: number[]; events: RetryEvent[]; settings: AgentSettings } {
  const delays: number[] = [];
  const events: RetryEvent[] = [];
  return {
    delays,
    events,
    settings: {
      // Exact delays to assert on; jitter (on by default) has its own tests.
      retry: { jitter: false, sleep: async (delayMs) => void delays.push(delayMs) },
      onRetry: (event) => void events.push(event),
    },
  };
}

/** A chat-completions model (OpenAI) on the fault server. */
export function openAIModel(server: FaultServer): LanguageModel {
  return createOpenAI({ apiKey: faultApiKey, baseURL: `${server.url}/v1` }).languageModel('gpt-4o-mini');
}

/** An Anthropic Messages model on the fault server. */
export function anthropicModel(server: FaultServer): LanguageModel {
  return createAnthropic({ apiKey: faultApiKey, baseURL: server.url }).languageModel('claude-sonnet-4-5');
}

/** A Gemini model on the fault server. */
export function geminiModel(server: FaultServer): LanguageModel {
  return createGoogle({ apiKey: faultApiKey, baseURL: `${server.url}/v1beta` }).languageModel(
    'gemini-2.5-flash',
  );
}

let collectGarbage: (() => void) | undefined;

/**
 * Heap in use after a full garbage collection. `gc` is exposed at run time (the flag is read when a
 * context is created), so the measure does not depend on how vitest started the worker.
 */
export function heapUsedAfterGc(): number {
  if (collectGarbage === undefined) {
    v8.setFlagsFromString('--expose-gc');
    collectGarbage = vm.runInNewContext('gc') as () => void;
  }
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
