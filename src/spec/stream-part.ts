import type { CallWarning } from './call-warning.js';
import type {
  FileContent,
  SourceContent,
  ToolApprovalRequestContent,
  ToolCallContent,
  ToolResultContent,
} from './content.js';
import type { FinishReason } from './finish-reason.js';
import type { ProviderMetadata } from './provider-options.js';
import type { Usage } from './usage.js';

/**
 * One event of a model stream. Order: an optional `warnings` first (a provider may add another `warnings`
 * later, for content it did not recognise and kept in the finish metadata); blocks keyed by `id` as
 * `*-start` → `*-delta`… → `*-end` (blocks may interleave); a tool block is `tool-input-start` →
 * `tool-input-delta`… → `tool-input-end` → `tool-call` with the full input; `source` anywhere; exactly one
 * terminal part, `finish` or `error`. A `tool-approval-request` follows the `tool-call` it asks about.
 */
export type StreamPart =
  | { type: 'warnings'; warnings: CallWarning[] }
  | { type: 'text-start'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'text-delta'; id: string; delta: string; providerMetadata?: ProviderMetadata }
  | { type: 'text-end'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-start'; id: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-delta'; id: string; delta: string; providerMetadata?: ProviderMetadata }
  | { type: 'reasoning-end'; id: string; providerMetadata?: ProviderMetadata }
  | {
      type: 'tool-input-start';
      id: string;
      toolName: string;
      providerExecuted?: boolean;
      providerMetadata?: ProviderMetadata;
    }
  | { type: 'tool-input-delta'; id: string; delta: string }
  | { type: 'tool-input-end'; id: string }
  | ToolCallContent
  | ToolResultContent
  | ToolApprovalRequestContent
  | SourceContent
  | FileContent
  | { type: 'finish'; finishReason: FinishReason; usage: Usage; providerMetadata?: ProviderMetadata }
  | { type: 'error'; error: unknown };

/** The stream part of the given type. */
export type StreamPartOf<T extends StreamPart['type']> = Extract<StreamPart, { type: T }>;
