import type { ToolCallContent, ToolResultContent } from '../spec/content.js';
import type { ToolResultOutput } from '../spec/message.js';
import type { ToolResponse } from './tool-response.js';

/**
 * A tool's response as step content: errors (`isError`) win over media; images and media are sent as
 * base64 with `content` as the caption; JSON responses as their value; anything else is text. Metadata and `stopTurn` are carried over.
 */
export function toToolResult(call: ToolCallContent, response: ToolResponse): ToolResultContent {
  return {
    type: 'tool-result',
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    output: toToolResultOutput(response),
    ...(response.metadata === undefined ? {} : { clientMetadata: response.metadata }),
    ...(response.stopTurn ? { stopTurn: true } : {}),
  };
}

/** An error result for a call that could not run or failed. */
export function toErrorResult(call: ToolCallContent, message: string): ToolResultContent {
  return {
    type: 'tool-result',
    toolCallId: call.toolCallId,
    toolName: call.toolName,
    output: { type: 'error', error: message },
  };
}

function toToolResultOutput(response: ToolResponse): ToolResultOutput {
  if (response.isError) return { type: 'error', error: response.content };
  if (response.type === 'image' || response.type === 'media') {
    return {
      type: 'media',
      data: encodeBase64(response.data ?? new Uint8Array()),
      mediaType: response.mediaType ?? 'application/octet-stream',
      ...(response.content === '' ? {} : { text: response.content }),
    };
  }
  if (response.type === 'json') return { type: 'json', value: response.value ?? null };
  return { type: 'text', text: response.content };
}

/** Standard base64 with web-standard APIs only. */
function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
