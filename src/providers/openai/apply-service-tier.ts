import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { CallWarning } from '../../spec/call-warning.js';
import { openAIResponsesModelRules } from './responses/openai-responses-model-rules.js';

/** The processing tiers OpenAI accepts as `service_tier`. */
export type OpenAIServiceTier = 'auto' | 'default' | 'flex' | 'priority';

const serviceTiers = new Set<string>(['auto', 'default', 'flex', 'priority']);

/**
 * Writes `service_tier`, with the same rules on chat completions and the Responses API: `flex` only for the
 * models that offer flex processing (o3, o4-mini, gpt-5), `priority` only for those with priority processing
 * (gpt-4*, gpt-5 but nano, o3, o4-mini); for any other model the setting is dropped with a warning, since
 * OpenAI rejects the request. An unknown tier is a mistake the caller must fix.
 */
export function applyServiceTier(options: {
  body: Record<string, unknown>;
  tier: unknown;
  modelId: string;
  warnings: CallWarning[];
}): void {
  const { tier, modelId } = options;
  if (tier === undefined) return;
  if (typeof tier !== 'string' || !serviceTiers.has(tier)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.openai.serviceTier',
      message: `service tier ${JSON.stringify(tier)} is not one of ${[...serviceTiers].join(', ')}`,
    });
  }
  const rules = openAIResponsesModelRules(modelId);
  if ((tier === 'flex' && !rules.flexProcessing) || (tier === 'priority' && !rules.priorityProcessing)) {
    options.warnings.push({
      type: 'unsupported-setting',
      setting: 'serviceTier',
      details: `${tier} processing is not available for ${modelId}`,
    });
    return;
  }
  options.body.service_tier = tier;
}
