import type { CallWarning } from '../../spec/call-warning.js';
import type { FilePart, Message, MessagePart, ToolResultPart } from '../../spec/message.js';
import { encodeBase64 } from '../shared/base64.js';
import { withoutApprovalParts } from '../shared/without-approval-parts.js';
import type {
  AnthropicCacheControl,
  AnthropicContentBlock,
  AnthropicDocumentBlock,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicTextBlock,
  AnthropicToolResultBlock,
} from './anthropic-api.js';
import { cacheControlOf } from './anthropic-options.js';
import { convertAssistantPart } from './convert-anthropic-assistant-part.js';
import { dropOrphanServerCalls } from './drop-orphan-server-calls.js';

/** The system blocks and messages of a Messages API request. */
export interface AnthropicPrompt {
  system: AnthropicTextBlock[];
  messages: AnthropicMessage[];
  warnings: CallWarning[];
}

type Role = 'system' | 'user' | 'assistant';

/**
 * Converts a prompt. Consecutive messages of one role become one message (tool results join the user turn);
 * only the first run of system messages is used. Cache control comes from a part's options, else from its
 * message's options for the message's last part only.
 */
export function convertToAnthropicMessages(
  prompt: readonly Message[],
  options: { sendReasoning: boolean },
): AnthropicPrompt {
  const result: AnthropicPrompt = { system: [], messages: [], warnings: [] };
  let sawSystem = false;
  for (const group of groupByRole(withoutApprovalParts(prompt))) {
    if (group.role === 'system') {
      if (sawSystem) {
        result.warnings.push({ type: 'other', message: 'only the first system messages are sent' });
      } else {
        for (const message of group.messages) result.system.push(...convertSystem(message));
      }
      sawSystem = true;
      continue;
    }
    const content: AnthropicContentBlock[] = [];
    for (const message of group.messages) {
      message.content.forEach((part, index) => {
        const cacheControl = partCacheControl(message, part, index);
        const block =
          group.role === 'user'
            ? convertUserPart(part, cacheControl, result.warnings)
            : convertAssistantPart(
                { part, cacheControl, sendReasoning: options.sendReasoning },
                result.warnings,
              );
        if (block) content.push(block);
      });
    }
    const sent = group.role === 'assistant' ? dropOrphanServerCalls(content, result.warnings) : content;
    if (!sent.some(isVisible)) {
      result.warnings.push({ type: 'other', message: `dropped an empty ${group.role} message` });
      continue;
    }
    result.messages.push({ role: group.role, content: sent });
  }
  return result;
}

function groupByRole(prompt: readonly Message[]): Array<{ role: Role; messages: Message[] }> {
  const groups: Array<{ role: Role; messages: Message[] }> = [];
  for (const message of prompt) {
    const role: Role = message.role === 'tool' ? 'user' : message.role;
    const last = groups.at(-1);
    if (last?.role === role) last.messages.push(message);
    else groups.push({ role, messages: [message] });
  }
  return groups;
}

function partCacheControl(message: Message, part: MessagePart, index: number) {
  const own = cacheControlOf(part.providerOptions);
  if (own || index !== message.content.length - 1) return own;
  return cacheControlOf(message.providerOptions);
}

function convertSystem(message: Message): AnthropicTextBlock[] {
  const blocks: AnthropicTextBlock[] = [];
  message.content.forEach((part, index) => {
    if (part.type !== 'text') return;
    blocks.push(
      withCache<AnthropicTextBlock>(
        { type: 'text', text: part.text },
        partCacheControl(message, part, index),
      ),
    );
  });
  return blocks;
}

function convertUserPart(
  part: MessagePart,
  cacheControl: AnthropicCacheControl | undefined,
  warnings: CallWarning[],
): AnthropicContentBlock | undefined {
  switch (part.type) {
    case 'text':
      return withCache<AnthropicTextBlock>({ type: 'text', text: part.text }, cacheControl);
    case 'file': {
      const block = convertFile(part);
      if (block === undefined) {
        warnings.push({ type: 'other', message: `file with media type ${part.mediaType} is not supported` });
      }
      return block && withCache(block, cacheControl);
    }
    case 'tool-result':
      return withCache(convertToolResult(part), cacheControl);
    default:
      return undefined;
  }
}

/** Images inline, PDFs as base64 documents, text files as plain-text documents. */
function convertFile(part: FilePart): AnthropicImageBlock | AnthropicDocumentBlock | undefined {
  const mediaType = part.mediaType.toLowerCase();
  if (mediaType.startsWith('image/')) {
    return {
      type: 'image',
      source: { type: 'base64', media_type: part.mediaType, data: encodeBase64(part.data) },
    };
  }
  if (mediaType === 'application/pdf') {
    return {
      type: 'document',
      source: { type: 'base64', media_type: 'application/pdf', data: encodeBase64(part.data) },
      title: documentTitle(part.filename),
    };
  }
  if (mediaType.startsWith('text/')) {
    return {
      type: 'document',
      source: { type: 'text', media_type: 'text/plain', data: new TextDecoder().decode(part.data) },
      title: documentTitle(part.filename),
    };
  }
  return undefined;
}

/** Fantasy's document title: the file name with unusual characters blanked out, else `Document`. */
export function documentTitle(filename: string | undefined): string {
  const title = (filename ?? '')
    .replace(/[^a-zA-Z0-9\s\-()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return title === '' ? 'Document' : title;
}

function convertToolResult(part: ToolResultPart): AnthropicToolResultBlock {
  const block: AnthropicToolResultBlock = { type: 'tool_result', tool_use_id: part.toolCallId, content: [] };
  const output = part.output;
  if (output.type === 'text') block.content.push({ type: 'text', text: output.text });
  // A tool_result's content is text or media blocks: a JSON value travels as its JSON text.
  else if (output.type === 'json') block.content.push({ type: 'text', text: JSON.stringify(output.value) });
  else if (output.type === 'error') {
    block.content.push({ type: 'text', text: output.error });
    block.is_error = true;
  } else {
    block.content.push(
      output.mediaType === 'application/pdf'
        ? { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: output.data } }
        : { type: 'image', source: { type: 'base64', media_type: output.mediaType, data: output.data } },
    );
    if (output.text) block.content.push({ type: 'text', text: output.text });
  }
  return block;
}

function withCache<T extends { cache_control?: AnthropicCacheControl }>(
  block: T,
  cacheControl: AnthropicCacheControl | undefined,
): T {
  if (cacheControl) block.cache_control = cacheControl;
  return block;
}

/** Blocks that make a message worth sending: thinking alone is not. */
function isVisible(block: AnthropicContentBlock): boolean {
  return block.type !== 'thinking' && block.type !== 'redacted_thinking';
}
