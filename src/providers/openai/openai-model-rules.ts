/**
 * Which request rules apply to a model id, in one table instead of conditionals spread through the request
 * builder. Rules follow Fantasy: substrings of the FULL id, so `openai/gpt-5` behind a gateway counts too.
 */
export interface OpenAIModelRules {
  /** Reasoning models take `max_completion_tokens` and reject sampling settings. */
  reasoning: boolean;
  /** Search-preview models reject `temperature`. */
  searchPreview: boolean;
}

const reasoningPrefixes = ['o1', 'o3', 'o4', 'oss'];
const reasoningInfixes = ['-o1', '-o3', '-o4', '-oss'];

/** The rules for a model id. */
export function openAIModelRules(modelId: string): OpenAIModelRules {
  const lower = modelId.toLowerCase();
  const reasoning =
    reasoningPrefixes.some((prefix) => modelId.startsWith(prefix)) ||
    reasoningInfixes.some((infix) => modelId.includes(infix)) ||
    lower.includes('gpt-5');
  return { reasoning, searchPreview: lower.includes('search-preview') };
}
