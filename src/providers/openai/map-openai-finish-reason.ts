import type { FinishReason } from '../../spec/finish-reason.js';

const finishReasons: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content-filter',
  function_call: 'tool-calls',
  tool_calls: 'tool-calls',
};

/** Maps a chat-completions `finish_reason`; anything unknown (or missing) is `unknown`. */
export function mapOpenAIFinishReason(reason: string | null | undefined): FinishReason {
  return (reason && finishReasons[reason]) || 'unknown';
}
