import { describe, expect, it } from 'vitest';
import { toolCall, usage } from '../../test/support/agent-fixtures.js';
import type { Content } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import { withResultText } from '../spec/generate-result.js';
import { finalResponse, hasNonBlankText, type StepResult } from './agent-result.js';
import { finishReasonIs, hasContent, hasToolCall, maxTokensUsed, stepCountIs } from './stop-condition.js';

function step(content: Content[] = [], finishReason: FinishReason = 'stop', totalTokens = 0): StepResult {
  return {
    ...withResultText({ content, finishReason, usage: usage({ totalTokens }), warnings: [] }),
    messages: [],
  };
}

describe('stop conditions', () => {
  it('stepCountIs(2) holds for 2 or more steps and not for 0 or 1', () => {
    const condition = stepCountIs(2);
    expect(condition([])).toBe(false);
    expect(condition([step()])).toBe(false);
    expect(condition([step(), step()])).toBe(true);
    expect(condition([step(), step(), step()])).toBe(true);
  });

  it('hasToolCall looks only at the last step', () => {
    const condition = hasToolCall('search');
    const withSearch = step([toolCall('1', 'search', '{}')]);
    expect(condition([withSearch])).toBe(true);
    expect(condition([withSearch, step()])).toBe(false);
    expect(condition([step([toolCall('1', 'other', '{}')])])).toBe(false);
    expect(condition([])).toBe(false);
  });

  it('hasContent looks only at the last step', () => {
    const reasoning = step([{ type: 'reasoning', text: 'hmm' }]);
    const file = step([{ type: 'file', mediaType: 'image/png', data: new Uint8Array() }]);
    expect(hasContent('reasoning')([reasoning])).toBe(true);
    expect(hasContent('reasoning')([reasoning, file])).toBe(false);
    expect(hasContent('file')([reasoning, file])).toBe(true);
    expect(hasContent('file')([])).toBe(false);
  });

  it('finishReasonIs looks only at the last step', () => {
    expect(finishReasonIs('length')([step([], 'length')])).toBe(true);
    expect(finishReasonIs('length')([step([], 'length'), step([], 'stop')])).toBe(false);
    expect(finishReasonIs('stop')([])).toBe(false);
  });

  it('maxTokensUsed(30) holds once the total tokens reach 30', () => {
    const condition = maxTokensUsed(30);
    expect(condition([])).toBe(false);
    expect(condition([step([], 'stop', 10)])).toBe(false);
    expect(condition([step([], 'stop', 10), step([], 'stop', 15)])).toBe(false);
    expect(condition([step([], 'stop', 20), step([], 'stop', 25)])).toBe(true);
  });
});

describe('finalResponse', () => {
  const text = (value: string): Content => ({ type: 'text', text: value });

  it('is the latest step with non-blank text when the last step has only tool calls', () => {
    const answer = step([text('the answer')]);
    expect(finalResponse([answer, step([toolCall('1', 'echo', '{}')])])).toBe(answer);
  });

  it('treats whitespace-only text as blank', () => {
    const answer = step([text('first')]);
    expect(finalResponse([answer, step([text(' \n\t')])])).toBe(answer);
    expect(hasNonBlankText({ content: [text('  ')] })).toBe(false);
    expect(hasNonBlankText({ content: [text('  '), text('x')] })).toBe(true);
  });

  it('is the last step when no step has text, and empty when there are no steps', () => {
    const last = step([toolCall('2', 'echo', '{}')]);
    expect(finalResponse([step(), last])).toBe(last);
    expect(finalResponse([])).toEqual({
      content: [],
      text: '',
      reasoningText: '',
      finishReason: 'unknown',
      usage: usage({}),
      warnings: [],
    });
  });
});
