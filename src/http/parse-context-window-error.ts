/** The token counts a context-window error stated; either may be unknown. */
export interface ContextWindowCounts {
  usedTokens?: number | undefined;
  maxTokens?: number | undefined;
}

/** A provider's wording, and which group holds which count. */
interface Wording {
  pattern: RegExp;
  used?: number;
  max?: number;
}

/** How each provider says it, from their error references; numbers may carry `,` separators. */
const wordings: Wording[] = [
  // Anthropic (and Claude on Bedrock and Vertex): "prompt is too long: 208310 tokens > 200000 maximum".
  { pattern: /prompt is too long:\s*([\d,]+)\s*tokens?\s*>\s*([\d,]+)\s*maximum/i, used: 1, max: 2 },
  // OpenAI, vLLM, DeepSeek: "This model's maximum context length is 128000 tokens. However, your messages
  // resulted in 130000 tokens" / "you requested 69648 tokens" / "your request has 91714 input tokens".
  {
    pattern:
      /maximum context length is ([\d,]+) tokens[\s\S]*?(?:resulted in|requested(?: about)?|request has|contains) ([\d,]+)(?: input)? tokens/i,
    used: 2,
    max: 1,
  },
  // OpenAI (newer models): "Input tokens exceed the configured limit of 272000 tokens. Your messages resulted in 290000 tokens."
  { pattern: /limit of ([\d,]+) tokens[\s\S]*?resulted in ([\d,]+) tokens/i, used: 2, max: 1 },
  // Gemini: "The input token count (1200293) exceeds the maximum number of tokens allowed (1048576)."
  {
    pattern: /input token count \(?([\d,]+)\)? exceeds the maximum number of tokens allowed \(?([\d,]+)\)?/i,
    used: 1,
    max: 2,
  },
  { pattern: /input token count exceeds the maximum number of tokens allowed \(?([\d,]+)\)?/i, max: 1 },
  // xAI: "This model's maximum prompt length is 131072 but the request contains 150000 tokens."
  { pattern: /maximum prompt length is ([\d,]+) but the request contains ([\d,]+) tokens/i, used: 2, max: 1 },
  // Mistral: "Prompt contains 40000 tokens ..., too large for model with 32768 maximum context length".
  {
    pattern: /prompt contains ([\d,]+) tokens[\s\S]*?too large for model with ([\d,]+) maximum context/i,
    used: 1,
    max: 2,
  },
  // OpenAI-compatible servers (Fantasy): "input tokens [40000] exceed context window [32768]".
  { pattern: /input tokens \[([\d,]+)\] exceed context window \[([\d,]+)\]/i, used: 1, max: 2 },
  // Bedrock: "Input is too long for requested model." No counts.
  { pattern: /input is too long for requested model/i },
  // OpenAI Responses: "Your input exceeds the context window of this model."; others: "context window is full".
  { pattern: /exceeds the context window|context window is full|context_length_exceeded/i },
];

/** Error types and codes that mean the same, whatever the message says. */
const contextTypes = new Set(['context_length_exceeded', 'model_context_window_exceeded']);

/**
 * Reads a provider's error message (and error type or code) as a context-window error: the counts it states,
 * or undefined when it is some other error.
 *
 * @example
 * parseContextWindowError('prompt is too long: 208310 tokens > 200000 maximum'); // { usedTokens: 208310, maxTokens: 200000 }
 */
export function parseContextWindowError(message: string, type?: string): ContextWindowCounts | undefined {
  for (const wording of wordings) {
    const match = wording.pattern.exec(message);
    if (match === null) continue;
    return { usedTokens: count(match, wording.used), maxTokens: count(match, wording.max) };
  }
  return type !== undefined && contextTypes.has(type) ? {} : undefined;
}

function count(match: RegExpExecArray, group: number | undefined): number | undefined {
  if (group === undefined) return undefined;
  const value = Number((match[group] ?? '').replaceAll(',', ''));
  return Number.isFinite(value) ? value : undefined;
}
