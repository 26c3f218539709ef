import { describe, expect, it } from 'vitest';
import { finishPart, toolCallParts, valueTool } from '../../test/support/agent-fixtures.js';
import type { CallOptions } from '../spec/call-options.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Message } from '../spec/message.js';
import { MockLanguageModel, simulateStream } from '../testing/mock-language-model.js';
import { toAgentResult } from './agent-result.js';
import { createAgent } from './create-agent.js';
import { appendStep, createHistory, planStep } from './plan-step.js';
import { resolveAgentRun } from './resolve-agent-run.js';

/** A model that calls `echo` every step and keeps each call's prompt by reference, with its length then. */
function recordingModel(): { model: LanguageModel; prompts: { prompt: Message[]; length: number }[] } {
  const prompts: { prompt: Message[]; length: number }[] = [];
  const record = (options: CallOptions) =>
    prompts.push({ prompt: options.prompt, length: options.prompt.length });
  const model: LanguageModel = {
    provider: 'test',
    modelId: 'recording',
    generate: async (options) => {
      record(options);
      return {
        content: [
          { type: 'tool-call', toolCallId: `c${prompts.length}`, toolName: 'echo', input: '{"value":"x"}' },
        ],
        finishReason: 'tool-calls',
        usage: toAgentResult([]).totalUsage,
        warnings: [],
        text: '',
        reasoningText: '',
      };
    },
    stream: async (options) => {
      record(options);
      return simulateStream([
        ...toolCallParts(`c${prompts.length}`, 'echo', '{"value":"x"}'),
        finishPart('tool-calls'),
      ]);
    },
    generateObject: () => Promise.reject(new Error('not used')),
    streamObject: () => Promise.reject(new Error('not used')),
  };
  return { model, prompts };
}

describe('planStep', () => {
  it('hands the model the history itself, not a copy', async () => {
    const run = resolveAgentRun(new MockLanguageModel(), {}, { prompt: 'Hi' });
    const history = createHistory(run);
    const first = await planStep(run, [], history);
    const second = await planStep(run, [], history);
    expect(first.call.prompt).toBe(history);
    expect(first.messages).toBe(history);
    expect(second.call.prompt).toBe(history);
  });

  it('starts the history as a copy of the initial prompt and appends a step in place', () => {
    const run = resolveAgentRun(new MockLanguageModel(), {}, { prompt: 'Hi' });
    const history = createHistory(run);
    expect(history).not.toBe(run.prompt);
    const messages: Message[] = [{ role: 'assistant', content: [{ type: 'text', text: 'Hello' }] }];
    appendStep(history, { ...toAgentResult([]).response, messages });
    expect(history).toHaveLength(run.prompt.length + 1);
    expect(history.at(-1)).toBe(messages[0]);
    expect(run.prompt).toHaveLength(1);
  });
});

describe('agent history', () => {
  it.each(['generate', 'stream'] as const)(
    'gives every %s step the same history array, two messages longer each step',
    async (mode) => {
      const { model, prompts } = recordingModel();
      const agent = createAgent(model, { tools: [valueTool('echo')], maxSteps: 30 });
      const result =
        mode === 'generate'
          ? await agent.generate({ prompt: 'Hi' })
          : await (await agent.stream({ prompt: 'Hi' })).result;
      expect(result.steps).toHaveLength(30);
      expect(new Set(prompts.map((entry) => entry.prompt)).size).toBe(1);
      expect(prompts.map((entry) => entry.length)).toEqual(prompts.map((_, index) => 1 + 2 * index));
    },
  );

  it('records each call of the mock model with its prompt as it was sent', async () => {
    const model = new MockLanguageModel({
      stream: [
        [...toolCallParts('c1', 'echo', '{"value":"x"}'), finishPart('tool-calls')],
        [finishPart('stop')],
      ],
    });
    await (await createAgent(model, { tools: [valueTool('echo')] }).stream({ prompt: 'Hi' })).result;
    expect(model.calls.map((call) => call.prompt.length)).toEqual([1, 3]);
  });
});
