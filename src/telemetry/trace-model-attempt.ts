import type { CallOptions } from '../spec/call-options.js';
import type { GenerateResponse } from '../spec/generate-result.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { StreamPart } from '../spec/stream-part.js';
import { ModelCallSpan } from './model-call-span.js';
import { baseContext, type ResolvedTelemetry } from './resolve-telemetry.js';
import { generateOutcome, traceCall, traceStreamCall } from './telemetry-middleware.js';

/**
 * One attempt of a bare `model.generate` call in its own `chat {model}` span, for a call whose options ask
 * for telemetry: the retry loop calls the returned function once per attempt, so every attempt is a span.
 * Loaded only when telemetry is on.
 */
export function traceGenerateAttempt(
  telemetry: ResolvedTelemetry,
  model: LanguageModel,
  generateOnce: (options: CallOptions) => Promise<GenerateResponse>,
): (options: CallOptions) => Promise<GenerateResponse> {
  return (options) =>
    traceCall(startSpan(telemetry, model, options), () => generateOnce(options), generateOutcome);
}

/** One attempt of a bare `model.stream` call in its own `chat {model}` span, ended with the stream. */
export function traceStreamAttempt(
  telemetry: ResolvedTelemetry,
  model: LanguageModel,
  streamOnce: (options: CallOptions) => Promise<AsyncIterable<StreamPart>>,
): (options: CallOptions) => Promise<AsyncIterable<StreamPart>> {
  return (options) => traceStreamCall(startSpan(telemetry, model, options), () => streamOnce(options));
}

function startSpan(telemetry: ResolvedTelemetry, model: LanguageModel, options: CallOptions): ModelCallSpan {
  return new ModelCallSpan({ telemetry, model, params: options, context: baseContext(telemetry.options) });
}
