import { VERSION } from '../http/version.js';
import type {
  TelemetryContext,
  TelemetryMeter,
  TelemetryOptions,
  TelemetrySpan,
  TelemetryTracer,
} from './telemetry-options.js';

/** The context key `@opentelemetry/api` keeps the current span under (it uses `Symbol.for` too). */
export const spanContextKey = Symbol.for('OpenTelemetry Context Key SPAN');

/** What `@opentelemetry/api` registers globally (under `Symbol.for('opentelemetry.js.api.1')`). */
interface GlobalOpenTelemetry {
  trace?: { getTracer(name: string, version?: string): TelemetryTracer };
  metrics?: { getMeter(name: string, version?: string): TelemetryMeter };
  context?: { active(): TelemetryContext };
}

/** Telemetry that is on: a tracer, maybe a meter, and the options. */
export interface ResolvedTelemetry {
  tracer: TelemetryTracer;
  meter: TelemetryMeter | undefined;
  options: TelemetryOptions;
}

/**
 * The tracer and meter to use, or undefined when telemetry is off: `false`/unset, or `true` with no
 * OpenTelemetry API loaded in the process.
 */
export function resolveTelemetry(
  option: TelemetryOptions | boolean | undefined,
): ResolvedTelemetry | undefined {
  if (option === undefined || option === false) return undefined;
  const options = option === true ? {} : option;
  const global = globalOpenTelemetry();
  const tracer = options.tracer ?? global?.trace?.getTracer('fantasy-ts', VERSION);
  if (tracer === undefined) return undefined;
  return { tracer, meter: options.meter ?? global?.metrics?.getMeter('fantasy-ts', VERSION), options };
}

function globalOpenTelemetry(): GlobalOpenTelemetry | undefined {
  return (globalThis as Record<symbol, GlobalOpenTelemetry | undefined>)[
    Symbol.for('opentelemetry.js.api.1')
  ];
}

/** The context to start a run's span in: the given parent, the active one, or an empty one. */
export function baseContext(options: TelemetryOptions): TelemetryContext {
  return options.parentContext ?? globalOpenTelemetry()?.context?.active() ?? emptyContext;
}

/** `context` with `span` as its current span, so spans started in it are its children. */
export function withSpan(context: TelemetryContext, span: TelemetrySpan): TelemetryContext {
  return context.setValue(spanContextKey, span);
}

/** An immutable context, as `@opentelemetry/api`'s ROOT_CONTEXT behaves. */
class ImmutableContext implements TelemetryContext {
  readonly #values: ReadonlyMap<symbol, unknown>;

  constructor(values: ReadonlyMap<symbol, unknown> = new Map()) {
    this.#values = values;
  }

  getValue(key: symbol): unknown {
    return this.#values.get(key);
  }

  setValue(key: symbol, value: unknown): TelemetryContext {
    return new ImmutableContext(new Map(this.#values).set(key, value));
  }

  deleteValue(key: symbol): TelemetryContext {
    const values = new Map(this.#values);
    values.delete(key);
    return new ImmutableContext(values);
  }
}

const emptyContext: TelemetryContext = new ImmutableContext();
