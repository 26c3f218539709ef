/**
 * Why the model stopped. `tool-calls` is the only reason an agent continues; a stream that never says why
 * gets `unknown`.
 */
export type FinishReason =
  | 'stop'
  | 'length'
  | 'content-filter'
  | 'tool-calls'
  | 'error'
  | 'other'
  | 'unknown';
