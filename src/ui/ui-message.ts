import type { ProviderMetadata } from '../spec/provider-options.js';

/** The approval state of a tool part: asked, then answered. */
export interface UIToolApproval {
  id: string;
  approved?: boolean;
  reason?: string;
}

/** A tool call in a UI message: `tool-<name>` parts, or `dynamic-tool` parts that carry the name. */
export interface UIToolPart {
  type: `tool-${string}` | 'dynamic-tool';
  toolCallId: string;
  toolName?: string;
  state:
    | 'input-streaming'
    | 'input-available'
    | 'approval-requested'
    | 'approval-responded'
    | 'output-available'
    | 'output-error'
    | 'output-denied';
  input?: unknown;
  output?: unknown;
  errorText?: string;
  providerExecuted?: boolean;
  callProviderMetadata?: ProviderMetadata;
  resultProviderMetadata?: ProviderMetadata;
  approval?: UIToolApproval;
  preliminary?: boolean;
}

/** A part of a UI message, as `useChat` keeps and posts it (the parts fantasy-ts reads). */
export type UIMessagePart =
  | { type: 'text'; text: string; state?: 'streaming' | 'done'; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning'; text: string; state?: 'streaming' | 'done'; providerMetadata?: ProviderMetadata }
  | { type: 'file'; mediaType: string; url: string; filename?: string; providerMetadata?: ProviderMetadata }
  | { type: 'source-url'; sourceId: string; url: string; title?: string; providerMetadata?: ProviderMetadata }
  | {
      type: 'source-document';
      sourceId: string;
      mediaType: string;
      title: string;
      filename?: string;
      providerMetadata?: ProviderMetadata;
    }
  | { type: 'step-start' }
  | { type: `data-${string}`; id?: string; data: unknown }
  | UIToolPart;

/** A message of a `useChat` conversation. */
export interface UIMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  metadata?: unknown;
  parts: UIMessagePart[];
}
