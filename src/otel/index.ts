/**
 * `fantasy-ts/otel`: OpenTelemetry for model calls outside agents, following the GenAI semantic conventions.
 * Agents, `generateObject` and `streamObject` take a `telemetry` option themselves; this subpath adds the
 * middleware for bare model calls. fantasy-ts calls the OpenTelemetry API structurally: pass a `Tracer` and
 * a `Meter` from `@opentelemetry/api`, or `true` for the globally registered providers.
 */
export { genAIFinishReason, genAIProviderName } from '../telemetry/gen-ai-attributes.js';
export { telemetryMiddleware } from '../telemetry/telemetry-middleware.js';
export type {
  TelemetryAttributes,
  TelemetryAttributeValue,
  TelemetryContext,
  TelemetryHistogram,
  TelemetryMeter,
  TelemetryOptions,
  TelemetrySpan,
  TelemetryTracer,
} from '../telemetry/telemetry-options.js';
