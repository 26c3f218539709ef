import { describe, expect, it } from 'vitest';
import { TextBuilder } from './text-builder.js';

describe('TextBuilder', () => {
  it('gives back exactly what was appended, across every join boundary', () => {
    for (const count of [0, 1, 63, 64, 65, 128, 129, 1000]) {
      const builder = new TextBuilder();
      let expected = '';
      for (let index = 0; index < count; index += 1) {
        const fragment = `${index % 7 === 0 ? '' : 'é'}${index},`;
        builder.append(fragment);
        expected += fragment;
      }
      expect(builder.toString()).toBe(expected);
      expect(builder.length).toBe(expected.length);
    }
  });

  it('starts from an initial text and skips empty fragments', () => {
    const builder = new TextBuilder('{"a":');
    builder.append('');
    builder.append('1}');
    expect(builder.toString()).toBe('{"a":1}');
    expect(new TextBuilder().toString()).toBe('');
  });
});
