import type { FinishReason } from '../../spec/finish-reason.js';

const finishReasons: Record<string, FinishReason> = {
  end_turn: 'stop',
  pause_turn: 'stop',
  // Compaction with pause_after_compaction: the turn stops after the summary.
  compaction: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool-calls',
  refusal: 'content-filter',
  content_filtered: 'content-filter',
  guardrail_intervened: 'content-filter',
};

/** Maps a `stop_reason`; anything unknown (or missing) is `unknown`. */
export function mapAnthropicFinishReason(reason: string | null | undefined): FinishReason {
  return (reason && finishReasons[reason]) || 'unknown';
}
