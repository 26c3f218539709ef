import type { ReasoningPart } from '../../../spec/message.js';
import type { ReasoningDetail } from './reasoning-details-api.js';
import {
  anthropicMetadataOf,
  googleMetadataOf,
  type ResponsesReasoningMetadata,
  responsesMetadataOf,
} from './reasoning-metadata.js';

/** How one reasoning part goes back on assistant history. */
export type ReasoningHistory =
  /** Top-level fields of the assistant message (`reasoning_details`, and `reasoning` for Anthropic). */
  | { type: 'fields'; fields: Record<string, unknown> }
  /** Reasoning without its model's metadata is sent as visible text the model can read. */
  | { type: 'thoughts'; text: string };

/** What decides a reasoning part's history format. */
export interface ReasoningHistoryContext {
  /** The full model id; its prefix names the upstream family (`anthropic/`, `openai/`, `google/`, ...). */
  modelId: string;
  /** Whether `xai/` models get `xai-responses-v1` details (OpenRouter); otherwise they get the default. */
  xaiResponses: boolean;
}

/**
 * Converts a reasoning part to the history format its upstream family expects, from the metadata the part
 * carries back: Anthropic thinking with its signature, Responses summaries and encrypted content, Gemini
 * signatures; any other model gets a plain `reasoning.text` detail. The prefix decides, as in Fantasy: note
 * that OpenRouter's xAI ids start with `x-ai/`, which is not `xai/`, so they get the plain detail.
 */
export function convertReasoningPart(
  part: ReasoningPart,
  context: ReasoningHistoryContext,
): ReasoningHistory {
  const { modelId } = context;
  if (modelId.startsWith('anthropic/') && part.text !== '') return anthropicHistory(part);
  if (modelId.startsWith('openai/')) return responsesHistory(part, 'openai-responses-v1');
  if (modelId.startsWith('xai/') && context.xaiResponses) return responsesHistory(part, 'xai-responses-v1');
  if (modelId.startsWith('google/')) return googleHistory(part);
  return detailsHistory([detail({ type: 'reasoning.text', text: part.text, format: 'unknown' })]);
}

function anthropicHistory(part: ReasoningPart): ReasoningHistory {
  const metadata = anthropicMetadataOf(part.providerOptions);
  if (metadata === undefined) return thoughts(part);
  const details = [
    detail({
      type: 'reasoning.text',
      format: 'anthropic-claude-v1',
      text: part.text,
      signature: metadata.signature,
    }),
  ];
  return { type: 'fields', fields: { reasoning_details: details, reasoning: part.text } };
}

function responsesHistory(part: ReasoningPart, format: string): ReasoningHistory {
  const metadata = responsesMetadataOf(part.providerOptions);
  if (metadata === undefined) return thoughts(part);
  return detailsHistory(responsesDetails(metadata, format));
}

/** One detail per non-empty summary (at its index), then the encrypted item. */
function responsesDetails(metadata: ResponsesReasoningMetadata, format: string): ReasoningDetail[] {
  const details: ReasoningDetail[] = [];
  metadata.summary.forEach((summary, index) => {
    if (summary !== '') details.push(detail({ type: 'reasoning.summary', format, summary, index }));
  });
  if (metadata.encryptedContent !== undefined) {
    details.push(
      detail({ type: 'reasoning.encrypted', format, data: metadata.encryptedContent, id: metadata.itemId }),
    );
  }
  return details;
}

function googleHistory(part: ReasoningPart): ReasoningHistory {
  const metadata = googleMetadataOf(part.providerOptions);
  if (metadata === undefined) return thoughts(part);
  const format = 'google-gemini-v1';
  const details: ReasoningDetail[] = [];
  if (part.text !== '') details.push(detail({ type: 'reasoning.text', format, text: part.text }));
  details.push(
    detail({
      type: 'reasoning.encrypted',
      format,
      data: metadata.thoughtSignature,
      id: metadata.toolId ?? '',
    }),
  );
  return detailsHistory(details);
}

function detailsHistory(details: ReasoningDetail[]): ReasoningHistory {
  return { type: 'fields', fields: { reasoning_details: details } };
}

function thoughts(part: ReasoningPart): ReasoningHistory {
  return { type: 'thoughts', text: `<thoughts>${part.text}</thoughts>` };
}

/** A detail as gateways take it: empty fields left out, `index` always present (0 unless given). */
function detail(fields: Omit<ReasoningDetail, 'index'> & { index?: number }): ReasoningDetail {
  const result: ReasoningDetail = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value !== '') (result as Record<string, unknown>)[key] = value;
  }
  result.index = fields.index ?? 0;
  return result;
}
