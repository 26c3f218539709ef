import type { FinishReason } from '../../spec/finish-reason.js';

const finishReasons: Record<string, FinishReason> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKLIST: 'content-filter',
  PROHIBITED_CONTENT: 'content-filter',
  SPII: 'content-filter',
  IMAGE_SAFETY: 'content-filter',
  LANGUAGE: 'error',
  MALFORMED_FUNCTION_CALL: 'error',
  UNEXPECTED_TOOL_CALL: 'error',
  OTHER: 'other',
};

/**
 * Maps a Gemini `finishReason`. A response with function calls is `tool-calls` whatever Gemini says (it says
 * `STOP`); the caller decides that. Unknown or missing reasons are `unknown`.
 */
export function mapGoogleFinishReason(reason: string | undefined): FinishReason {
  return reason !== undefined && Object.hasOwn(finishReasons, reason) ? finishReasons[reason]! : 'unknown';
}
