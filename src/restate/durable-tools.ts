import type { Context, RunOptions } from '@restatedev/restate-sdk';
import type { ExecutableProviderTool, ProviderTool } from '../agent/executable-provider-tool.js';
import type { AgentTool, ToolExecuteOptions, ToolOutcome } from '../agent/tool.js';
import { type DurableRetryOptions, toRunOptions } from './durable-retry-options.js';
import { journalSerde } from './journal-serde.js';

/** A tool's journaled outcome: what it returned, or the message of what it threw. */
type JournaledOutcome = { value: unknown } | { error: string };

/**
 * The tools with each execution journaled (`ctx.run`, named `tool <name> <toolCallId>`): a replay returns
 * the recorded outcome without running the tool again. A tool that throws is journaled as its error, which
 * the agent hands to the model as an error result, exactly as without Restate; only a crash of the process
 * re-runs a tool, and only one whose outcome had not been journaled yet. `needsApproval` decisions are
 * journaled too (`approval check <name> <toolCallId>`), so a replay asks the same questions.
 */
export function durableTools(
  ctx: Context,
  tools: readonly AgentTool[],
  retry: DurableRetryOptions,
): AgentTool[] {
  return tools.map((agentTool) => durableTool(ctx, agentTool, retry));
}

function durableTool(ctx: Context, agentTool: AgentTool, retry: DurableRetryOptions): AgentTool {
  const runOptions = { serde: journalSerde<JournaledOutcome>(), ...toRunOptions(retry) };
  const needsApproval = agentTool.needsApproval?.bind(agentTool);
  return {
    ...agentTool,
    validate: (input) => agentTool.validate(input),
    execute: (input, options) =>
      journalExecution(ctx, `tool ${agentTool.name} ${options.toolCallId}`, runOptions, () =>
        agentTool.execute(input, options),
      ),
    ...(needsApproval === undefined
      ? {}
      : {
          needsApproval: (input: unknown, options: ToolExecuteOptions) =>
            ctx.run(`approval check ${agentTool.name} ${options.toolCallId}`, async () =>
              Boolean(await needsApproval(input, options)),
            ),
        }),
  };
}

/** Provider tools the agent runs locally (computer use) are journaled like function tools. */
export function durableProviderTools(
  ctx: Context,
  tools: readonly ProviderTool[],
  retry: DurableRetryOptions,
): ProviderTool[] {
  const runOptions = { serde: journalSerde<JournaledOutcome>(), ...toRunOptions(retry) };
  return tools.map((providerTool): ProviderTool => {
    if (providerTool.type !== 'executable-provider-defined') return providerTool;
    const executable: ExecutableProviderTool = {
      ...providerTool,
      execute: (input, options) =>
        journalExecution(ctx, `tool ${providerTool.name} ${options.toolCallId}`, runOptions, () =>
          providerTool.execute(input, options),
        ),
    };
    return executable;
  });
}

async function journalExecution(
  ctx: Context,
  name: string,
  runOptions: RunOptions<JournaledOutcome>,
  execute: () => unknown,
): Promise<ToolOutcome> {
  const outcome = await ctx.run(name, () => catchOutcome(execute), runOptions);
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.value as ToolOutcome;
}

async function catchOutcome(execute: () => unknown): Promise<JournaledOutcome> {
  try {
    return { value: await execute() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
