import { describe, expect, it } from 'vitest';
import { openAIResponsesModelRules } from './openai-responses-model-rules.js';

describe('Responses model rules', () => {
  it.each([
    ['gpt-5', true, 'developer'],
    ['gpt-5-mini', true, 'developer'],
    ['openai/GPT-5.4-nano', true, 'developer'],
    ['o3', true, 'developer'],
    ['o4-mini', true, 'developer'],
    ['gpt-oss-120b', true, 'developer'],
    ['codex-mini-latest', true, 'developer'],
    ['computer-use-preview', true, 'developer'],
    ['o1-mini', true, 'remove'],
    ['o1-preview', true, 'remove'],
    ['gpt-5-chat-latest', false, 'system'],
    ['gpt-4o', false, 'system'],
    ['gpt-4.1', false, 'system'],
  ] as const)('%s: reasoning %s, system messages as %s', (modelId, reasoning, systemMessageMode) => {
    expect(openAIResponsesModelRules(modelId)).toMatchObject({ reasoning, systemMessageMode });
  });

  it.each([
    ['gpt-5', true, true],
    ['gpt-5-nano', true, false],
    ['gpt-5-chat-latest', false, false],
    ['o3-mini', true, true],
    ['o4-mini', true, true],
    ['gpt-4o', false, true],
    ['o1', false, false],
  ] as const)('%s: flex %s, priority %s', (modelId, flexProcessing, priorityProcessing) => {
    expect(openAIResponsesModelRules(modelId)).toMatchObject({ flexProcessing, priorityProcessing });
  });
});
