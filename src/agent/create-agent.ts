import type { LanguageModel } from '../spec/language-model.js';
import { resolveTelemetry } from '../telemetry/resolve-telemetry.js';
import type { AgentCall, AgentSettings } from './agent-options.js';
import type { AgentResult } from './agent-result.js';
import type { AgentStreamCall, AgentStreamResult } from './agent-stream-part.js';
import { createAgentStreamResult } from './create-agent-stream-result.js';
import { generateAgent } from './generate-agent.js';
import { resolveAgentRun } from './resolve-agent-run.js';
import { streamAgent } from './stream-agent.js';

/** A model with tools that loops until it has an answer. */
export interface Agent {
  /** Runs to the end without streaming; rejects with `InvalidArgumentError` for an unusable prompt. */
  generate(call: AgentCall): Promise<AgentResult>;
  /**
   * Starts a streamed run. Rejects with `InvalidArgumentError` for an unusable prompt, before any hook
   * fires; otherwise nothing runs until you read a stream or await `result`.
   */
  stream(call: AgentStreamCall): Promise<AgentStreamResult>;
}

/**
 * Creates an agent: each step calls the model with the conversation so far, runs the tools it asked for
 * and sends their results back, until the model answers without tool calls, a tool stops the turn, a stop
 * condition holds or `maxSteps` (20 by default) is reached.
 *
 * @example
 * const agent = createAgent(model, { system: 'You are terse.', tools: [weather] });
 * const { response } = await agent.generate({ prompt: 'Weather in Paris?' });
 * console.log(textOf(response.content));
 *
 * const run = await agent.stream({ prompt: 'Weather in Rome?' });
 * for await (const text of run.textStream) process.stdout.write(text);
 */
export function createAgent(model: LanguageModel, settings: AgentSettings = {}): Agent {
  return {
    generate: async (call) => {
      const run = resolveAgentRun(model, settings, call);
      const telemetry = resolveTelemetry(call.telemetry ?? settings.telemetry);
      if (telemetry === undefined) return generateAgent(run);
      const { traceAgentRun } = await import('../telemetry/agent-telemetry.js');
      return traceAgentRun(run, telemetry, generateAgent);
    },
    stream: async (call) => {
      const run = resolveAgentRun(model, settings, call);
      const telemetry = resolveTelemetry(call.telemetry ?? settings.telemetry);
      if (telemetry === undefined) return createAgentStreamResult((emit) => streamAgent(run, call, emit));
      const { traceAgentRun } = await import('../telemetry/agent-telemetry.js');
      return createAgentStreamResult((emit) =>
        traceAgentRun(run, telemetry, (traced) => streamAgent(traced, call, emit)),
      );
    },
  };
}
