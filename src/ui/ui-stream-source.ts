import type { AgentStreamPart, AgentStreamResult } from '../agent/agent-stream-part.js';
import type { ToolApprovalRequestContent } from '../spec/content.js';
import type { StreamPart } from '../spec/stream-part.js';

/** A tool call waiting for the user's answer, as the agent streams it. */
export type ToolApprovalRequestStreamPart = ToolApprovalRequestContent;

/** Any part the UI adapters read: an agent stream part, a model stream part or an approval request. */
export type UISourcePart = AgentStreamPart | StreamPart | ToolApprovalRequestStreamPart;

/** What the UI adapters stream: an agent run (or its promise), or any stream of parts such as a model's. */
export type UIStreamSource =
  | AgentStreamResult
  | AsyncIterable<UISourcePart>
  | Promise<AgentStreamResult | AsyncIterable<UISourcePart>>;

/** The parts of a source: an agent run's `fullStream`, or the iterable itself. */
export async function partsOf(source: UIStreamSource): Promise<AsyncIterable<UISourcePart>> {
  const resolved = await source;
  return 'fullStream' in resolved ? resolved.fullStream : resolved;
}
