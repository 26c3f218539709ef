/** Wire types of the Anthropic Messages API: only the fields we write or read, lenient on input. */

/** Marks a block as the end of a cacheable prefix. */
export interface AnthropicCacheControl {
  type: 'ephemeral';
  ttl?: string;
}

/** A text block, in the system prompt or a message. */
export interface AnthropicTextBlock {
  type: 'text';
  text: string;
  /** The citations a response gave the text, sent back on later turns. */
  citations?: Record<string, unknown>[];
  cache_control?: AnthropicCacheControl;
}

/** An inline image. */
export interface AnthropicImageBlock {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string };
  cache_control?: AnthropicCacheControl;
}

/** A PDF (base64) or plain-text document. */
export interface AnthropicDocumentBlock {
  type: 'document';
  source:
    | { type: 'base64'; media_type: 'application/pdf'; data: string }
    | { type: 'text'; media_type: 'text/plain'; data: string };
  title?: string;
  cache_control?: AnthropicCacheControl;
}

/** Our tool's result, answering a `tool_use` block. */
export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: Array<AnthropicTextBlock | AnthropicImageBlock | AnthropicDocumentBlock>;
  is_error?: boolean;
  cache_control?: AnthropicCacheControl;
}

/** Reasoning sent back with its signature, unchanged. */
export interface AnthropicThinkingBlock {
  type: 'thinking';
  thinking: string;
  signature: string;
}

/** Reasoning the provider encrypted; sent back as received. */
export interface AnthropicRedactedThinkingBlock {
  type: 'redacted_thinking';
  data: string;
}

/** A tool call the model made. `input` is the decoded JSON object. */
export interface AnthropicToolUseBlock {
  type: 'tool_use';
  id: string;
  name: string;
  input: unknown;
  /** Programmatic tool calls: the code execution call that made this one. */
  caller?: unknown;
  cache_control?: AnthropicCacheControl;
}

/** A call of a tool the provider runs itself (web search), or of an MCP connector tool. */
export interface AnthropicServerToolUseBlock {
  type: 'server_tool_use' | 'mcp_tool_use';
  id: string;
  name: string;
  input: unknown;
  /** `mcp_tool_use` only. */
  server_name?: string;
}

/** A block sent back exactly as the provider returned it (server tool results, compaction). */
export interface AnthropicReplayedBlock {
  type: `${string}_tool_result` | 'compaction';
  [field: string]: unknown;
}

/** One web search hit; `encrypted_content` must be sent back for the model to use it on later turns. */
export interface AnthropicWebSearchResult {
  type: 'web_search_result';
  url: string;
  title: string;
  encrypted_content: string;
  page_age?: string | null;
}

/** A failed web search. */
export interface AnthropicWebSearchError {
  type: 'web_search_tool_result_error';
  error_code: string;
}

/** The result of the provider's web search. */
export interface AnthropicWebSearchToolResultBlock {
  type: 'web_search_tool_result';
  tool_use_id: string;
  content: AnthropicWebSearchResult[] | AnthropicWebSearchError;
}

/** Any block we send in a message. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicImageBlock
  | AnthropicDocumentBlock
  | AnthropicToolResultBlock
  | AnthropicThinkingBlock
  | AnthropicRedactedThinkingBlock
  | AnthropicToolUseBlock
  | AnthropicServerToolUseBlock
  | AnthropicWebSearchToolResultBlock
  | AnthropicReplayedBlock;

/** A message of the `messages` array. */
export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicContentBlock[];
}

/** Token counts of a response or stream. */
export interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  /** The thinking part of `output_tokens` (a breakdown, already inside it). */
  output_tokens_details?: { thinking_tokens?: number | null } | null;
  /** Per-iteration counts when the response had more than one sampling step (compaction). */
  iterations?: AnthropicUsageIteration[] | null;
}

/** A content block of a response (or of `content_block_start`), read leniently. */
export interface AnthropicResponseBlock {
  type: string;
  text?: string;
  thinking?: string;
  signature?: string;
  /** `redacted_thinking` payload. */
  data?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
  /** `mcp_tool_use`: the MCP server called. */
  server_name?: string;
  /** `tool_use` of a programmatic tool call: `{ type: 'code_execution_20250825', tool_id }`. */
  caller?: unknown;
  /** `mcp_tool_result`. */
  is_error?: boolean;
  /** Citations of a `text` block. */
  citations?: unknown[] | null;
}

/** One sampling iteration of a response (compaction adds its own), in `usage.iterations`. */
export interface AnthropicUsageIteration {
  type?: string;
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

/** A non-streamed Messages API response. */
export interface AnthropicResponse {
  type?: string;
  id?: string;
  model?: string;
  content?: AnthropicResponseBlock[];
  stop_reason?: string | null;
  usage?: AnthropicUsage;
  error?: AnthropicErrorDetail;
  /** The code execution container the response ran in. */
  container?: { id?: string; expires_at?: string } | null;
}

/** The `error` object of an error body or stream event. */
export interface AnthropicErrorDetail {
  type?: string;
  message?: string;
}

/** A delta of `content_block_delta`. */
export interface AnthropicBlockDelta {
  type: string;
  text?: string;
  thinking?: string;
  signature?: string;
  partial_json?: string;
  /** `citations_delta`. */
  citation?: unknown;
  /** `compaction_delta`. */
  content?: string | null;
}

/** One streamed event, as its `data` JSON. */
export type AnthropicStreamEvent =
  | { type: 'message_start'; message?: AnthropicResponse }
  | { type: 'content_block_start'; index: number; content_block: AnthropicResponseBlock }
  | { type: 'content_block_delta'; index: number; delta: AnthropicBlockDelta }
  | { type: 'content_block_stop'; index: number }
  | {
      type: 'message_delta';
      delta?: { stop_reason?: string | null; container?: { id?: string; expires_at?: string } | null };
      usage?: AnthropicUsage;
    }
  | { type: 'message_stop' }
  | { type: 'ping' }
  | { type: 'error'; error?: AnthropicErrorDetail };
