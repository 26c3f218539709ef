import type { AgentResult } from '../agent/agent-result.js';
import type { ProviderTool } from '../agent/executable-provider-tool.js';
import type { AgentRun } from '../agent/resolve-agent-run.js';
import type { AgentTool, ToolExecuteOptions } from '../agent/tool.js';
import { wrapLanguageModel } from '../middleware/wrap-language-model.js';
import type { LanguageModel } from '../spec/language-model.js';
import { genAIFinishReason, genAIProviderName, usageAttributes } from './gen-ai-attributes.js';
import { commonAttributes, errorType, spanKind, spanStatus } from './model-call-span.js';
import { baseContext, type ResolvedTelemetry, withSpan } from './resolve-telemetry.js';
import { telemetryMiddleware } from './telemetry-middleware.js';
import type { TelemetryContext, TelemetrySpan } from './telemetry-options.js';

/**
 * Runs `execute` (one agent run) inside an `invoke_agent {name}` span (kind INTERNAL): every model call of
 * the run is a `chat {model}` child (one per attempt, so retries show), every tool execution an
 * `execute_tool {tool}` child, parallel tools included. The run's models and tools are wrapped for this
 * run only; nothing changes when telemetry is off, because this is never called then.
 */
export async function traceAgentRun(
  run: AgentRun,
  telemetry: ResolvedTelemetry,
  execute: (run: AgentRun) => Promise<AgentResult>,
): Promise<AgentResult> {
  const name = telemetry.options.functionId ?? 'agent';
  const span = telemetry.tracer.startSpan(
    `invoke_agent ${name}`,
    {
      kind: spanKind.internal,
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.agent.name': name,
        'gen_ai.provider.name': genAIProviderName(run.model.provider),
        'gen_ai.request.model': run.model.modelId,
        ...commonAttributes(telemetry),
      },
    },
    baseContext(telemetry.options),
  );
  const context = withSpan(baseContext(telemetry.options), span);
  try {
    const result = await execute(instrumentRun(run, telemetry, context));
    span.setAttributes({
      ...usageAttributes(result.totalUsage),
      'gen_ai.response.finish_reasons': [genAIFinishReason(result.response.finishReason)],
    });
    return result;
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function instrumentRun(run: AgentRun, telemetry: ResolvedTelemetry, context: TelemetryContext): AgentRun {
  const middleware = telemetryMiddleware(
    { ...telemetry.options, tracer: telemetry.tracer, ...meterOf(telemetry) },
    () => context,
  );
  const model = (inner: LanguageModel) => wrapLanguageModel({ model: inner, middleware });
  const tool = (inner: AgentTool) => traceTool(inner, telemetry, context);
  const { prepareStep } = run;
  return {
    ...run,
    model: model(run.model),
    tools: run.tools.map(tool),
    providerTools: run.providerTools.map((providerTool) =>
      traceProviderTool(providerTool, telemetry, context),
    ),
    prepareStep:
      prepareStep &&
      (async (options) => {
        const overrides = await prepareStep(options);
        if (overrides === undefined) return undefined;
        return {
          ...overrides,
          ...(overrides.model ? { model: model(overrides.model) } : {}),
          ...(overrides.tools ? { tools: overrides.tools.map(tool) } : {}),
        };
      }),
  };
}

function meterOf(telemetry: ResolvedTelemetry) {
  return telemetry.meter === undefined ? {} : { meter: telemetry.meter };
}

function traceTool(inner: AgentTool, telemetry: ResolvedTelemetry, context: TelemetryContext): AgentTool {
  return {
    ...inner,
    execute: (input, options) =>
      traceExecution(
        { telemetry, context, name: inner.name, description: inner.description, type: 'function' },
        input,
        options,
        () => inner.execute(input, options),
      ),
  };
}

function traceProviderTool(
  inner: ProviderTool,
  telemetry: ResolvedTelemetry,
  context: TelemetryContext,
): ProviderTool {
  if (inner.type !== 'executable-provider-defined') return inner;
  return {
    ...inner,
    execute: (input, options) =>
      traceExecution({ telemetry, context, name: inner.name, type: 'extension' }, input, options, () =>
        inner.execute(input, options),
      ),
  };
}

async function traceExecution<T>(
  tool: {
    telemetry: ResolvedTelemetry;
    context: TelemetryContext;
    name: string;
    description?: string;
    type: string;
  },
  input: unknown,
  options: ToolExecuteOptions,
  execute: () => T | Promise<T>,
): Promise<T> {
  const { telemetry } = tool;
  const span = telemetry.tracer.startSpan(
    `execute_tool ${tool.name}`,
    {
      kind: spanKind.internal,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': tool.name,
        'gen_ai.tool.call.id': options.toolCallId,
        'gen_ai.tool.type': tool.type,
        'gen_ai.tool.description': tool.description,
        'gen_ai.tool.call.arguments': telemetry.options.recordInputs ? JSON.stringify(input) : undefined,
        ...commonAttributes(telemetry),
      },
    },
    tool.context,
  );
  try {
    const result = await execute();
    if (telemetry.options.recordOutputs) span.setAttribute('gen_ai.tool.call.result', stringify(result));
    // A tool that answers with an error result failed, even though it did not throw.
    if ((result as { isError?: unknown } | null)?.isError === true) {
      span.setAttribute('error.type', 'tool_error');
      span.setStatus({ code: spanStatus.error });
    }
    return result;
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

function failSpan(span: TelemetrySpan, error: unknown): void {
  span.setAttribute('error.type', errorType(error));
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({ code: spanStatus.error, message: error instanceof Error ? error.message : String(error) });
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
