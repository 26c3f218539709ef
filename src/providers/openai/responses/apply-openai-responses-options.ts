import { InvalidArgumentError } from '../../../errors/invalid-argument-error.js';
import type { CallWarning } from '../../../spec/call-warning.js';
import type { Message } from '../../../spec/message.js';
import { applyServiceTier } from '../apply-service-tier.js';
import { checkReasoningEffort } from '../openai-options.js';
import type { OpenAIResponsesModelRules } from './openai-responses-model-rules.js';
import type { OpenAIResponsesOptions } from './openai-responses-options.js';

/** What the request builder hands over so the provider options can be written. */
export interface ApplyResponsesOptionsContext {
  body: Record<string, unknown>;
  options: OpenAIResponsesOptions;
  rules: OpenAIResponsesModelRules;
  modelId: string;
  warnings: CallWarning[];
}

const directFields: Array<[keyof OpenAIResponsesOptions, string]> = [
  ['maxToolCalls', 'max_tool_calls'],
  ['parallelToolCalls', 'parallel_tool_calls'],
  ['user', 'user'],
  ['instructions', 'instructions'],
  ['promptCacheKey', 'prompt_cache_key'],
  ['safetyIdentifier', 'safety_identifier'],
];

/** The most log probabilities OpenAI returns per token; `logprobs: true` asks for all of them. */
const topLogprobsMax = 20;

/** Writes `providerOptions.openai` into a Responses request body. */
export function applyOpenAIResponsesOptions(context: ApplyResponsesOptionsContext): void {
  const { body, options } = context;
  for (const [field, wire] of directFields) {
    if (options[field] !== undefined) body[wire] = options[field];
  }
  // An empty id (a first turn read from storage) means no previous response: sending it would be rejected.
  if (options.previousResponseId) body.previous_response_id = options.previousResponseId;
  if (options.metadata !== undefined) body.metadata = stringValues(options.metadata);
  if (options.textVerbosity !== undefined) body.text = { verbosity: options.textVerbosity };
  applyInclude(body, options);
  applyReasoning(context);
  applyServiceTier({ body, tier: options.serviceTier, modelId: context.modelId, warnings: context.warnings });
}

/** `include`: the logprobs entry first when log probabilities are asked for, then the caller's. */
function applyInclude(body: Record<string, unknown>, options: OpenAIResponsesOptions): void {
  const include: string[] = [];
  const topLogprobs = options.logprobs === true ? topLogprobsMax : options.logprobs || 0;
  if (topLogprobs > 0) {
    include.push('message.output_text.logprobs');
    body.top_logprobs = topLogprobs;
  }
  include.push(...stringList(options.include, 'include'));
  if (include.length > 0) body.include = include;
}

/** `reasoning` goes only to reasoning models, and only when effort or summary is set. */
function applyReasoning({ body, options, rules, warnings }: ApplyResponsesOptionsContext): void {
  const { reasoningEffort, reasoningSummary } = options;
  if (reasoningEffort === undefined && reasoningSummary === undefined) return;
  if (!rules.reasoning) {
    for (const setting of ['reasoningEffort', 'reasoningSummary'] as const) {
      if (options[setting] === undefined) continue;
      warnings.push({
        type: 'unsupported-setting',
        setting,
        details: `${setting} is not supported for non-reasoning models`,
      });
    }
    return;
  }
  body.reasoning = {
    ...(reasoningEffort === undefined ? {} : { effort: checkReasoningEffort(reasoningEffort) }),
    ...(reasoningSummary === undefined ? {} : { summary: reasoningSummary }),
  };
}

function stringValues(record: unknown): Record<string, string> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openai.metadata',
      message: `metadata must be an object of strings, got ${JSON.stringify(record)}`,
    });
  }
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) if (typeof value === 'string') strings[key] = value;
  return strings;
}

function stringList(value: unknown, option: string): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new InvalidArgumentError({
    argument: `providerOptions.openai.${option}`,
    message: `${option} must be a list of strings, got ${JSON.stringify(value)}`,
  });
}

/**
 * `previousResponseId` chains to a stored response, so the current one must be stored too, and the prompt
 * must not replay history the server already has.
 */
export function checkPreviousResponseId(options: OpenAIResponsesOptions, prompt: readonly Message[]): void {
  if (!options.previousResponseId) return;
  if (prompt.some((message) => message.role !== 'system' && message.role !== 'user')) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openai.previousResponseId',
      message:
        'previousResponseId cannot be combined with replayed history; send only the new system and user messages',
    });
  }
  if (options.store !== true) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openai.store',
      message: 'previousResponseId needs store: true so that this response can be chained in turn',
    });
  }
}
