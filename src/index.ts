/**
 * fantasy-ts: one API over many LLM providers. Providers live in subpaths (`fantasy-ts/openai`,
 * `fantasy-ts/openaicompat`, ...); record/replay cassettes and the mock model in `fantasy-ts/testing`.
 */
export * from './agent/index.js';
export * from './embed/index.js';
export * from './errors/index.js';
export type { OnAuthRefresh } from './http/auth-refresh.js';
export { loadApiKey } from './http/load-api-key.js';
export {
  isRetryableError,
  type RetryEvent,
  type RetryOptions,
  retryWithBackoff,
} from './http/retry.js';
export { generateWithRetry, retryOptionsOf, streamWithRetry } from './http/retry-model-call.js';
export { VERSION } from './http/version.js';
export { maxJsonDepth } from './json/max-json-depth.js';
export { maxRepairLength, type RepairJsonOptions, repairJson } from './json/repair-json.js';
export * from './middleware/index.js';
export * from './object/index.js';
export * from './persistence/index.js';
export * from './registry/index.js';
export * from './schema/index.js';
export * from './spec/index.js';
export type { TelemetryOptions } from './telemetry/telemetry-options.js';
