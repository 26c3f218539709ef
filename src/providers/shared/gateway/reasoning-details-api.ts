/** Wire types of `reasoning_details`, which OpenRouter and the Vercel AI Gateway share; lenient on input. */

/**
 * One reasoning detail as received (in a message or a streamed delta) and as sent back on history. `format`
 * names the upstream family (`anthropic-claude-v1`, `openai-responses-v1`, `xai-responses-v1`,
 * `google-gemini-v1`, `unknown`); `index` addresses a block within a response.
 */
export interface ReasoningDetail {
  type?: 'reasoning.text' | 'reasoning.summary' | 'reasoning.encrypted' | (string & {});
  format?: string;
  index?: number;
  text?: string | null;
  summary?: string | null;
  /** Encrypted reasoning (OpenAI, xAI) or a thought signature (Gemini). */
  data?: string | null;
  /** The reasoning item id (OpenAI, xAI) or the tool call the signature belongs to (Gemini). */
  id?: string | null;
  /** Anthropic's thinking signature. */
  signature?: string | null;
}

/** The reasoning fields of a gateway message or delta. */
export interface GatewayReasoningFields {
  /** Reasoning as plain text; gateways send it next to `reasoning_details`. */
  reasoning?: string | null;
  reasoning_details?: ReasoningDetail[] | null;
}

/** The details of a message or delta, or an empty list when it has none (or something that is not a list). */
export function reasoningDetailsOf(fields: GatewayReasoningFields): ReasoningDetail[] {
  return Array.isArray(fields.reasoning_details) ? fields.reasoning_details : [];
}
