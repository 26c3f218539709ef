import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { CallWarning } from '../../spec/call-warning.js';

/** How hard Gemini 3 models think. */
export type GoogleThinkingLevel =
  | 'MINIMAL'
  | 'LOW'
  | 'MEDIUM'
  | 'HIGH'
  | 'minimal'
  | 'low'
  | 'medium'
  | 'high';

/** Reasoning settings; `thinkingBudget` (Gemini 2.5) and `thinkingLevel` (Gemini 3) exclude each other. */
export interface GoogleThinkingConfig {
  /** Tokens the model may think with: `0` turns thinking off, `-1` lets the model decide; else at least 128. */
  thinkingBudget?: number;
  /** Returns thought summaries as reasoning parts. @default false */
  includeThoughts?: boolean;
  thinkingLevel?: GoogleThinkingLevel;
}

/** A safety filter setting, e.g. `{ category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_ONLY_HIGH' }`. */
export interface GoogleSafetySetting {
  category: string;
  threshold: string;
}

/**
 * Options under `providerOptions.google`.
 *
 * @example
 * const providerOptions = { google: { thinkingConfig: { thinkingBudget: 2048, includeThoughts: true } } };
 */
export interface GoogleOptions {
  thinkingConfig?: GoogleThinkingConfig;
  /** The name of a cached content to use as context, e.g. `cachedContents/abc123`. */
  cachedContent?: string;
  safetySettings?: GoogleSafetySetting[];
  /** Kept for parity with Fantasy's options; Gemini has no request-wide threshold, so it is not sent. */
  threshold?: string;
  /**
   * Streams function call arguments in pieces (Gemini 3 on Vertex, `streamFunctionCallArguments`); they are
   * assembled into one call per function. @default false
   */
  streamFunctionCallArguments?: boolean;
}

/**
 * What Gemini returns with reasoning, under `providerMetadata.google` of a reasoning part: the signature the
 * next request must carry on the part that follows that reasoning.
 */
export interface GoogleReasoningMetadata {
  thoughtSignature: string;
}

/** The fields `providerOptions.google` adds to a request. */
export interface GoogleRequestOptions {
  thinkingConfig?: Record<string, unknown>;
  safetySettings?: GoogleSafetySetting[];
  cachedContent?: string;
}

/** Gemini rejects thinking budgets between 1 and 127. */
const minimumThinkingBudget = 128;

/** Reads `providerOptions.google` into request fields; a budget under the minimum is raised with a warning. */
export function applyGoogleOptions(
  options: Record<string, unknown> | undefined,
  warnings: CallWarning[],
): GoogleRequestOptions {
  if (options === undefined) return {};
  const typed = options as GoogleOptions;
  const request: GoogleRequestOptions = {};
  if (typed.thinkingConfig !== undefined)
    request.thinkingConfig = convertThinkingConfig(
      objectOption(typed.thinkingConfig, 'thinkingConfig'),
      warnings,
    );
  if (typed.safetySettings !== undefined) {
    const settings = safetySettingsOf(typed.safetySettings);
    if (settings.length > 0) request.safetySettings = settings;
  }
  if (typed.cachedContent) request.cachedContent = typed.cachedContent;
  return request;
}

/** An option that must be an object; anything else is a mistake the caller must fix. */
function objectOption<T extends object>(value: T, option: string): T {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  throw new InvalidArgumentError({
    argument: `providerOptions.google.${option}`,
    message: `${option} must be an object, got ${JSON.stringify(value)}`,
  });
}

function safetySettingsOf(settings: unknown): GoogleSafetySetting[] {
  if (!Array.isArray(settings)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.google.safetySettings',
      message: `safetySettings must be a list, got ${JSON.stringify(settings)}`,
    });
  }
  return settings.map((setting: GoogleSafetySetting) => {
    const { category, threshold } = objectOption(setting, 'safetySettings[]');
    return { category, threshold };
  });
}

function convertThinkingConfig(
  config: GoogleThinkingConfig,
  warnings: CallWarning[],
): Record<string, unknown> {
  const { thinkingBudget, includeThoughts, thinkingLevel } = config;
  if (thinkingBudget !== undefined && thinkingLevel !== undefined) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.google.thinkingConfig',
      message: 'thinkingBudget and thinkingLevel are mutually exclusive; set only one',
    });
  }
  const wire: Record<string, unknown> = {};
  // The API reads `includeThoughts: false` as the default; the genai SDK omits it, and so do the recordings.
  if (includeThoughts) wire.includeThoughts = true;
  if (thinkingBudget !== undefined) wire.thinkingBudget = clampThinkingBudget(thinkingBudget, warnings);
  if (thinkingLevel !== undefined) wire.thinkingLevel = thinkingLevel;
  return wire;
}

function clampThinkingBudget(budget: number, warnings: CallWarning[]): number {
  if (budget === 0 || budget === -1 || budget >= minimumThinkingBudget) return budget;
  warnings.push({
    type: 'unsupported-setting',
    setting: 'providerOptions.google.thinkingConfig.thinkingBudget',
    details: `thinkingBudget ${budget} is below Gemini's minimum of ${minimumThinkingBudget}; sent as ${minimumThinkingBudget}`,
  });
  return minimumThinkingBudget;
}

/** The thought signature a message part carries in `providerOptions.google`, if any. */
export function thoughtSignatureOf(
  options: Record<string, Record<string, unknown>> | undefined,
): string | undefined {
  const signature = options?.google?.thoughtSignature;
  return typeof signature === 'string' && signature !== '' ? signature : undefined;
}
