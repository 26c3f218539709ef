/**
 * One of Fantasy's (Go) registered provider data types: its type id, whether it is an input (options) or an
 * output (metadata), and the fields it has under our camelCase names.
 */
export interface FantasyProviderDataType {
  typeId: string;
  kind: 'options' | 'metadata';
  fields: readonly string[];
  /** Fields whose Go JSON name is not the snake_case of ours, e.g. `logprobs` → `log_probs`. */
  renames?: Readonly<Record<string, string>>;
  /** Fields holding maps of the caller's own keys (metadata, extra body): copied without renaming keys. */
  verbatim?: readonly string[];
}

const openAIChatOptions: FantasyProviderDataType = {
  typeId: 'openai.options',
  kind: 'options',
  fields: [
    'logitBias',
    'logprobs',
    'topLogprobs',
    'parallelToolCalls',
    'user',
    'reasoningEffort',
    'maxCompletionTokens',
    'textVerbosity',
    'prediction',
    'store',
    'metadata',
    'promptCacheKey',
    'safetyIdentifier',
    'serviceTier',
    'structuredOutputs',
  ],
  renames: { logprobs: 'log_probs', topLogprobs: 'top_log_probs' },
  verbatim: ['logitBias', 'prediction', 'metadata'],
};

const openAIResponsesOptions: FantasyProviderDataType = {
  typeId: 'openai.responses.options',
  kind: 'options',
  fields: [
    'include',
    'instructions',
    'logprobs',
    'maxToolCalls',
    'metadata',
    'parallelToolCalls',
    'previousResponseId',
    'promptCacheKey',
    'reasoningEffort',
    'reasoningSummary',
    'safetyIdentifier',
    'serviceTier',
    'store',
    'strictJsonSchema',
    'textVerbosity',
    'user',
  ],
  verbatim: ['metadata'],
};

const openAIFileOptions: FantasyProviderDataType = {
  typeId: 'openai.file_options',
  kind: 'options',
  fields: ['imageDetail'],
};

/** Every type Fantasy v0.41 registers, in the order inference prefers them on a tie. */
export const fantasyProviderDataTypes: readonly FantasyProviderDataType[] = [
  openAIChatOptions,
  openAIResponsesOptions,
  openAIFileOptions,
  {
    typeId: 'openai.metadata',
    kind: 'metadata',
    fields: ['logprobs', 'acceptedPredictionTokens', 'rejectedPredictionTokens', 'extraFields'],
    verbatim: ['logprobs', 'extraFields'],
  },
  {
    typeId: 'openai.responses.reasoning_metadata',
    kind: 'metadata',
    fields: ['itemId', 'encryptedContent', 'summary'],
  },
  {
    typeId: 'openai.responses.web_search_call_metadata',
    kind: 'metadata',
    fields: ['itemId', 'action'],
    verbatim: ['action'],
  },
  {
    typeId: 'openai.responses.metadata',
    kind: 'metadata',
    fields: ['responseId', 'extraFields'],
    verbatim: ['extraFields'],
  },
  {
    typeId: 'anthropic.options',
    kind: 'options',
    fields: ['sendReasoning', 'thinking', 'effort', 'thinkingDisplay', 'disableParallelToolUse', 'extraBody'],
    verbatim: ['extraBody'],
  },
  { typeId: 'anthropic.cache_control_options', kind: 'options', fields: ['cacheControl'] },
  { typeId: 'anthropic.reasoning_metadata', kind: 'metadata', fields: ['signature', 'redactedData'] },
  { typeId: 'anthropic.web_search_result_metadata', kind: 'metadata', fields: ['results', 'errorCode'] },
  {
    typeId: 'google.options',
    kind: 'options',
    fields: ['thinkingConfig', 'cachedContent', 'safetySettings', 'threshold'],
  },
  {
    // Our Google provider calls the signature `thoughtSignature`, as Gemini's wire does.
    typeId: 'google.reasoning_metadata',
    kind: 'metadata',
    fields: ['thoughtSignature', 'toolId'],
    renames: { thoughtSignature: 'signature' },
  },
  {
    typeId: 'openai-compat.options',
    kind: 'options',
    fields: ['user', 'reasoningEffort', 'extraBody'],
    verbatim: ['extraBody'],
  },
  { typeId: 'openai-compat.content_extra_fields', kind: 'options', fields: ['fields'], verbatim: ['fields'] },
  {
    typeId: 'openrouter.options',
    kind: 'options',
    fields: [
      'reasoning',
      'extraBody',
      'includeUsage',
      'logitBias',
      'logprobs',
      'parallelToolCalls',
      'user',
      'provider',
    ],
    renames: { logprobs: 'log_probs' },
    verbatim: ['extraBody', 'logitBias'],
  },
  { typeId: 'openrouter.metadata', kind: 'metadata', fields: ['provider', 'usage'] },
  {
    typeId: 'vercel.options',
    kind: 'options',
    fields: [
      'reasoning',
      'providerOptions',
      'byok',
      'user',
      'logitBias',
      'logprobs',
      'topLogprobs',
      'parallelToolCalls',
      'extraBody',
    ],
    // Vercel's Go struct keeps the gateway's own camelCase names for these.
    renames: {
      providerOptions: 'providerOptions',
      byok: 'byok',
      logprobs: 'logprobs',
      topLogprobs: 'top_logprobs',
    },
    verbatim: ['providerOptions', 'byok', 'logitBias', 'extraBody'],
  },
  { typeId: 'vercel.metadata', kind: 'metadata', fields: ['provider'] },
  {
    typeId: 'kronk.options',
    kind: 'options',
    fields: [
      'adaptivePDecay',
      'adaptivePTarget',
      'dryAllowedLength',
      'dryBase',
      'dryMultiplier',
      'dryPenaltyLastN',
      'grammar',
      'logprobs',
      'minP',
      'numPredict',
      'reasoningEffort',
      'repeatLastN',
      'repeatPenalty',
      'seed',
      'stop',
      'enableThinking',
      'topK',
      'topLogprobs',
      'xtcMinKeep',
      'xtcProbability',
      'xtcThreshold',
    ],
  },
  { typeId: 'kronk.metadata', kind: 'metadata', fields: [] },
];

/**
 * Which types each provider key may hold, as Fantasy's providers read them. Keys not listed here (an
 * OpenAI-compatible provider with a custom name) are mapped to one of these with `providerKeys`.
 */
export const fantasyTypesByProviderKey: Readonly<Record<string, readonly string[]>> = {
  openai: [
    'openai.options',
    'openai.responses.options',
    'openai.file_options',
    'openai.metadata',
    'openai.responses.reasoning_metadata',
    'openai.responses.web_search_call_metadata',
    'openai.responses.metadata',
  ],
  anthropic: [
    'anthropic.options',
    'anthropic.cache_control_options',
    'anthropic.reasoning_metadata',
    'anthropic.web_search_result_metadata',
  ],
  google: ['google.options', 'google.reasoning_metadata'],
  'openai-compat': ['openai-compat.options', 'openai-compat.content_extra_fields'],
  // OpenRouter reads the image detail of user files from `openai.file_options` under its own key.
  openrouter: ['openrouter.options', 'openai.file_options', 'openrouter.metadata'],
  vercel: ['vercel.options', 'vercel.metadata'],
  kronk: ['kronk.options', 'kronk.metadata'],
};

const typesById = new Map(fantasyProviderDataTypes.map((type) => [type.typeId, type]));

/** The registered type with this id, if any. */
export function fantasyProviderDataType(typeId: string): FantasyProviderDataType | undefined {
  return typesById.get(typeId);
}
