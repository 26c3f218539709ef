import type { ProviderMetadata } from '../../../spec/provider-options.js';
import type { StreamPart } from '../../../spec/stream-part.js';
import type { ChatDelta } from '../../openai/openai-chat-api.js';
import type { ChatReasoningStream } from '../../openai/openai-chat-dialect.js';
import type { GatewayReasoningRules } from './gateway-reasoning-rules.js';
import {
  type GatewayReasoningFields,
  type ReasoningDetail,
  reasoningDetailsOf,
} from './reasoning-details-api.js';
import {
  type GoogleReasoningMetadata,
  type ReasoningFamily,
  type ResponsesReasoningMetadata,
  reasoningFamilyOf,
} from './reasoning-metadata.js';

/** The reasoning block being streamed. */
interface OpenBlock {
  id: string;
  family: ReasoningFamily;
  /** Responses blocks: summaries by index, then encrypted content and item id. */
  responses?: ResponsesReasoningMetadata;
  /** Gemini blocks always carry Google metadata, with an empty signature until one arrives. */
  google?: GoogleReasoningMetadata;
}

/** Everything the reasoning reducer remembers between deltas. */
interface ReasoningStreamState {
  rules: GatewayReasoningRules;
  open: OpenBlock | undefined;
  /** Blocks opened so far; ids are `reasoning-<n>`. */
  blocks: number;
}

/**
 * A reducer for streamed `reasoning_details`: one reasoning block per upstream reasoning item, each ended with
 * its family's metadata (Responses encrypted content and item id, Anthropic signature, Gemini signature).
 * A block ends when its closing detail arrives (encrypted data, signature), when visible output begins (except
 * Anthropic, whose signature may follow the tool calls), or when the body ends.
 */
export function createReasoningDetailsStream(rules: GatewayReasoningRules): ChatReasoningStream {
  const state: ReasoningStreamState = { rules, open: undefined, blocks: 0 };
  return {
    reduce: (delta, parts) => reduceReasoningDelta(state, delta, parts),
    finish: (parts) => endBlock(state, parts),
  };
}

function reduceReasoningDelta(state: ReasoningStreamState, delta: ChatDelta, parts: StreamPart[]): void {
  const details = reasoningDetailsOf(delta as GatewayReasoningFields);
  if (details.length > 0) {
    for (const detail of details) reduceDetail(state, detail, parts);
    return;
  }
  if (state.rules.readPlainReasoning && typeof delta.reasoning === 'string' && delta.reasoning !== '') {
    appendText(openBlock(state, 'other', parts), delta.reasoning, parts);
    return;
  }
  const visibleOutput = Boolean(delta.content) || (delta.tool_calls?.length ?? 0) > 0;
  if (visibleOutput && state.open !== undefined && state.open.family !== 'anthropic') endBlock(state, parts);
}

const detailReducers: Record<
  ReasoningFamily,
  (state: ReasoningStreamState, detail: ReasoningDetail, parts: StreamPart[]) => void
> = {
  responses: reduceResponsesDetail,
  anthropic: reduceAnthropicDetail,
  google: reduceGoogleDetail,
  other: (state, detail, parts) => appendText(openBlock(state, 'other', parts), detail.text, parts),
};

function reduceDetail(state: ReasoningStreamState, detail: ReasoningDetail, parts: StreamPart[]): void {
  const family = reasoningFamilyOf(detail.format);
  // A detail of another family belongs to another reasoning item.
  if (state.open !== undefined && state.open.family !== family) endBlock(state, parts);
  detailReducers[family](state, detail, parts);
}

/** Summaries accumulate by index (a new index starts a new paragraph); encrypted content ends the item. */
function reduceResponsesDetail(
  state: ReasoningStreamState,
  detail: ReasoningDetail,
  parts: StreamPart[],
): void {
  const block = openBlock(state, 'responses', parts);
  const metadata = block.responses!;
  if (detail.summary) {
    const index = detail.index ?? 0;
    const existing = metadata.summary[index];
    if (existing !== undefined) {
      metadata.summary[index] = existing + detail.summary;
      appendText(block, detail.summary, parts);
    } else {
      appendText(block, metadata.summary.length > 0 ? `\n${detail.summary}` : detail.summary, parts);
      metadata.summary.push(detail.summary);
    }
  }
  if (detail.type === 'reasoning.encrypted' || detail.data) {
    metadata.encryptedContent = detail.data ?? '';
    if (detail.id) metadata.itemId = detail.id;
    endBlock(state, parts);
  }
}

/** Thinking text streams as deltas; the signature arrives last and ends the block. */
function reduceAnthropicDetail(
  state: ReasoningStreamState,
  detail: ReasoningDetail,
  parts: StreamPart[],
): void {
  const block = openBlock(state, 'anthropic', parts);
  appendText(block, detail.text, parts);
  if (detail.signature) endBlock(state, parts, { anthropic: { signature: detail.signature } });
}

/** Thought text streams as deltas; the encrypted signature ends the block. */
function reduceGoogleDetail(state: ReasoningStreamState, detail: ReasoningDetail, parts: StreamPart[]): void {
  const block = openBlock(state, 'google', parts);
  if (detail.type !== 'reasoning.encrypted') {
    appendText(block, detail.text, parts);
    return;
  }
  block.google!.thoughtSignature = detail.data ?? '';
  if (detail.id) block.google!.toolId = detail.id;
  endBlock(state, parts);
}

/** The open block of this family, opening one (with `reasoning-start`) when none is open. */
function openBlock(state: ReasoningStreamState, family: ReasoningFamily, parts: StreamPart[]): OpenBlock {
  if (state.open !== undefined) return state.open;
  const block: OpenBlock = { id: `reasoning-${state.blocks++}`, family };
  if (family === 'responses') block.responses = { itemId: '', summary: [] };
  if (family === 'google') block.google = { thoughtSignature: '' };
  state.open = block;
  parts.push({ type: 'reasoning-start', id: block.id });
  return block;
}

function appendText(block: OpenBlock, text: string | null | undefined, parts: StreamPart[]): void {
  if (text) parts.push({ type: 'reasoning-delta', id: block.id, delta: text });
}

/** Ends the open block, if any, with its family's metadata (or the given metadata). */
function endBlock(state: ReasoningStreamState, parts: StreamPart[], metadata?: ProviderMetadata): void {
  const block = state.open;
  if (block === undefined) return;
  state.open = undefined;
  const providerMetadata = metadata ?? blockMetadata(block);
  parts.push({ type: 'reasoning-end', id: block.id, ...(providerMetadata ? { providerMetadata } : {}) });
}

function blockMetadata(block: OpenBlock): ProviderMetadata | undefined {
  if (block.responses) return { openai: { ...block.responses, summary: [...block.responses.summary] } };
  if (block.google) return { google: { ...block.google } };
  return undefined;
}
