/** Wire types of the OpenAI Responses API: only the fields we read or write, lenient on input. */

/** One item of the request's `input` list. */
export type ResponsesInputItem =
  | { role: 'system' | 'developer' | 'assistant'; content: string }
  | { role: 'user'; content: ResponsesInputContent[] }
  | { type: 'function_call'; call_id: string; name: string; arguments: string }
  | { type: 'function_call_output'; call_id: string; output: string }
  | { type: 'item_reference'; id: string }
  | ({ type: string } & Record<string, unknown>);

/** A part of a user message's content list. */
export type ResponsesInputContent =
  | { type: 'input_text'; text: string }
  | { type: 'input_image'; image_url: string; detail?: string }
  | { type: 'input_file'; filename?: string; file_data?: string; file_id?: string };

/** A tool as sent in `tools`. */
export type ResponsesTool =
  | {
      type: 'function';
      name: string;
      description: string;
      parameters: unknown;
      strict: boolean;
    }
  | ({ type: 'web_search' } & Record<string, unknown>)
  | ({ type: string } & Record<string, unknown>);

/** An annotation on output text: a web or file citation. */
export interface ResponsesAnnotation {
  type?: string;
  url?: string;
  title?: string;
  filename?: string;
  file_id?: string;
  /** `container_file_citation`: the code interpreter container holding the file. */
  container_id?: string;
}

/** A web search call's action: the query it ran and what it found. */
export interface ResponsesWebSearchAction {
  type?: string;
  query?: string;
  queries?: string[];
  sources?: Array<{ type?: string; url?: string }>;
  [extra: string]: unknown;
}

/** An item of a response's `output` (and of `output_item.added/done` events). */
export interface ResponsesOutputItem {
  id?: string;
  type?: string;
  status?: string;
  /** `message` items. */
  content?: Array<{
    type?: string;
    text?: string;
    annotations?: ResponsesAnnotation[] | null;
    /** When `message.output_text.logprobs` is included. */
    logprobs?: unknown;
  }> | null;
  /** `function_call` items. */
  call_id?: string;
  name?: string;
  /** JSON text (`tool_search_call` items send a JSON object: read it as unknown). */
  arguments?: string;
  /** `reasoning` items. */
  summary?: Array<{ type?: string; text?: string }> | null;
  encrypted_content?: string | null;
  /** `web_search_call` items; `shell_call` and `local_shell_call` items have their own action shape. */
  action?: ResponsesWebSearchAction | null;
  /** `code_interpreter_call` items. */
  code?: string | null;
  container_id?: string | null;
  /** With `include: ['code_interpreter_call.outputs']`: `{ type: 'logs', logs }` and `{ type: 'image', url }`. */
  outputs?: unknown[] | null;
  /** `file_search_call` items. */
  queries?: string[] | null;
  /** `image_generation_call` items: the image as base64. */
  result?: string | null;
  output_format?: string | null;
  /** `mcp_*` items. */
  server_label?: string;
  error?: unknown;
  /** `custom_tool_call` items: the model's text. */
  input?: string;
  /** `apply_patch_call` items. */
  operation?: unknown;
  /** Any other field, kept when an item is sent back as received. */
  [field: string]: unknown;
}

/** `usage` of a response. */
export interface ResponsesUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  total_tokens?: number | null;
  input_tokens_details?: { cached_tokens?: number | null } | null;
  output_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/** The error of a failed response. */
export interface ResponsesError {
  code?: string | null;
  message?: string | null;
}

/** A response: the body of a non-streamed call, and inside `response.*` stream events. */
export interface ResponsesResponse {
  id?: string;
  model?: string;
  status?: string;
  error?: ResponsesError | null;
  incomplete_details?: { reason?: string | null } | null;
  output?: ResponsesOutputItem[] | null;
  usage?: ResponsesUsage | null;
}

/** One streamed event (the `data:` JSON); `type` says which fields are present. */
export interface ResponsesStreamEvent {
  type?: string;
  response?: ResponsesResponse;
  item?: ResponsesOutputItem;
  output_index?: number;
  item_id?: string;
  delta?: string;
  /** `output_text.delta` events, when `message.output_text.logprobs` is included. */
  logprobs?: unknown;
  summary_index?: number;
  annotation?: ResponsesAnnotation;
  /** `response.image_generation_call.partial_image` events. */
  partial_image_b64?: string;
  partial_image_index?: number;
  /** `error` events. */
  code?: string | null;
  message?: string | null;
  param?: string | null;
  error?: ResponsesError | null;
}
