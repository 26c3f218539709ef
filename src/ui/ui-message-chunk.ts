import type { FinishReason } from '../spec/finish-reason.js';
import type { ProviderMetadata } from '../spec/provider-options.js';

/** The UI message stream protocol version this module speaks (the `x-vercel-ai-ui-message-stream` header). */
export const uiMessageStreamVersion = 'v1';

/** Headers of a UI message stream response: SSE plus the protocol header `useChat` expects. */
export const uiMessageStreamHeaders: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-vercel-ai-ui-message-stream': uiMessageStreamVersion,
  'x-accel-buffering': 'no',
};

/** A finish reason as the UI protocol spells it (fantasy's `unknown` becomes `other`). */
export type UIFinishReason = Exclude<FinishReason, 'unknown'>;

/** A `data-<name>` chunk the application writes; `transient` ones are not kept in the message. */
export interface UIDataChunk {
  type: `data-${string}`;
  id?: string;
  data: unknown;
  transient?: boolean;
}

interface ToolChunkFields {
  toolCallId: string;
  toolName: string;
  providerExecuted?: boolean;
  providerMetadata?: ProviderMetadata;
  dynamic?: boolean;
}

/**
 * One chunk of the AI SDK UI message stream protocol (v1), as `useChat` reads it. Written from the protocol
 * docs; only the chunks fantasy-ts sends are listed.
 */
export type UIMessageChunk =
  | { type: 'start'; messageId?: string; messageMetadata?: unknown }
  | { type: 'start-step' }
  | { type: 'finish-step' }
  | { type: 'finish'; finishReason?: UIFinishReason; messageMetadata?: unknown }
  | { type: 'abort'; reason?: string }
  | { type: 'message-metadata'; messageMetadata: unknown }
  | { type: 'error'; errorText: string }
  | { type: 'text-start'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'text-delta'; id: string; delta: string; providerMetadata?: ProviderMetadata }
  | { type: 'text-end'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-start'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-delta'; id: string; delta: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-end'; id: string; providerMetadata?: ProviderMetadata }
  | ({ type: 'tool-input-start' } & ToolChunkFields)
  | { type: 'tool-input-delta'; toolCallId: string; inputTextDelta: string }
  | ({ type: 'tool-input-available'; input: unknown } & ToolChunkFields)
  | ({ type: 'tool-input-error'; input: unknown; errorText: string } & ToolChunkFields)
  | { type: 'tool-approval-request'; approvalId: string; toolCallId: string }
  | {
      type: 'tool-output-available';
      toolCallId: string;
      output: unknown;
      providerExecuted?: boolean;
      providerMetadata?: ProviderMetadata;
      dynamic?: boolean;
    }
  | {
      type: 'tool-output-error';
      toolCallId: string;
      errorText: string;
      providerExecuted?: boolean;
      providerMetadata?: ProviderMetadata;
      dynamic?: boolean;
    }
  | { type: 'tool-output-denied'; toolCallId: string }
  | { type: 'source-url'; sourceId: string; url: string; title?: string; providerMetadata?: ProviderMetadata }
  | {
      type: 'source-document';
      sourceId: string;
      mediaType: string;
      title: string;
      filename?: string;
      providerMetadata?: ProviderMetadata;
    }
  | { type: 'file'; url: string; mediaType: string; providerMetadata?: ProviderMetadata }
  | UIDataChunk;
