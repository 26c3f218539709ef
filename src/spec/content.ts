import type { ToolResultOutput } from './message.js';
import type { ProviderMetadata } from './provider-options.js';

/** Text the model wrote. */
export interface TextContent {
  type: 'text';
  text: string;
  providerMetadata?: ProviderMetadata;
}

/** Reasoning the model showed; metadata carries signatures or encrypted reasoning. */
export interface ReasoningContent {
  type: 'reasoning';
  text: string;
  providerMetadata?: ProviderMetadata;
}

/** A file the model generated. */
export interface FileContent {
  type: 'file';
  mediaType: string;
  data: Uint8Array;
  providerMetadata?: ProviderMetadata;
}

/** A citation: a URL or a document the model used. */
export interface SourceContent {
  type: 'source';
  sourceType: 'url' | 'document';
  id: string;
  url?: string;
  title?: string;
  mediaType?: string;
  filename?: string;
  providerMetadata?: ProviderMetadata;
}

/** A tool call. `input` is the model's JSON text, unchanged. */
export interface ToolCallContent {
  type: 'tool-call';
  toolCallId: string;
  toolName: string;
  input: string;
  providerExecuted?: boolean;
  providerMetadata?: ProviderMetadata;
  /** Set by the agent when the call failed validation and could not be repaired. */
  invalid?: boolean;
  validationError?: Error;
}

/** A tool's result: ours, or the provider's for tools it ran itself. */
export interface ToolResultContent {
  type: 'tool-result';
  toolCallId: string;
  toolName: string;
  /**
   * What the tool returned (the same name as on `ToolResultPart`). Absent for provider-executed results,
   * whose payload lives in `providerMetadata`.
   */
  output?: ToolResultOutput;
  clientMetadata?: string;
  providerExecuted?: boolean;
  providerMetadata?: ProviderMetadata;
  /** The tool asked to end the turn: the model is not called again. */
  stopTurn?: boolean;
}

/**
 * A tool call waiting for a human's answer. The agent writes one for each call to a tool with
 * `needsApproval` (then `approvalId` is `approval-<toolCallId>`); a provider writes one with
 * `providerExecuted: true` for a tool it runs itself once approved (OpenAI remote MCP), with its own id.
 * Answer it with `approve(request)` or `deny(request, reason)`.
 */
export interface ToolApprovalRequestContent {
  type: 'tool-approval-request';
  approvalId: string;
  toolCallId: string;
  toolName: string;
  /** The call's JSON text, as in its `tool-call`. */
  input: string;
  providerExecuted?: boolean;
  providerMetadata?: ProviderMetadata;
}

/** Any content a model returns. */
export type Content =
  | TextContent
  | ReasoningContent
  | FileContent
  | SourceContent
  | ToolCallContent
  | ToolResultContent
  | ToolApprovalRequestContent;

/** Every text block joined with no separator, or `''`: `"Hello "` and `"world"` are `"Hello world"`. */
export function textOf(content: readonly Content[]): string {
  let text = '';
  for (const part of content) if (part.type === 'text') text += part.text;
  return text;
}

/** Every reasoning text joined with no separator. */
export function reasoningTextOf(content: readonly Content[]): string {
  let text = '';
  for (const part of content) if (part.type === 'reasoning') text += part.text;
  return text;
}

/** The tool calls, in order. */
export function toolCallsOf(content: readonly Content[]): ToolCallContent[] {
  return content.filter((part): part is ToolCallContent => part.type === 'tool-call');
}

/** The tool results, in order. */
export function toolResultsOf(content: readonly Content[]): ToolResultContent[] {
  return content.filter((part): part is ToolResultContent => part.type === 'tool-result');
}

/** The sources, in order. */
export function sourcesOf(content: readonly Content[]): SourceContent[] {
  return content.filter((part): part is SourceContent => part.type === 'source');
}

/** The approval requests, in order. */
export function toolApprovalRequestsOf(content: readonly Content[]): ToolApprovalRequestContent[] {
  return content.filter((part): part is ToolApprovalRequestContent => part.type === 'tool-approval-request');
}
