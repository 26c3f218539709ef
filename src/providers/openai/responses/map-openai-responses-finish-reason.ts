import type { FinishReason } from '../../../spec/finish-reason.js';

const incompleteReasons: Record<string, FinishReason> = {
  max_tokens: 'length',
  max_output_tokens: 'length',
  content_filter: 'content-filter',
};

/**
 * Maps a response's `incomplete_details.reason`: none means it completed (`stop`); any function call makes
 * it `tool-calls`; an unknown reason is `other`, never `unknown`.
 */
export function mapOpenAIResponsesFinishReason(
  reason: string | null | undefined,
  hasFunctionCall: boolean,
): FinishReason {
  if (hasFunctionCall) return 'tool-calls';
  if (!reason) return 'stop';
  return incompleteReasons[reason] ?? 'other';
}
