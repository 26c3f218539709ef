import type { CallWarning } from './call-warning.js';
import type { Content } from './content.js';
import type { FinishReason } from './finish-reason.js';
import type { ProviderMetadata } from './provider-options.js';
import type { Usage } from './usage.js';

/** What the HTTP exchange looked like, for debugging. */
export interface ResponseInfo {
  /** The provider's response id. */
  id?: string;
  /** The model that actually answered. */
  modelId?: string;
  headers?: Record<string, string>;
}

/** A complete, non-streamed model response. */
export interface GenerateResult {
  content: Content[];
  finishReason: FinishReason;
  usage: Usage;
  warnings: CallWarning[];
  providerMetadata?: ProviderMetadata;
  response?: ResponseInfo;
}
