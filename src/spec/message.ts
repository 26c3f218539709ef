import type { JSONValue } from './json-value.js';
import type { ProviderOptions } from './provider-options.js';

/** Who says a message. */
export type Role = 'system' | 'user' | 'assistant' | 'tool';

/** Plain text. */
export interface TextPart {
  type: 'text';
  text: string;
  providerOptions?: ProviderOptions;
}

/** Model reasoning, sent back on later turns where the provider wants it (with its signature in options). */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
  providerOptions?: ProviderOptions;
}

/** A file: image, document, audio. */
export interface FilePart {
  type: 'file';
  data: Uint8Array;
  /** IANA media type, e.g. `image/png`. */
  mediaType: string;
  filename?: string;
  providerOptions?: ProviderOptions;
}

/** A tool call the assistant made. `input` is the model's JSON text, sent back byte for byte. */
export interface ToolCallPart {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  input: string;
  /** True for tools the provider ran itself (web search). */
  providerExecuted?: boolean;
  providerOptions?: ProviderOptions;
}

/**
 * What a tool returned: text, an error the model may react to, media, or any JSON value (sent as the
 * provider expects it: as an object where the wire takes one, as JSON text where it takes text).
 */
export type ToolResultOutput =
  | { type: 'text'; text: string }
  | { type: 'json'; value: JSONValue }
  | { type: 'error'; error: string }
  | {
      type: 'media';
      /** Base64 of the bytes. */
      data: string;
      mediaType: string;
      /** A caption sent along with the media. */
      text?: string;
    };

/** The result of a tool call, answering the call with the same `toolCallId`. */
export interface ToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  /** The tool's name; providers that pair results by name (Gemini) use it. */
  toolName?: string;
  output: ToolResultOutput;
  providerExecuted?: boolean;
  /** Application data (JSON text) kept with the result and never sent to the model. */
  clientMetadata?: string;
  providerOptions?: ProviderOptions;
}

/**
 * An assistant's request for a human's approval of a tool call (see `ToolApprovalRequestContent`). Client
 * requests (no `providerExecuted`) are never sent to a provider.
 */
export interface ToolApprovalRequestPart {
  type: 'tool-approval-request';
  approvalId: string;
  toolCallId: string;
  toolName: string;
  /** The call's JSON text, as in its `tool-call`. */
  input: string;
  providerExecuted?: boolean;
  providerOptions?: ProviderOptions;
}

/**
 * A human's answer to a `tool-approval-request`, in a tool message. The agent runs an approved call on the
 * next run and answers a denied one with an error result carrying `reason`. Client answers are never sent
 * to a provider; `providerExecuted` ones are (OpenAI Responses: `mcp_approval_response`).
 */
export interface ToolApprovalResponsePart {
  type: 'tool-approval-response';
  approvalId: string;
  toolCallId: string;
  approved: boolean;
  reason?: string;
  providerExecuted?: boolean;
  providerOptions?: ProviderOptions;
}

/** Any part of a message. */
export type MessagePart =
  | TextPart
  | ReasoningPart
  | FilePart
  | ToolCallPart
  | ToolResultPart
  | ToolApprovalRequestPart
  | ToolApprovalResponsePart;

/** One message of a prompt. */
export interface Message {
  role: Role;
  content: MessagePart[];
  providerOptions?: ProviderOptions;
}

/** A user message: the text first, then the files in order. */
export function userMessage(text: string, ...files: FilePart[]): Message {
  return { role: 'user', content: [{ type: 'text', text }, ...files] };
}

/** A system message with one text part per string. */
export function systemMessage(...texts: string[]): Message {
  return { role: 'system', content: texts.map((text) => ({ type: 'text', text })) };
}
