import type { Content, ToolResultContent } from '../spec/content.js';
import type { Message, MessagePart, ToolResultPart } from '../spec/message.js';
import type { ProviderMetadata } from '../spec/provider-options.js';

/**
 * Turns a step's content into the history it adds: an assistant message with text, reasoning, tool calls,
 * approval requests, files and provider-executed results, then a tool message with the results of the tools the agent ran.
 * Each content's metadata becomes the part's provider options (how signatures travel back), and the
 * response's metadata (`responseMetadata`, the finish part's) the assistant message's: a streamed response
 * learns some of it only at the end, after its parts (Anthropic's code execution container). Sources are
 * dropped; empty messages are left out.
 */
export function toResponseMessages(
  content: readonly Content[],
  responseMetadata?: ProviderMetadata,
): Message[] {
  const assistant: MessagePart[] = [];
  const tool: MessagePart[] = [];
  for (const part of content) {
    const messagePart = toMessagePart(part);
    if (messagePart === undefined) continue;
    if (part.type === 'tool-result' && !part.providerExecuted) tool.push(messagePart);
    else assistant.push(messagePart);
  }
  const messages: Message[] = [];
  if (assistant.length > 0)
    messages.push({ role: 'assistant', content: assistant, ...providerOptionsOf(responseMetadata) });
  if (tool.length > 0) messages.push({ role: 'tool', content: tool });
  return messages;
}

function toMessagePart(part: Content): MessagePart | undefined {
  const options = providerOptionsOf(part.providerMetadata);
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return { type: part.type, text: part.text, ...options };
    case 'file':
      return { type: 'file', data: part.data, mediaType: part.mediaType, ...options };
    case 'tool-call':
      return {
        type: 'tool-call',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
        ...(part.providerExecuted ? { providerExecuted: true } : {}),
        ...options,
      };
    case 'tool-result':
      return toToolResultPart(part, options);
    case 'tool-approval-request':
      return {
        type: 'tool-approval-request',
        approvalId: part.approvalId,
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        input: part.input,
        ...(part.providerExecuted ? { providerExecuted: true } : {}),
        ...options,
      };
    case 'source':
      return undefined;
  }
}

function toToolResultPart(
  part: ToolResultContent,
  options: { providerOptions?: ProviderMetadata },
): ToolResultPart {
  return {
    type: 'tool-result',
    toolCallId: part.toolCallId,
    toolName: part.toolName,
    // Provider-executed results may carry their payload only in metadata; the part still needs an output.
    output: part.output ?? { type: 'text', text: '' },
    ...(part.providerExecuted ? { providerExecuted: true } : {}),
    ...(part.clientMetadata === undefined ? {} : { clientMetadata: part.clientMetadata }),
    ...options,
  };
}

function providerOptionsOf(metadata: ProviderMetadata | undefined): { providerOptions?: ProviderMetadata } {
  return metadata === undefined ? {} : { providerOptions: metadata };
}
