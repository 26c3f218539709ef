import { InvalidArgumentError } from '../../errors/invalid-argument-error.js';
import type { ProviderOptions } from '../../spec/provider-options.js';
import type { AnthropicCacheControl } from './anthropic-api.js';

/** The `providerOptions` key Anthropic, Bedrock and Vertex Anthropic all read. */
export const anthropicOptionsKey = 'anthropic';

/** How hard adaptive-thinking models work (`output_config.effort`). */
export type AnthropicEffort = 'low' | 'medium' | 'high' | 'xhigh' | 'max';

const efforts = new Set<string>(['low', 'medium', 'high', 'xhigh', 'max']);

/**
 * Options under `providerOptions.anthropic` on a call.
 *
 * @example
 * const providerOptions = { anthropic: { thinking: { budgetTokens: 4000 } } };
 */
export interface AnthropicOptions {
  /** Send reasoning from earlier turns back to the model. @default true */
  sendReasoning?: boolean;
  /** Extended thinking with a token budget (must be > 0). */
  thinking?: { budgetTokens: number };
  /** Adaptive thinking at this effort; wins over `thinking`. */
  effort?: AnthropicEffort;
  /** Whether thinking text is returned: `summarized` or `omitted`. */
  thinkingDisplay?: 'summarized' | 'omitted';
  /** Ask for at most one tool call per turn. @default false */
  disableParallelToolUse?: boolean;
  /** Fields merged into the top level of the request body. */
  extraBody?: Record<string, unknown>;
  /**
   * The code execution container to run in. Unset: the container of the latest assistant turn (its
   * message's `providerOptions.anthropic.container.id`, which the agent copies from the response metadata,
   * else its parts' `providerOptions.anthropic.containerId`), so a sandbox carries over between turns.
   */
  container?: string;
  /** Server-side compaction (beta `compact-2026-01-12`): older turns are summarized into a compaction block. */
  compaction?: {
    /** Input tokens that trigger compaction. @default 150000 */
    triggerTokens?: number;
    /** Stop after compacting (`stop_reason: compaction`) so you can edit the history. */
    pauseAfterCompaction?: boolean;
    /** Replaces the summarization prompt. */
    instructions?: string;
  };
  /** Extra `anthropic-beta` flags, added to the ones the tools need. */
  betas?: string[];
}

/** Metadata of a provider-executed Anthropic tool call or result, under `providerMetadata.anthropic`. */
export interface AnthropicServerToolMetadata {
  /** The result block exactly as received; sent back unchanged on the next turn. */
  block?: Record<string, unknown>;
  /** The MCP server of an `mcp_tool_use` call. */
  serverName?: string;
  /** The code execution container the call ran in. */
  containerId?: string;
  /** Who called a client tool: code execution, for programmatic tool calls. Sent back with the call. */
  caller?: Record<string, unknown>;
  /** True when the provider reports the tool failed. */
  isError?: boolean;
}

/** Reasoning metadata under `providerMetadata.anthropic`; the agent sends it back as part options. */
export interface AnthropicReasoningMetadata {
  signature?: string;
  redactedData?: string;
}

/** Cache control under `providerOptions.anthropic` on a message, a part or a tool. */
export interface AnthropicCacheControlOptions {
  cacheControl: { type: 'ephemeral'; ttl?: string };
}

/** One web search result, kept so it can be replayed on the next turn. */
export interface AnthropicWebSearchResultItem {
  url: string;
  title: string;
  encryptedContent: string;
  pageAge?: string;
}

/** Web search results (or the error code) under `providerMetadata.anthropic` of a provider-executed result. */
export interface AnthropicWebSearchResultMetadata {
  results?: AnthropicWebSearchResultItem[];
  errorCode?: string;
}

/** The call's Anthropic options, checked. */
export function readAnthropicOptions(providerOptions: ProviderOptions | undefined): AnthropicOptions {
  const options = withoutNulls(
    (providerOptions?.[anthropicOptionsKey] ?? {}) as Record<string, unknown>,
  ) as AnthropicOptions;
  if (
    options.extraBody !== undefined &&
    (typeof options.extraBody !== 'object' || Array.isArray(options.extraBody))
  ) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.anthropic.extraBody',
      message: 'extraBody must be an object of fields to merge into the request body',
    });
  }
  if (options.effort !== undefined && !efforts.has(options.effort)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.anthropic.effort',
      message: `effort ${JSON.stringify(options.effort)} is not one of ${[...efforts].join(', ')}`,
    });
  }
  if (options.thinking !== undefined && !(options.thinking.budgetTokens > 0)) {
    throw new InvalidArgumentError({
      argument: 'providerOptions.anthropic.thinking.budgetTokens',
      message: 'thinking needs a budget: set thinking.budgetTokens to a positive number',
    });
  }
  return options;
}

/** The cache control an options map asks for, as sent on the wire. */
export function cacheControlOf(options: ProviderOptions | undefined): AnthropicCacheControl | undefined {
  const cacheControl = options?.[anthropicOptionsKey]?.cacheControl as { ttl?: unknown } | undefined;
  if (typeof cacheControl !== 'object' || cacheControl === null) return undefined;
  return typeof cacheControl.ttl === 'string'
    ? { type: 'ephemeral', ttl: cacheControl.ttl }
    : { type: 'ephemeral' };
}

/** The reasoning metadata a part carries back, if any. */
export function reasoningMetadataOf(options: ProviderOptions | undefined): AnthropicReasoningMetadata {
  const metadata = options?.[anthropicOptionsKey] ?? {};
  const signature = stringField(metadata, 'signature');
  const redactedData = stringField(metadata, 'redactedData') ?? stringField(metadata, 'redacted_data');
  return {
    ...(signature === undefined ? {} : { signature }),
    ...(redactedData === undefined ? {} : { redactedData }),
  };
}

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Options with `null` fields treated as unset, as JSON-restored options often carry them. */
function withoutNulls(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null));
}
