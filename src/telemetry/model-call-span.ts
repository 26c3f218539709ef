import type { CallOptions, SamplingOptions } from '../spec/call-options.js';
import type { Content } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { LanguageModel } from '../spec/language-model.js';
import type { Usage } from '../spec/usage.js';
import {
  genAIFinishReason,
  inputContentAttributes,
  outputContentAttributes,
  requestAttributes,
  usageAttributes,
} from './gen-ai-attributes.js';
import { genAIMetrics, metricAttributes } from './gen-ai-metrics.js';
import type { ResolvedTelemetry } from './resolve-telemetry.js';
import type { TelemetryAttributes, TelemetryContext, TelemetrySpan } from './telemetry-options.js';

/** SpanKind and SpanStatusCode values of `@opentelemetry/api`. */
export const spanKind = { internal: 0, client: 2 } as const;
export const spanStatus = { error: 2 } as const;

/** What a finished model call reports. */
export interface ModelCallOutcome {
  finishReason: FinishReason;
  usage: Usage;
  content?: readonly Content[];
  responseId?: string | undefined;
  responseModel?: string | undefined;
}

/** One model call's span and metrics, from start to end. */
export class ModelCallSpan {
  readonly #telemetry: ResolvedTelemetry;
  readonly #span: TelemetrySpan;
  readonly #attributes: TelemetryAttributes;
  readonly #started = performance.now();
  #firstChunk = false;
  #ended = false;

  constructor(options: {
    telemetry: ResolvedTelemetry;
    model: LanguageModel;
    params: SamplingOptions & Partial<Pick<CallOptions, 'prompt' | 'tools'>>;
    context: TelemetryContext;
  }) {
    const { telemetry, model, params } = options;
    this.#telemetry = telemetry;
    this.#attributes = {
      ...requestAttributes({
        operation: 'chat',
        provider: model.provider,
        modelId: model.modelId,
        sampling: params,
      }),
      ...commonAttributes(telemetry),
      ...(telemetry.options.recordInputs && params.prompt
        ? inputContentAttributes({ prompt: params.prompt, ...(params.tools ? { tools: params.tools } : {}) })
        : {}),
    };
    this.#span = telemetry.tracer.startSpan(
      `chat ${model.modelId}`,
      { kind: spanKind.client, attributes: this.#attributes },
      options.context,
    );
  }

  /** Records the time to the first chunk of a stream, once. */
  chunk(): void {
    if (this.#firstChunk) return;
    this.#firstChunk = true;
    const seconds = (performance.now() - this.#started) / 1000;
    const meter = this.#telemetry.meter;
    if (meter) genAIMetrics(meter).timeToFirstChunk.record(seconds, metricAttributes(this.#attributes));
  }

  succeed(outcome: ModelCallOutcome): void {
    if (this.#ended) return;
    const attributes: TelemetryAttributes = {
      'gen_ai.response.finish_reasons': [genAIFinishReason(outcome.finishReason)],
      'gen_ai.response.id': outcome.responseId,
      'gen_ai.response.model': outcome.responseModel,
      ...usageAttributes(outcome.usage),
      ...(this.#telemetry.options.recordOutputs && outcome.content
        ? outputContentAttributes(outcome.content, outcome.finishReason)
        : {}),
    };
    Object.assign(this.#attributes, { 'gen_ai.response.model': outcome.responseModel });
    this.#span.setAttributes(attributes);
    this.#recordUsage(outcome.usage);
    this.#end();
  }

  fail(error: unknown): void {
    if (this.#ended) return;
    const type = errorType(error);
    this.#attributes['error.type'] = type;
    this.#span.setAttribute('error.type', type);
    this.#span.recordException(error instanceof Error ? error : String(error));
    this.#span.setStatus({
      code: spanStatus.error,
      message: error instanceof Error ? error.message : String(error),
    });
    this.#end();
  }

  /** Ends a span whose stream the caller left early: no outcome to record. */
  abandon(): void {
    if (!this.#ended) this.#end();
  }

  /** Whether the caller asked for the answers on spans (then streams keep their text for the span). */
  get recordsOutputs(): boolean {
    return this.#telemetry.options.recordOutputs === true;
  }

  #recordUsage(usage: Usage): void {
    const meter = this.#telemetry.meter;
    if (!meter) return;
    const { tokenUsage } = genAIMetrics(meter);
    const attributes = metricAttributes(this.#attributes);
    const input = usageAttributes(usage)['gen_ai.usage.input_tokens'] as number;
    tokenUsage.record(input, { ...attributes, 'gen_ai.token.type': 'input' });
    tokenUsage.record(usage.outputTokens, { ...attributes, 'gen_ai.token.type': 'output' });
  }

  #end(): void {
    this.#ended = true;
    const meter = this.#telemetry.meter;
    const seconds = (performance.now() - this.#started) / 1000;
    if (meter) genAIMetrics(meter).operationDuration.record(seconds, metricAttributes(this.#attributes));
    this.#span.end();
  }
}

/** Attributes every span of a run carries: conversation id and the caller's metadata. */
export function commonAttributes(telemetry: ResolvedTelemetry): TelemetryAttributes {
  return {
    'gen_ai.conversation.id': telemetry.options.conversationId,
    ...telemetry.options.metadata,
  };
}

/** `error.type`: the HTTP status of an API error, else the error's class name. */
export function errorType(error: unknown): string {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') return String(status);
  if (error instanceof Error) return error.name || 'Error';
  return '_OTHER';
}
