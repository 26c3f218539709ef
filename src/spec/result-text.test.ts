import { describe, expect, it } from 'vitest';
import { type Content, reasoningTextOf, textOf } from './content.js';
import { withResultText } from './generate-result.js';
import { emptyUsage } from './usage.js';

describe('result text', () => {
  it('textOf joins every text block in order with no separator', () => {
    const content: Content[] = [
      { type: 'text', text: 'Hello ' },
      { type: 'reasoning', text: 'hmm' },
      { type: 'tool-call', toolCallId: '1', toolName: 'x', input: '{}' },
      { type: 'text', text: 'world' },
    ];
    expect(textOf(content)).toBe('Hello world');
    expect(reasoningTextOf(content)).toBe('hmm');
    expect(textOf([])).toBe('');
  });

  it('withResultText derives text and reasoningText from the content, replacing stale values', () => {
    const stale = {
      content: [
        { type: 'text', text: 'a' },
        { type: 'reasoning', text: 'r' },
        { type: 'text', text: 'b' },
      ],
      finishReason: 'stop',
      usage: emptyUsage(),
      warnings: [],
      text: 'stale',
    } as const;
    const result = withResultText({ ...stale, content: [...stale.content], warnings: [] });
    expect(result.text).toBe('ab');
    expect(result.reasoningText).toBe('r');
  });
});
