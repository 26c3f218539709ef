import { describe, expect, it } from 'vitest';
import type { StreamPart } from '../spec/stream-part.js';
import { BlockEmitter } from './block-emitter.js';

describe('BlockEmitter', () => {
  it('turns <think> text cut across chunks into a reasoning block followed by a text block', () => {
    const parts: StreamPart[] = [];
    const blocks = new BlockEmitter((part) => parts.push(part), { silent: false, splitThinkTags: true });
    for (const chunk of ['<thi', 'nk>plan', ' it</th', 'ink>\n\nHello', ' there']) blocks.chunk(false, chunk);
    expect(blocks.finish()).toEqual([
      { type: 'reasoning', text: 'plan it' },
      { type: 'text', text: 'Hello there' },
    ]);
    expect(parts.map((part) => part.type)).toEqual([
      'reasoning-start',
      'reasoning-delta',
      'reasoning-delta',
      'reasoning-end',
      'text-start',
      'text-delta',
      'text-delta',
      'text-end',
    ]);
  });

  it("keeps the chat wrapper's thought segments as reasoning and emits nothing when silent", () => {
    const parts: StreamPart[] = [];
    const blocks = new BlockEmitter((part) => parts.push(part), { silent: false, splitThinkTags: false });
    blocks.chunk(true, 'hmm');
    blocks.chunk(false, '<think>kept</think>');
    expect(blocks.finish()).toEqual([
      { type: 'reasoning', text: 'hmm' },
      { type: 'text', text: '<think>kept</think>' },
    ]);
    const silent = new BlockEmitter((part) => parts.push(part), { silent: true, splitThinkTags: true });
    const before = parts.length;
    silent.chunk(false, '{"name":"x"}');
    expect(silent.finish()).toEqual([]);
    expect(parts.length).toBe(before);
  });
});
