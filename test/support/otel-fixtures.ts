import { type HistogramMetricData, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Collects metrics only when asked. */
class ManualReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** A tracer and meter of the real OpenTelemetry SDK with in-memory exporters, and readers of what they got. */
export function createTestTelemetry() {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new ManualReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const tracer = tracerProvider.getTracer('test');
  const meter = meterProvider.getMeter('test');
  /** The histograms recorded so far, by name. */
  async function histograms(): Promise<Map<string, HistogramMetricData>> {
    const { resourceMetrics } = await reader.collect();
    const found = new Map<string, HistogramMetricData>();
    for (const scope of resourceMetrics.scopeMetrics) {
      for (const metric of scope.metrics) found.set(metric.descriptor.name, metric as HistogramMetricData);
    }
    return found;
  }
  const spans = (): ReadableSpan[] => exporter.getFinishedSpans();
  return { tracer, meter, tracerProvider, spans, histograms };
}

/** The parent span id of a finished span (SDK 2 keeps it in `parentSpanContext`). */
export function parentOf(span: ReadableSpan): string | undefined {
  return (span as ReadableSpan & { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId;
}
