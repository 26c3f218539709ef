import type { ToolResponse } from '../agent/tool-response.js';
import { decodeBase64 } from '../persistence/base64.js';
import type { JSONValue } from '../spec/json-value.js';

/** One item of an MCP tool result's `content` (the fields we read). */
export interface MCPContentItem {
  type: string;
  text?: string;
  data?: string;
  mimeType?: string;
  uri?: string;
  name?: string;
  title?: string;
  description?: string;
  resource?: { uri?: string; mimeType?: string; text?: string; blob?: string };
}

/** An MCP `tools/call` result (the fields we read). */
export interface MCPCallToolResult {
  content?: MCPContentItem[];
  structuredContent?: unknown;
  isError?: boolean;
  /** Servers on protocol versions before 2025-03-26 may answer with `toolResult`. */
  toolResult?: unknown;
}

/**
 * An MCP tool result as a fantasy-ts tool response: `isError` becomes an error result the model sees; the
 * first image or audio item is sent as media (providers that cannot take media in a tool result attach it
 * next, or say so), with every text item as its caption; resource links and embedded resources become text
 * with their URI; further media items are described in text; `structuredContent` is kept as the result's JSON.
 */
export function mapMCPToolResult(result: MCPCallToolResult): ToolResponse {
  const texts: string[] = [];
  let media: { data: string; mediaType: string } | undefined;
  for (const item of result.content ?? []) {
    const mediaItem = toMedia(item);
    if (mediaItem !== undefined && media === undefined && !result.isError) {
      media = mediaItem;
      continue;
    }
    texts.push(describeItem(item));
  }
  if (result.content === undefined && result.toolResult !== undefined)
    texts.push(stringify(result.toolResult));
  return toResponse(result, texts, media);
}

function toResponse(
  result: MCPCallToolResult,
  texts: string[],
  media: { data: string; mediaType: string } | undefined,
): ToolResponse {
  const data = media === undefined ? undefined : decodeBase64(media.data);
  if (media !== undefined && data === undefined)
    texts.push(`[${media.mediaType} content that was not valid base64]`);
  const text = texts.join('\n');
  if (result.isError) return { type: 'text', content: text || 'the MCP tool failed', isError: true };
  if (media !== undefined && data !== undefined) {
    return {
      type: media.mediaType.startsWith('image/') ? 'image' : 'media',
      content: text,
      data,
      mediaType: media.mediaType,
    };
  }
  if (result.structuredContent !== undefined && result.structuredContent !== null) {
    return { type: 'json', content: '', value: toJSONValue(result.structuredContent) };
  }
  return { type: 'text', content: text };
}

function toMedia(item: MCPContentItem): { data: string; mediaType: string } | undefined {
  if ((item.type === 'image' || item.type === 'audio') && typeof item.data === 'string') {
    return { data: item.data, mediaType: item.mimeType ?? `${item.type}/*` };
  }
  const resource = item.resource;
  if (
    item.type === 'resource' &&
    typeof resource?.blob === 'string' &&
    resource.mimeType?.startsWith('image/')
  ) {
    return { data: resource.blob, mediaType: resource.mimeType };
  }
  return undefined;
}

/** Text for the model: the text itself, or what the item is and where it lives. */
function describeItem(item: MCPContentItem): string {
  if (item.type === 'text') return item.text ?? '';
  if (item.type === 'resource_link') {
    const label = item.title ?? item.name ?? item.uri ?? 'resource';
    const details = [item.mimeType, item.description].filter(Boolean).join(', ');
    return `[resource link] ${label}: ${item.uri ?? ''}${details ? ` (${details})` : ''}`;
  }
  if (item.type === 'resource' && item.resource !== undefined) {
    const { uri = '', mimeType, text, blob } = item.resource;
    if (typeof text === 'string') return `[resource ${uri}${mimeType ? ` (${mimeType})` : ''}]\n${text}`;
    const size = typeof blob === 'string' ? Math.floor((blob.length * 3) / 4) : 0;
    return `[resource ${uri}${mimeType ? ` (${mimeType})` : ''}: ${size} bytes of binary data]`;
  }
  if (item.type === 'image' || item.type === 'audio') return `[${item.mimeType ?? item.type} content]`;
  return stringify(item);
}

/** The structured content as JSON data (a round trip drops what JSON cannot hold). */
function toJSONValue(value: unknown): JSONValue {
  try {
    return JSON.parse(JSON.stringify(value)) as JSONValue;
  } catch {
    return null;
  }
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
