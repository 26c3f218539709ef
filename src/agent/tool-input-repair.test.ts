import { describe, expect, it } from 'vitest';
import { toolCall, valueTool } from '../../test/support/agent-fixtures.js';
import { toolCallsOf } from '../spec/content.js';
import { MockLanguageModel } from '../testing/mock-language-model.js';
import { createAgent } from './create-agent.js';

async function runWithInput(input: string) {
  const tool1 = valueTool('tool1');
  const model = new MockLanguageModel({
    generate: [
      { content: [toolCall('1', 'tool1', input)], finishReason: 'tool-calls' },
      { content: [{ type: 'text', text: 'done' }] },
    ],
  });
  const result = await createAgent(model, { tools: [tool1] }).generate({ prompt: 'Hi' });
  return { call: toolCallsOf(result.steps[0]?.content ?? [])[0], inputs: tool1.inputs };
}

describe('tool-call input repair', () => {
  it.each([
    ['wrapped in prose and a fence', 'Calling it now:\n```json\n{"value": "x"}\n```\nDone.'],
    ['with a comment and a trailing comma', '{"value": "x", // the value\n}'],
    ['followed by a second object', '{"value": "x"}{"value": "y"}'],
    ['after an array that is not the input', 'from [1, 2]: {"value": "x"}'],
  ])('runs the tool with the object the model meant, %s', async (_name, input) => {
    const { call, inputs } = await runWithInput(input);
    expect(call?.invalid).toBeUndefined();
    expect(call?.input).toBe('{"value":"x"}');
    expect(inputs).toEqual([{ value: 'x' }]);
  });

  it('does not run the tool on a value cut off before the required field completed', async () => {
    const { call, inputs } = await runWithInput('{"value": "/usr/lo');
    expect(call?.invalid).toBe(true);
    expect(inputs).toEqual([]);
  });

  it('marks an input nested deeper than maxJsonDepth invalid instead of overflowing the stack', async () => {
    const deep = `{"value":"x","deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const { call, inputs } = await runWithInput(deep);
    expect(call?.invalid).toBe(true);
    expect(call?.validationError?.message).toContain('deeper than 1000 levels');
    expect(inputs).toEqual([]);
  });
});
