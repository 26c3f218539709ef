import type { LanguageModelMiddleware } from '../middleware/language-model-middleware.js';
import type { Content, ToolCallContent } from '../spec/content.js';
import type { GenerateResponse } from '../spec/generate-result.js';
import type { ObjectStreamPart } from '../spec/object.js';
import type { StreamPart } from '../spec/stream-part.js';
import { type ModelCallOutcome, ModelCallSpan } from './model-call-span.js';
import { baseContext, resolveTelemetry } from './resolve-telemetry.js';
import type { TelemetryContext, TelemetryOptions } from './telemetry-options.js';

/**
 * A `chat {model}` span (kind CLIENT) per model call, with the GenAI conventions' attributes, and the
 * `gen_ai.client.*` metrics. Object calls are chat calls too. Telemetry that resolves to nothing (no tracer,
 * `true` with no OpenTelemetry API registered) passes calls through untouched.
 *
 * @example
 * const traced = wrapLanguageModel({ model, middleware: telemetryMiddleware({ tracer, meter }) });
 */
export function telemetryMiddleware(
  option: TelemetryOptions | boolean = true,
  parent?: () => TelemetryContext,
): LanguageModelMiddleware {
  const start = (
    model: Parameters<NonNullable<LanguageModelMiddleware['wrapGenerate']>>[0]['model'],
    params: object,
  ) => {
    const telemetry = resolveTelemetry(option);
    if (telemetry === undefined) return undefined;
    const context = parent?.() ?? baseContext(telemetry.options);
    return new ModelCallSpan({ telemetry, model, params, context });
  };
  return {
    wrapGenerate: ({ doGenerate, params, model }) =>
      traceCall(start(model, params), doGenerate, generateOutcome),
    wrapStream: ({ doStream, params, model }) => traceStreamCall(start(model, params), doStream),
    wrapGenerateObject: ({ doGenerate, params, model }) =>
      traceCall(start(model, params), doGenerate, (result) => ({
        finishReason: result.finishReason,
        usage: result.usage,
      })),
    wrapStreamObject: ({ doStream, params, model }) => traceStreamCall(start(model, params), doStream),
  };
}

/** What a text call's span records of its response. */
export function generateOutcome(response: GenerateResponse): ModelCallOutcome {
  return {
    finishReason: response.finishReason,
    usage: response.usage,
    content: response.content,
    responseId: response.response?.id,
    responseModel: response.response?.modelId,
  };
}

/** One call in its span (none: the call alone): the outcome recorded on success, the error on failure. */
export async function traceCall<R>(
  span: ModelCallSpan | undefined,
  call: () => Promise<R>,
  outcome: (result: R) => ModelCallOutcome,
): Promise<R> {
  if (span === undefined) return call();
  try {
    const result = await call();
    span.succeed(outcome(result));
    return result;
  } catch (error) {
    span.fail(error);
    throw error;
  }
}

/** A stream in its span: a setup failure recorded, then every part passed through `traceStream`. */
export async function traceStreamCall<P extends StreamPart | ObjectStreamPart>(
  span: ModelCallSpan | undefined,
  call: () => Promise<AsyncIterable<P>>,
): Promise<AsyncIterable<P>> {
  if (span === undefined) return call();
  const parts = await call().catch((error: unknown) => {
    span.fail(error);
    throw error;
  });
  return traceStream(parts, span);
}

/** Passes every part on; notes the first chunk, the finish and an in-band error; ends the span at the end. */
export async function* traceStream<P extends StreamPart | ObjectStreamPart>(
  parts: AsyncIterable<P>,
  span: ModelCallSpan,
): AsyncIterable<P> {
  const record = span.recordsOutputs;
  const texts: string[] = [];
  const calls: ToolCallContent[] = [];
  try {
    for await (const part of parts) {
      span.chunk();
      if (part.type === 'finish') {
        const content: Content[] = [{ type: 'text', text: texts.join('') }, ...calls];
        span.succeed({ finishReason: part.finishReason, usage: part.usage, content });
      } else if (part.type === 'error') span.fail(part.error);
      else if (record && part.type === 'text-delta') texts.push(part.delta);
      else if (record && part.type === 'tool-call') calls.push(part as ToolCallContent);
      yield part;
    }
  } catch (error) {
    span.fail(error);
    throw error;
  } finally {
    span.abandon();
  }
}
