import { describe, expect, it } from 'vitest';
import { maxRepairLength, repairJson } from './repair-json.js';

describe('repairJson', async () => {
  it('closes a value the model cut short', async () => {
    expect(await repairJson('{"city": "Paris"')).toBe('{"city": "Paris"}');
  });

  it('gives up on text longer than maxRepairLength instead of blocking for seconds', async () => {
    const started = performance.now();
    expect(await repairJson(`{"value":"${'v'.repeat(maxRepairLength)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('returns undefined for text it cannot repair', async () => {
    expect(await repairJson('}{')).toBeUndefined();
  });
});
