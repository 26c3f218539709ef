import {
  type CassetteBody,
  type CassetteRequest,
  matchRequest,
  type RecordedInteraction,
} from '../../src/testing/index.js';

type RecordedRequest = RecordedInteraction['request'];

/**
 * A normalization for one documented Go defect: given our request and a recorded one, our request rewritten as
 * the defect would have written it, or undefined when its condition does not hold.
 */
type Normalization = (actual: CassetteRequest, recorded: RecordedRequest) => CassetteRequest | undefined;

/**
 * The matcher the conformance runner uses: the recording rule of `../shared/conformance/README.md`, plus the
 * narrowly named normalizations listed in DEVIATIONS.md for requests where the Go library was wrong and we are
 * not. Each normalization is applied only where its condition holds.
 */
export function conformanceMatcher(actual: CassetteRequest, recorded: RecordedRequest): boolean {
  if (matchRequest(actual, recorded)) return true;
  return normalizations.some((normalize) => {
    const normalized = normalize(actual, recorded);
    return normalized !== undefined && matchRequest(normalized, recorded);
  });
}

/** The longest first token the OpenRouter normalization accepts as dropped. */
const maximumDroppedToken = 64;

/**
 * `openRouterDroppedFirstReasoningToken`: Fantasy's OpenRouter stream dropped the first reasoning chunk's text
 * for `unknown`-format details (GLM, Kimi), so its recorded history lacks the first token. Where a streamed
 * OpenRouter request's assistant `reasoning_details[].text` (format `unknown`) is ours minus a short prefix, our
 * text is replaced by the recorded one.
 */
const openRouterDroppedFirstReasoningToken: Normalization = (actual, recorded) => {
  if (!actual.url.startsWith('https://openrouter.ai/')) return undefined;
  const actualBody = jsonOf(actual.body);
  const recordedBody = jsonOf(recorded.body);
  if (actualBody?.stream !== true || !Array.isArray(actualBody.messages)) return undefined;
  if (!Array.isArray(recordedBody?.messages)) return undefined;
  let changed = false;
  const messages = actualBody.messages.map((message: unknown, index: number) => {
    const details = droppedTokenDetails(message, recordedBody.messages[index]);
    if (details === undefined) return message;
    changed = true;
    return { ...(message as object), reasoning_details: details };
  });
  return changed ? { ...actual, body: JSON.stringify({ ...actualBody, messages }) } : undefined;
};

/** Our details with each affected text replaced by the recorded one; undefined when none is affected. */
function droppedTokenDetails(actual: unknown, recorded: unknown): unknown[] | undefined {
  const ours = detailsOf(actual);
  const theirs = detailsOf(recorded);
  if (ours === undefined || theirs === undefined || ours.length !== theirs.length) return undefined;
  let changed = false;
  const details = ours.map((detail, index) => {
    const recordedDetail = theirs[index]!;
    if (detail.format !== 'unknown' || recordedDetail.format !== 'unknown') return detail;
    const ourText = typeof detail.text === 'string' ? detail.text : '';
    const recordedText = typeof recordedDetail.text === 'string' ? recordedDetail.text : '';
    const dropped = ourText.length - recordedText.length;
    if (dropped <= 0 || dropped > maximumDroppedToken || !ourText.endsWith(recordedText)) return detail;
    changed = true;
    const { text: _text, ...rest } = detail;
    return recordedText === '' ? rest : { ...rest, text: recordedText };
  });
  return changed ? details : undefined;
}

function detailsOf(message: unknown): Array<Record<string, unknown>> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const record = message as Record<string, unknown>;
  if (record.role !== 'assistant' || !Array.isArray(record.reasoning_details)) return undefined;
  return record.reasoning_details as Array<Record<string, unknown>>;
}

/**
 * `anthropicCitationsNotSentBack`: Fantasy's Anthropic history sends a cited text block back without its
 * `citations`. Where a request to `https://api.anthropic.com/` has an assistant text block with `citations`
 * and the recorded block at the same place has the same text and none, our `citations` are dropped.
 */
const anthropicCitationsNotSentBack: Normalization = (actual, recorded) => {
  if (!actual.url.startsWith('https://api.anthropic.com/')) return undefined;
  const actualBody = jsonOf(actual.body);
  const recordedMessages = jsonOf(recorded.body)?.messages;
  if (!Array.isArray(actualBody?.messages) || !Array.isArray(recordedMessages)) return undefined;
  let changed = false;
  const messages = actualBody.messages.map((message: unknown, index: number) => {
    const content = uncitedContent(message, recordedMessages[index]);
    if (content === undefined) return message;
    changed = true;
    return { ...(message as object), content };
  });
  return changed ? { ...actual, body: JSON.stringify({ ...actualBody, messages }) } : undefined;
};

/** An assistant message's blocks with `citations` dropped where the recorded block has none. */
function uncitedContent(actual: unknown, recorded: unknown): unknown[] | undefined {
  const ours = assistantBlocks(actual);
  const theirs = assistantBlocks(recorded);
  if (ours === undefined || theirs === undefined || ours.length !== theirs.length) return undefined;
  let changed = false;
  const content = ours.map((block, index) => {
    const recordedBlock = theirs[index]!;
    const uncited = block.type === 'text' && recordedBlock.type === 'text' && !('citations' in recordedBlock);
    if (!uncited || !('citations' in block) || block.text !== recordedBlock.text) return block;
    changed = true;
    const { citations: _citations, ...rest } = block;
    return rest;
  });
  return changed ? content : undefined;
}

function assistantBlocks(message: unknown): Array<Record<string, unknown>> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const record = message as Record<string, unknown>;
  if (record.role !== 'assistant' || !Array.isArray(record.content)) return undefined;
  return record.content as Array<Record<string, unknown>>;
}

// biome-ignore lint/suspicious/noExplicitAny: parsed request bodies are free-form JSON
function jsonOf(body: CassetteBody): Record<string, any> | undefined {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const normalizations: Normalization[] = [openRouterDroppedFirstReasoningToken, anthropicCitationsNotSentBack];
