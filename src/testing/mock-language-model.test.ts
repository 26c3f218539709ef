import { describe, expect, it } from 'vitest';
import { toolCall, valueTool } from '../../test/support/agent-fixtures.js';
import { createAgent } from '../agent/create-agent.js';
import { stepCountIs } from '../agent/stop-condition.js';
import { userMessage } from '../spec/message.js';
import { MockLanguageModel } from './mock-language-model.js';

const steps = 2000;

/** A model that calls the `lookup` tool on every call, so the agent runs until its step limit. */
function loopingModel(options: { recordCalls?: boolean } = {}): MockLanguageModel {
  return new MockLanguageModel({
    ...options,
    generate: (_call, index) => ({
      content: [toolCall(`call_${index}`, 'lookup', '{"value":"x"}')],
      finishReason: 'tool-calls',
    }),
  });
}

async function runSteps(model: MockLanguageModel, count: number): Promise<void> {
  const agent = createAgent(model, {
    tools: [valueTool('lookup')],
    stopWhen: stepCountIs(count),
    maxSteps: count,
  });
  const result = await agent.generate({ prompt: 'Go' });
  expect(result.steps).toHaveLength(count);
}

describe('MockLanguageModel call records', () => {
  it('keeps the prompts of a 2,000-step agent run in memory linear in its messages', async () => {
    const model = loopingModel();
    await runSteps(model, steps);
    expect(model.callCount).toBe(steps);
    // The last prompt holds the user message plus an assistant and a tool message per earlier step.
    const lastPrompt = model.calls[steps - 1]?.prompt ?? [];
    expect(lastPrompt).toHaveLength(1 + 2 * (steps - 1));
    // Keeping each prompt as its own array would hold about steps² = 4,000,000 message references.
    expect(model.keptPromptMessages).toBe(lastPrompt.length);
  });

  it('gives back every call with its own prompt as it was sent', async () => {
    const model = loopingModel();
    await runSteps(model, 4);
    expect(model.calls[0]?.prompt).toEqual([userMessage('Go')]);
    const third = model.calls[2]?.prompt ?? [];
    expect(third).toHaveLength(5);
    expect(third.slice(0, 3)).toEqual(model.calls[1]?.prompt);
    expect(model.calls[2]?.tools?.map((sent) => sent.name)).toEqual(['lookup']);
  });

  it('stores a prompt that does not continue the previous one in full', async () => {
    const model = new MockLanguageModel({ generate: { content: [] } });
    await model.generate({ prompt: [userMessage('a'), userMessage('b')] });
    await model.generate({ prompt: [userMessage('c')] });
    expect(model.calls.map((call) => call.prompt)).toEqual([
      [userMessage('a'), userMessage('b')],
      [userMessage('c')],
    ]);
    expect(model.keptPromptMessages).toBe(3);
  });

  it('keeps each prompt as sent when the caller appends to the same array between calls', async () => {
    const model = new MockLanguageModel({ generate: { content: [] } });
    const prompt = [userMessage('a')];
    await model.generate({ prompt });
    prompt.push(userMessage('b'));
    await model.generate({ prompt });
    expect(model.calls.map((call) => call.prompt.length)).toEqual([1, 2]);
    expect(model.keptPromptMessages).toBe(2);
  });

  it('keeps only the count with recordCalls: false, and says so when calls are read', async () => {
    const model = loopingModel({ recordCalls: false });
    await runSteps(model, 4);
    expect(model.callCount).toBe(4);
    expect(model.keptPromptMessages).toBe(0);
    expect(() => model.calls).toThrow(/recordCalls: false/);
  });
});
