import type { Message, MessagePart } from '../../spec/message.js';

/**
 * The prompt without approval parts, for a provider's prompt converter. Approvals the agent asked for (no
 * `providerExecuted`) are between the application and its user: the model sees the call and, once
 * answered, its result, never the request or the answer. `keepProviderExecuted` keeps the provider's own
 * approvals (OpenAI remote MCP) for the converter that sends them back. A message left without parts is
 * dropped. The prompt itself is returned when it holds no approval part, so a prompt without approvals
 * costs one scan and no copy.
 */
export function withoutApprovalParts(
  prompt: readonly Message[],
  options: { keepProviderExecuted?: boolean } = {},
): readonly Message[] {
  const drop = (part: MessagePart) => isDroppedApproval(part, options.keepProviderExecuted ?? false);
  if (!prompt.some((message) => message.content.some(drop))) return prompt;
  const kept: Message[] = [];
  for (const message of prompt) {
    const content = message.content.filter((part) => !drop(part));
    if (content.length > 0)
      kept.push(content.length === message.content.length ? message : { ...message, content });
  }
  return kept;
}

function isDroppedApproval(part: MessagePart, keepProviderExecuted: boolean): boolean {
  if (part.type !== 'tool-approval-request' && part.type !== 'tool-approval-response') return false;
  return !(keepProviderExecuted && part.providerExecuted);
}
