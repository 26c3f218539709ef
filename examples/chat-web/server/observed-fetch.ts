import type { RunRecord } from './run-log.js';

/** Wraps a fetch so the run's record counts its model requests and the ones its abort cancelled. */
export function observedFetch(base: typeof fetch, record: RunRecord): typeof fetch {
  return (input, init) => {
    record.modelRequests++;
    init?.signal?.addEventListener('abort', () => record.modelRequestsCancelled++, { once: true });
    return base(input, init);
  };
}
