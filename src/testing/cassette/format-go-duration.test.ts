import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './format-go-duration.js';

describe('formatGoDuration', () => {
  it('prints durations the way Go prints a time.Duration', () => {
    expect(formatGoDuration(635.784)).toBe('635.784ms');
    expect(formatGoDuration(1757.821875)).toBe('1.757821875s');
    expect(formatGoDuration(62_500)).toBe('1m2.5s');
    expect(formatGoDuration(0.25)).toBe('250µs');
    expect(formatGoDuration(2000)).toBe('2s');
    expect(formatGoDuration(0)).toBe('0s');
  });
});
