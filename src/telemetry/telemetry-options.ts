/**
 * The parts of the OpenTelemetry API fantasy-ts calls, declared structurally so the core needs no
 * dependency: a `Tracer` and a `Meter` from `@opentelemetry/api` fit them.
 */
export type TelemetryAttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** Span attributes. */
export type TelemetryAttributes = Record<string, TelemetryAttributeValue | undefined>;

/** An OpenTelemetry context (`Context` of `@opentelemetry/api`). */
export interface TelemetryContext {
  getValue(key: symbol): unknown;
  setValue(key: symbol, value: unknown): TelemetryContext;
  deleteValue(key: symbol): TelemetryContext;
}

/** An OpenTelemetry span (`Span` of `@opentelemetry/api`). */
export interface TelemetrySpan {
  setAttribute(key: string, value: TelemetryAttributeValue): unknown;
  setAttributes(attributes: TelemetryAttributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  recordException(exception: Error | string): unknown;
  end(): unknown;
}

/** An OpenTelemetry tracer (`Tracer` of `@opentelemetry/api`). */
export interface TelemetryTracer {
  startSpan(
    name: string,
    options?: { kind?: number; attributes?: TelemetryAttributes },
    context?: TelemetryContext,
  ): TelemetrySpan;
}

/** An OpenTelemetry histogram. */
export interface TelemetryHistogram {
  record(value: number, attributes?: TelemetryAttributes): void;
}

/** An OpenTelemetry meter (`Meter` of `@opentelemetry/api`). */
export interface TelemetryMeter {
  createHistogram(
    name: string,
    options?: { description?: string; unit?: string; advice?: { explicitBucketBoundaries?: number[] } },
  ): TelemetryHistogram;
}

/**
 * OpenTelemetry for a run or a call, following the GenAI semantic conventions. Off unless given; `true`
 * uses the globally registered tracer and meter providers.
 */
export interface TelemetryOptions {
  /** @default the global tracer provider's `fantasy-ts` tracer */
  tracer?: TelemetryTracer;
  /** @default the global meter provider's `fantasy-ts` meter */
  meter?: TelemetryMeter;
  /** Record prompts, system instructions and tool definitions and arguments on spans. @default false */
  recordInputs?: boolean;
  /** Record the model's answers and tool results on spans. @default false */
  recordOutputs?: boolean;
  /** Names the agent (`gen_ai.agent.name`). @default 'agent' */
  functionId?: string;
  /** `gen_ai.conversation.id` of every span. */
  conversationId?: string;
  /** Extra attributes on every span, e.g. `{ 'app.user.tier': 'pro' }`. */
  metadata?: Record<string, TelemetryAttributeValue>;
  /** The span to nest under; the active context (when a context manager is registered) otherwise. */
  parentContext?: TelemetryContext;
}
