import { decodeBase64 } from '../persistence/base64.js';
import type { Message, MessagePart } from '../spec/message.js';
import type { MCPContentItem } from './map-mcp-tool-result.js';

/** One message of an MCP prompt or sampling request. */
export interface MCPPromptMessage {
  role: 'user' | 'assistant';
  content: MCPContentItem | MCPContentItem[];
}

/**
 * MCP prompt messages as fantasy-ts messages: text stays text, images and audio become files, embedded
 * resources become text (with their URI) or files, resource links become text with their URI.
 */
export function convertMCPPromptMessages(messages: readonly MCPPromptMessage[]): Message[] {
  return messages.map((message) => {
    const items = Array.isArray(message.content) ? message.content : [message.content];
    return { role: message.role === 'assistant' ? 'assistant' : 'user', content: items.map(convertItem) };
  });
}

function convertItem(item: MCPContentItem): MessagePart {
  if (item.type === 'text') return { type: 'text', text: item.text ?? '' };
  if ((item.type === 'image' || item.type === 'audio') && typeof item.data === 'string') {
    const data = decodeBase64(item.data);
    if (data !== undefined)
      return { type: 'file', data, mediaType: item.mimeType ?? 'application/octet-stream' };
  }
  if (item.type === 'resource' && item.resource !== undefined) {
    const { uri = '', mimeType, text, blob } = item.resource;
    if (typeof text === 'string') return { type: 'text', text: `[resource ${uri}]\n${text}` };
    const data = typeof blob === 'string' ? decodeBase64(blob) : undefined;
    if (data !== undefined) return { type: 'file', data, mediaType: mimeType ?? 'application/octet-stream' };
  }
  if (item.type === 'resource_link')
    return { type: 'text', text: `[resource link] ${item.name ?? ''}: ${item.uri ?? ''}` };
  return { type: 'text', text: JSON.stringify(item) };
}
