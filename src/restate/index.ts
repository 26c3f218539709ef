/**
 * fantasy-ts/restate: durable agents on Restate (`@restatedev/restate-sdk`, an optional peer dependency).
 * Model calls and tool executions are journaled steps; approvals are awakeables answered through the ingress.
 */
export type {
  ApprovalDecision,
  ApprovalNotifier,
  PendingDurableApproval,
} from './await-approvals.js';
export { createDurableAgent, type DurableAgent, type DurableAgentSettings } from './create-durable-agent.js';
export { durableModel } from './durable-model.js';
export type { DurableRetryOptions } from './durable-retry-options.js';
export { durableProviderTools, durableTools } from './durable-tools.js';
export { journalSerde } from './journal-serde.js';
