import type { RunOptions } from '@restatedev/restate-sdk';

/**
 * Restate's retry policy for the journaled model calls and tool executions (see `RunOptions`); unset fields
 * keep Restate's defaults (retry until it succeeds, 50 ms growing to 10 s between attempts).
 */
export interface DurableRetryOptions {
  maxRetryAttempts?: number;
  /** Milliseconds. */
  maxRetryDurationMs?: number;
  /** Milliseconds. */
  initialRetryIntervalMs?: number;
  /** Milliseconds. */
  maxRetryIntervalMs?: number;
  retryIntervalFactor?: number;
}

/** The `ctx.run` options for a retry policy. */
export function toRunOptions(retry: DurableRetryOptions): Omit<RunOptions<unknown>, 'serde'> {
  const options: Omit<RunOptions<unknown>, 'serde'> = {};
  if (retry.maxRetryAttempts !== undefined) options.maxRetryAttempts = retry.maxRetryAttempts;
  if (retry.maxRetryDurationMs !== undefined) options.maxRetryDuration = retry.maxRetryDurationMs;
  if (retry.initialRetryIntervalMs !== undefined) options.initialRetryInterval = retry.initialRetryIntervalMs;
  if (retry.maxRetryIntervalMs !== undefined) options.maxRetryInterval = retry.maxRetryIntervalMs;
  if (retry.retryIntervalFactor !== undefined) options.retryIntervalFactor = retry.retryIntervalFactor;
  return options;
}
