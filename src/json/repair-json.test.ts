import { describe, expect, it } from 'vitest';
import { maxRepairLength, repairJson } from './repair-json.js';

describe('repairJson', () => {
  it('closes a value the model cut short', () => {
    expect(repairJson('{"city": "Paris"')).toBe('{"city": "Paris"}');
  });

  it('gives up on text longer than maxRepairLength instead of blocking for seconds', () => {
    const started = performance.now();
    expect(repairJson(`{"value":"${'v'.repeat(maxRepairLength)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('returns undefined for text it cannot repair', () => {
    expect(repairJson('}{')).toBeUndefined();
  });
});
