/**
 * Which Responses API request rules apply to a model id, in one table instead of conditionals spread
 * through the request builder. Rules follow Fantasy's `getResponsesModelConfig`: substrings of the FULL id.
 */
export interface OpenAIResponsesModelRules {
  /** Reasoning models drop `temperature`/`top_p` (with a warning) and accept `reasoning` options. */
  reasoning: boolean;
  /** How system messages are sent: as `system`, as `developer` (reasoning models), or not at all. */
  systemMessageMode: 'system' | 'developer' | 'remove';
  /** `service_tier: 'flex'` is accepted. */
  flexProcessing: boolean;
  /** `service_tier: 'priority'` is accepted. */
  priorityProcessing: boolean;
}

/** A row of the table: when `matches` holds for the model id, `rules` apply (first match wins). */
interface RuleRow {
  matches: (modelId: string) => boolean;
  rules: Pick<OpenAIResponsesModelRules, 'reasoning' | 'systemMessageMode'>;
}

const reasoningPrefixes = ['o1', 'o3', 'o4', 'oss'];
const reasoningInfixes = ['-o1', '-o3', '-o4', '-oss', 'codex-', 'computer-use'];

function isReasoningFamily(modelId: string): boolean {
  return (
    reasoningPrefixes.some((prefix) => modelId.startsWith(prefix)) ||
    reasoningInfixes.some((infix) => modelId.includes(infix)) ||
    modelId.toLowerCase().includes('gpt-5')
  );
}

const ruleRows: RuleRow[] = [
  // gpt-5-chat is a chat model despite its name.
  {
    matches: (id) => id.toLowerCase().includes('gpt-5-chat'),
    rules: { reasoning: false, systemMessageMode: 'system' },
  },
  // The first reasoning previews reject system and developer messages alike.
  {
    matches: (id) => id.includes('o1-mini') || id.includes('o1-preview'),
    rules: { reasoning: true, systemMessageMode: 'remove' },
  },
  { matches: isReasoningFamily, rules: { reasoning: true, systemMessageMode: 'developer' } },
];

const defaultRules: RuleRow['rules'] = { reasoning: false, systemMessageMode: 'system' };

/** The rules for a model id. */
export function openAIResponsesModelRules(modelId: string): OpenAIResponsesModelRules {
  const rules = ruleRows.find((row) => row.matches(modelId))?.rules ?? defaultRules;
  const gpt5 = modelId.includes('gpt-5') && !modelId.includes('gpt-5-chat');
  const o3 = modelId.startsWith('o3') || modelId.includes('-o3');
  return {
    ...rules,
    flexProcessing: o3 || modelId.includes('o4-mini') || gpt5,
    priorityProcessing:
      modelId.includes('gpt-4') ||
      modelId.includes('gpt-5-mini') ||
      (gpt5 && !modelId.includes('gpt-5-nano')) ||
      o3 ||
      modelId.includes('o4-mini'),
  };
}

/** Model ids Fantasy routes to the Responses API when `useResponsesAPI` is on. */
const responsesModelIds = new Set([
  'gpt-4.1',
  'gpt-4.1-2025-04-14',
  'gpt-4.1-mini',
  'gpt-4.1-mini-2025-04-14',
  'gpt-4.1-nano',
  'gpt-4.1-nano-2025-04-14',
  'gpt-4o',
  'gpt-4o-2024-05-13',
  'gpt-4o-2024-08-06',
  'gpt-4o-2024-11-20',
  'gpt-4o-mini',
  'gpt-4o-mini-2024-07-18',
  'gpt-4-turbo',
  'gpt-4-turbo-2024-04-09',
  'gpt-4-turbo-preview',
  'gpt-4-0125-preview',
  'gpt-4-1106-preview',
  'gpt-4',
  'gpt-4-0613',
  'gpt-4.5-preview',
  'gpt-4.5-preview-2025-02-27',
  'gpt-3.5-turbo-0125',
  'gpt-3.5-turbo',
  'gpt-3.5-turbo-1106',
  'chatgpt-4o-latest',
  'gpt-5-chat-latest',
  'o1',
  'o1-2024-12-17',
  'o3-mini',
  'o3-mini-2025-01-31',
  'o3',
  'o3-2025-04-16',
  'o4-mini',
  'o4-mini-2025-04-16',
  'codex-mini-latest',
  'gpt-oss-120b',
]);

/**
 * True for models Fantasy sends to the Responses API when `useResponsesAPI` is on: a fixed list (gpt-4.1,
 * gpt-4o, o1, o3, o4-mini, codex-mini-latest, ...) and any id containing `gpt-4` or `gpt-5`.
 */
export function isResponsesModel(modelId: string): boolean {
  const lower = modelId.toLowerCase();
  return responsesModelIds.has(modelId) || lower.includes('gpt-4') || lower.includes('gpt-5');
}
