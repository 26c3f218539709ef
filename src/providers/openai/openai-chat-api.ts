/** Wire types of OpenAI chat completions: only the fields we read or write, lenient on input. */

/** A message as sent in `messages`. Gateways add fields such as `cache_control`. */
export type ChatMessage =
  | { role: 'system' | 'developer'; content: string | ChatContentPart[]; [extra: string]: unknown }
  | { role: 'user'; content: string | ChatContentPart[]; [extra: string]: unknown }
  | ChatAssistantMessage
  | { role: 'tool'; content: string; tool_call_id: string; [extra: string]: unknown };

/** An assistant message; dialects add fields such as `reasoning_content`. */
export interface ChatAssistantMessage {
  role: 'assistant';
  content?: string | ChatContentPart[];
  tool_calls?: ChatToolCall[];
  [extra: string]: unknown;
}

/** One part of a message's content array; gateways add fields such as `cache_control`. */
export type ChatContentPart =
  | { type: 'text'; text: string; [extra: string]: unknown }
  | { type: 'image_url'; image_url: { url: string; detail?: string }; [extra: string]: unknown }
  | { type: 'input_audio'; input_audio: { data: string; format: 'wav' | 'mp3' }; [extra: string]: unknown }
  | {
      type: 'file';
      file: { file_id?: string; filename?: string; file_data?: string };
      [extra: string]: unknown;
    };

/** A tool call as sent back in history. */
export interface ChatToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
  [extra: string]: unknown;
}

/**
 * `usage` of a response or of the last stream chunk. Services add their own counts: Moonshot a top-level
 * `cached_tokens`, DeepSeek `prompt_cache_hit_tokens` / `prompt_cache_miss_tokens`.
 */
export interface ChatUsage {
  prompt_tokens?: number | null;
  completion_tokens?: number | null;
  total_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: {
    reasoning_tokens?: number | null;
    accepted_prediction_tokens?: number | null;
    rejected_prediction_tokens?: number | null;
  } | null;
  /** Moonshot: prompt tokens read from its context cache. */
  cached_tokens?: number | null;
  /** DeepSeek: prompt tokens read from its disk cache. */
  prompt_cache_hit_tokens?: number | null;
  /** DeepSeek: prompt tokens not read from its cache. */
  prompt_cache_miss_tokens?: number | null;
  [extra: string]: unknown;
}

/** A `url_citation` annotation. */
export interface ChatAnnotation {
  type?: string;
  url_citation?: { url?: string; title?: string };
}

/** The message of a non-streamed choice. */
export interface ChatResponseMessage {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  tool_calls?: Array<{
    id?: string;
    type?: string;
    function?: { name?: string; arguments?: string };
  }> | null;
  annotations?: ChatAnnotation[] | null;
  [extra: string]: unknown;
}

/** A non-streamed response; gateways add fields such as `provider`. */
export interface ChatCompletion {
  id?: string;
  model?: string;
  choices?: Array<{
    finish_reason?: string | null;
    message?: ChatResponseMessage;
  }>;
  usage?: ChatUsage | null;
  [extra: string]: unknown;
}

/** A streamed tool-call fragment. */
export interface ChatToolCallDelta {
  index?: number;
  id?: string | null;
  type?: string | null;
  function?: { name?: string | null; arguments?: string | null } | null;
}

/** The `delta` of a streamed choice. */
export interface ChatDelta {
  content?: string | null;
  reasoning_content?: string | null;
  reasoning?: string | null;
  tool_calls?: ChatToolCallDelta[] | null;
  annotations?: ChatAnnotation[] | null;
  [extra: string]: unknown;
}

/** One streamed chunk. */
export interface ChatCompletionChunk {
  id?: string;
  model?: string;
  choices?: Array<{ index?: number; delta?: ChatDelta | null; finish_reason?: string | null }>;
  usage?: ChatUsage | null;
  /** Some providers report failures inside a 200 stream. */
  error?: { message?: string; type?: string; code?: string | number | null };
  [extra: string]: unknown;
}
