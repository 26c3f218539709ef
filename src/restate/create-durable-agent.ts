import { type Context, TerminalError } from '@restatedev/restate-sdk';
import type { AgentCall, AgentSettings } from '../agent/agent-options.js';
import { type AgentResult, toAgentResult } from '../agent/agent-result.js';
import { createAgent } from '../agent/create-agent.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { LanguageModel } from '../spec/language-model.js';
import { type Message, userMessage } from '../spec/message.js';
import { type ApprovalNotifier, awaitApprovals } from './await-approvals.js';
import { durableModel } from './durable-model.js';
import type { DurableRetryOptions } from './durable-retry-options.js';
import { durableProviderTools, durableTools } from './durable-tools.js';

/** A durable agent's settings: an agent's, minus its retries (Restate owns them), plus the durable parts. */
export interface DurableAgentSettings extends Omit<AgentSettings, 'maxRetries' | 'onRetry' | 'retry'> {
  /** Restate's retry policy for model calls and tool executions. @default Restate's (retry until success) */
  retry?: DurableRetryOptions;
  /**
   * Tells humans which awakeables answer a pause's approval requests; journaled, so called once per pause.
   * Required when a tool has `needsApproval`: nobody could answer otherwise.
   */
  onApprovalRequest?: ApprovalNotifier;
}

/** An agent whose run survives crashes and deploys, inside a Restate handler. */
export interface DurableAgent {
  /**
   * Runs to the end, pausing (suspended) at approvals until a human answers. The result's `steps` and
   * `messages` cover the whole run, across pauses (`messages` includes the approval answers).
   */
  generate(call: Omit<AgentCall, 'maxRetries' | 'onRetry'>): Promise<AgentResult>;
}

/**
 * An agent for a Restate handler: each model call and each tool execution is a journaled step
 * (`ctx.run`), so after a crash Restate replays the handler from its journal, neither calling the model nor
 * running a tool again for a step that completed. Retries belong to Restate. A call that needs approval
 * suspends the handler on an awakeable until a human resolves it through Restate's ingress.
 *
 * @example
 * const agentService = restate.service({
 *   name: 'assistant',
 *   handlers: {
 *     run: async (ctx: restate.Context, prompt: string) => {
 *       const agent = createDurableAgent(ctx, model, { tools: [deleteFile] });
 *       const { response } = await agent.generate({ prompt });
 *       return textOf(response.content);
 *     },
 *   },
 * });
 */
export function createDurableAgent(
  ctx: Context,
  model: LanguageModel,
  settings: DurableAgentSettings = {},
): DurableAgent {
  const { retry = {}, onApprovalRequest, ...agentSettings } = settings;
  if (
    onApprovalRequest === undefined &&
    (settings.tools ?? []).some((agentTool) => agentTool.needsApproval)
  ) {
    throw new InvalidArgumentError({
      argument: 'onApprovalRequest',
      message: 'a tool needs approval: pass onApprovalRequest to tell a human which awakeable answers it',
    });
  }
  const notify: ApprovalNotifier =
    onApprovalRequest ??
    (() => {
      // prepareStep offered a tool needing approval that the settings did not have.
      throw new TerminalError('a call needs approval but the durable agent has no onApprovalRequest');
    });
  const agent = createAgent(durableModel(ctx, model, retry), {
    ...agentSettings,
    tools: durableTools(ctx, settings.tools ?? [], retry),
    providerTools: durableProviderTools(ctx, settings.providerTools ?? [], retry),
    maxRetries: 0,
  });
  return {
    generate: async (call) => {
      const conversation = initialConversation(call);
      let result = await agent.generate({ ...call, maxRetries: 0 });
      const added = [...result.messages];
      const steps = [...result.steps];
      while (result.pendingApprovals.length > 0) {
        added.push(await awaitApprovals(ctx, result.pendingApprovals, notify));
        const { prompt: _prompt, files: _files, ...rest } = call;
        result = await agent.generate({ ...rest, messages: [...conversation, ...added], maxRetries: 0 });
        added.push(...result.messages);
        steps.push(...result.steps);
      }
      return { ...toAgentResult(steps), messages: added };
    },
  };
}

/** The conversation a run continues after a pause: the given messages and the user's prompt. */
function initialConversation(call: AgentCall): Message[] {
  const messages = call.messages ?? [];
  if (call.prompt === undefined || call.prompt === '') return messages;
  return [...messages, userMessage(call.prompt, ...(call.files ?? []))];
}
