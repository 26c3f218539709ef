import type { ReasoningContent } from '../../../spec/content.js';
import type { GatewayReasoningRules } from './gateway-reasoning-rules.js';
import {
  type GatewayReasoningFields,
  type ReasoningDetail,
  reasoningDetailsOf,
} from './reasoning-details-api.js';
import {
  type GoogleReasoningMetadata,
  type ResponsesReasoningMetadata,
  reasoningFamilyOf,
} from './reasoning-metadata.js';

/** The reasoning blocks of one message, grouped by family as Fantasy groups them. */
interface ReasoningBlocks {
  /** Responses blocks addressed by `index`: summaries and encrypted content of one reasoning item. */
  responses: Map<number, ResponsesReasoningMetadata>;
  /** One block per Anthropic detail. */
  anthropic: ReasoningContent[];
  /** Gemini blocks addressed by `index`: text and signature. */
  google: Map<number, { text: string; metadata: GoogleReasoningMetadata }>;
  /** Texts of any other format. */
  other: string[];
}

/**
 * Maps a non-streamed message's `reasoning_details` to reasoning parts with their family's metadata, in
 * Fantasy's order: Responses blocks, Anthropic, Gemini, then other formats.
 */
export function mapReasoningDetails(
  message: GatewayReasoningFields,
  rules: GatewayReasoningRules,
): ReasoningContent[] {
  const blocks: ReasoningBlocks = { responses: new Map(), anthropic: [], google: new Map(), other: [] };
  const details = reasoningDetailsOf(message);
  for (const detail of details) addDetail(blocks, detail);
  if (rules.readPlainReasoning && details.length === 0 && message.reasoning)
    blocks.other.push(message.reasoning);
  const other = rules.keepEmptyReasoning ? blocks.other : blocks.other.filter((text) => text !== '');
  return [
    ...[...blocks.responses.values()].map(responsesContent),
    ...blocks.anthropic,
    ...[...blocks.google.values()].map(({ text, metadata }) => ({
      type: 'reasoning' as const,
      text,
      providerMetadata: { google: { ...metadata } },
    })),
    ...other.map((text) => ({ type: 'reasoning' as const, text })),
  ];
}

function addDetail(blocks: ReasoningBlocks, detail: ReasoningDetail): void {
  const index = detail.index ?? 0;
  switch (reasoningFamilyOf(detail.format)) {
    case 'responses':
      addResponsesDetail(blocks.responses, index, detail);
      return;
    case 'anthropic':
      blocks.anthropic.push({
        type: 'reasoning',
        text: detail.text ?? '',
        providerMetadata: { anthropic: { signature: detail.signature ?? '' } },
      });
      return;
    case 'google':
      addGoogleDetail(blocks.google, index, detail);
      return;
    case 'other':
      blocks.other.push(detail.text ?? '');
  }
}

function addResponsesDetail(
  blocks: Map<number, ResponsesReasoningMetadata>,
  index: number,
  detail: ReasoningDetail,
): void {
  const block = blocks.get(index) ?? { itemId: '', summary: [] };
  blocks.set(index, block);
  if (detail.type === 'reasoning.summary') block.summary.push(detail.summary ?? '');
  if (detail.type === 'reasoning.encrypted') block.encryptedContent = detail.data ?? '';
  if (detail.id) block.itemId = detail.id;
}

function addGoogleDetail(
  blocks: Map<number, { text: string; metadata: GoogleReasoningMetadata }>,
  index: number,
  detail: ReasoningDetail,
): void {
  const block = blocks.get(index) ?? { text: '', metadata: { thoughtSignature: '' } };
  blocks.set(index, block);
  if (detail.type === 'reasoning.text') block.text = detail.text ?? '';
  if (detail.type === 'reasoning.encrypted') {
    block.metadata.thoughtSignature = detail.data ?? '';
    if (detail.id) block.metadata.toolId = detail.id;
  }
}

/** A Responses block's text is its summaries joined by newlines (empty when it has none). */
function responsesContent(metadata: ResponsesReasoningMetadata): ReasoningContent {
  return {
    type: 'reasoning',
    text: metadata.summary.join('\n'),
    providerMetadata: { openai: { ...metadata } },
  };
}
