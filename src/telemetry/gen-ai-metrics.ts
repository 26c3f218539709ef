import type { TelemetryAttributes, TelemetryHistogram, TelemetryMeter } from './telemetry-options.js';

/** The client metrics of the GenAI conventions, with their advised bucket boundaries. */
export interface GenAIMetrics {
  tokenUsage: TelemetryHistogram;
  operationDuration: TelemetryHistogram;
  timeToFirstChunk: TelemetryHistogram;
}

const durationBuckets = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];
const tokenBuckets = [
  1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
];
const firstChunkBuckets = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

const cache = new WeakMap<TelemetryMeter, GenAIMetrics>();

/** The instruments of `meter`, created once per meter. */
export function genAIMetrics(meter: TelemetryMeter): GenAIMetrics {
  let metrics = cache.get(meter);
  if (metrics === undefined) {
    metrics = {
      tokenUsage: meter.createHistogram('gen_ai.client.token.usage', {
        description: 'Number of input and output tokens used.',
        unit: '{token}',
        advice: { explicitBucketBoundaries: tokenBuckets },
      }),
      operationDuration: meter.createHistogram('gen_ai.client.operation.duration', {
        description: 'GenAI operation duration.',
        unit: 's',
        advice: { explicitBucketBoundaries: durationBuckets },
      }),
      timeToFirstChunk: meter.createHistogram('gen_ai.client.operation.time_to_first_chunk', {
        description: 'Time to receive the first chunk of a streamed response.',
        unit: 's',
        advice: { explicitBucketBoundaries: firstChunkBuckets },
      }),
    };
    cache.set(meter, metrics);
  }
  return metrics;
}

/** The attributes metrics carry: the conventions' required and recommended ones, nothing per call. */
export function metricAttributes(spanAttributes: TelemetryAttributes): TelemetryAttributes {
  return {
    'gen_ai.operation.name': spanAttributes['gen_ai.operation.name'],
    'gen_ai.provider.name': spanAttributes['gen_ai.provider.name'],
    'gen_ai.request.model': spanAttributes['gen_ai.request.model'],
    'gen_ai.response.model': spanAttributes['gen_ai.response.model'],
    'error.type': spanAttributes['error.type'],
  };
}
