import { encodeBase64 } from '../persistence/base64.js';
import type { ToolCallContent, ToolResultContent } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { StreamPartOf } from '../spec/stream-part.js';
import { addUsage, emptyUsage, type Usage } from '../spec/usage.js';
import { toUIToolOutput, withFantasyMetadata } from './to-ui-output.js';
import type { UIFinishReason, UIMessageChunk } from './ui-message-chunk.js';
import type { UIMessageMetadataEvent, UIMessageStreamOptions } from './ui-message-stream-options.js';
import type { ToolApprovalRequestStreamPart, UISourcePart } from './ui-stream-source.js';

type Handler<P> = (mapper: UIChunkMapper, part: P) => void;
type Handlers = { [T in UISourcePart['type']]: Handler<Extract<UISourcePart, { type: T }>> };

/**
 * Turns source parts into UI chunks, one small handler per part type. Keeps what the protocol needs
 * across parts: the open text and reasoning blocks (a delta never arrives for a block the page does not
 * know), the tool calls announced, whether a step is open, and the usage so far.
 */
export class UIChunkMapper {
  /** The chunks of the part being mapped; reused, read before the next `map`. */
  readonly out: UIMessageChunk[] = [];
  readonly openText = new Set<string>();
  readonly openReasoning = new Set<string>();
  readonly announcedCalls = new Set<string>();
  /** A step the mapper opened itself, for a plain model stream. */
  stepOpen: 'agent' | 'synthetic' | undefined;
  finishReason: UIFinishReason = 'other';
  usage: Usage = emptyUsage();

  constructor(
    readonly options: UIMessageStreamOptions,
    readonly deniedCalls: ReadonlySet<string>,
  ) {}

  /** The chunks for one part. */
  map(part: UISourcePart): UIMessageChunk[] {
    this.out.length = 0;
    if (this.stepOpen === undefined && part.type !== 'step-start' && part.type !== 'warnings') {
      this.out.push({ type: 'start-step' });
      this.stepOpen = 'synthetic';
    }
    (handlers[part.type] as Handler<UISourcePart>)(this, part);
    return this.out;
  }

  /** Ends the open step, closing any block left open so the page shows it as done. */
  closeStep(): void {
    for (const id of this.openText) this.out.push({ type: 'text-end', id });
    for (const id of this.openReasoning) this.out.push({ type: 'reasoning-end', id });
    this.openText.clear();
    this.openReasoning.clear();
    if (this.stepOpen === undefined) return;
    this.stepOpen = undefined;
    this.out.push({ type: 'finish-step' });
    const metadata = this.metadata({
      type: 'finish-step',
      finishReason: this.finishReason,
      usage: this.usage,
    });
    if (metadata !== undefined) this.out.push({ type: 'message-metadata', messageMetadata: metadata });
  }

  metadata(event: UIMessageMetadataEvent): unknown {
    const custom = this.options.messageMetadata;
    if (custom !== undefined) return custom(event);
    return event.type === 'start' ? undefined : { finishReason: event.finishReason, usage: event.usage };
  }

  /** Announces a tool call: its input, or an input error for a call that failed validation. */
  announceCall(call: ToolCallContent | ToolApprovalRequestStreamPart): void {
    this.announcedCalls.add(call.toolCallId);
    const input = parseInput(call.input);
    const metadata = withFantasyMetadata(call.providerMetadata, {
      inputText: sameJson(input, call.input) ? undefined : call.input,
    });
    const fields = {
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      input,
      ...(call.providerExecuted ? { providerExecuted: true } : {}),
      ...(metadata === undefined ? {} : { providerMetadata: metadata }),
      ...(this.options.dynamicTools ? { dynamic: true } : {}),
    };
    if ('invalid' in call && call.invalid) {
      const errorText = call.validationError?.message ?? 'invalid tool input';
      this.out.push({ type: 'tool-input-error', ...fields, errorText });
    } else this.out.push({ type: 'tool-input-available', ...fields });
  }
}

const handlers: Handlers = {
  warnings: () => {},
  'step-start': (mapper) => {
    if (mapper.stepOpen !== undefined) mapper.closeStep();
    mapper.stepOpen = 'agent';
    mapper.out.push({ type: 'start-step' });
  },
  'step-finish': (mapper) => mapper.closeStep(),
  'text-start': (mapper, part) => {
    mapper.openText.add(part.id);
    mapper.out.push({ type: 'text-start', id: part.id, ...metadataOf(part) });
  },
  'text-delta': (mapper, part) => {
    if (!mapper.openText.has(part.id)) handlers['text-start'](mapper, { type: 'text-start', id: part.id });
    mapper.out.push({ type: 'text-delta', id: part.id, delta: part.delta, ...metadataOf(part) });
  },
  'text-end': (mapper, part) => {
    // Providers may end a block they never started; the page would reject the end.
    if (!mapper.openText.delete(part.id)) return;
    mapper.out.push({ type: 'text-end', id: part.id, ...metadataOf(part) });
  },
  'reasoning-start': (mapper, part) => {
    if (mapper.options.sendReasoning === false) return;
    mapper.openReasoning.add(part.id);
    mapper.out.push({ type: 'reasoning-start', id: part.id, ...metadataOf(part) });
  },
  'reasoning-delta': (mapper, part) => {
    if (mapper.options.sendReasoning === false) return;
    if (!mapper.openReasoning.has(part.id))
      handlers['reasoning-start'](mapper, { type: 'reasoning-start', id: part.id });
    mapper.out.push({ type: 'reasoning-delta', id: part.id, delta: part.delta, ...metadataOf(part) });
  },
  'reasoning-end': (mapper, part) => {
    if (mapper.options.sendReasoning === false) return;
    // A block with only a signature (Anthropic redacted thinking) still reaches the page.
    if (!mapper.openReasoning.has(part.id))
      handlers['reasoning-start'](mapper, { type: 'reasoning-start', id: part.id });
    mapper.openReasoning.delete(part.id);
    mapper.out.push({ type: 'reasoning-end', id: part.id, ...metadataOf(part) });
  },
  'tool-input-start': (mapper, part) => {
    mapper.out.push({
      type: 'tool-input-start',
      toolCallId: part.id,
      toolName: part.toolName,
      ...(part.providerExecuted ? { providerExecuted: true } : {}),
      ...metadataOf(part),
      ...(mapper.options.dynamicTools ? { dynamic: true } : {}),
    });
  },
  'tool-input-delta': (mapper, part) => {
    mapper.out.push({ type: 'tool-input-delta', toolCallId: part.id, inputTextDelta: part.delta });
  },
  'tool-input-end': () => {},
  'tool-call': (mapper, part) => mapper.announceCall(part),
  'tool-approval-request': (mapper, part) => {
    if (!mapper.announcedCalls.has(part.toolCallId)) mapper.announceCall(part);
    mapper.out.push({
      type: 'tool-approval-request',
      approvalId: part.approvalId,
      toolCallId: part.toolCallId,
    });
  },
  'tool-result': (mapper, part) => mapper.out.push(toolResultChunk(mapper, part)),
  source: (mapper, part) => {
    if (mapper.options.sendSources !== true) return;
    mapper.out.push(sourceChunk(part));
  },
  file: (mapper, part) => {
    mapper.out.push({
      type: 'file',
      url: `data:${part.mediaType};base64,${encodeBase64(part.data)}`,
      mediaType: part.mediaType,
      ...metadataOf(part),
    });
  },
  finish: (mapper, part) => {
    mapper.finishReason = toUIFinishReason(part.finishReason);
    mapper.usage = addUsage(mapper.usage, part.usage);
    if (mapper.stepOpen === 'synthetic') mapper.closeStep();
  },
  error: (_mapper, part) => {
    // A model stream's in-band error is its last part: fail the stream like a thrown error.
    throw part.error;
  },
};

function toolResultChunk(mapper: UIChunkMapper, part: ToolResultContent): UIMessageChunk {
  if (mapper.deniedCalls.has(part.toolCallId))
    return { type: 'tool-output-denied', toolCallId: part.toolCallId };
  const common = {
    toolCallId: part.toolCallId,
    ...(part.providerExecuted ? { providerExecuted: true } : {}),
    ...(mapper.options.dynamicTools ? { dynamic: true } : {}),
  };
  const result = part.output;
  const extra = { clientMetadata: part.clientMetadata, stopTurn: part.stopTurn ? true : undefined };
  if (result?.type === 'error') {
    const metadata = withFantasyMetadata(part.providerMetadata, extra);
    return { type: 'tool-output-error', ...common, errorText: result.error, ...metadataField(metadata) };
  }
  // Provider-executed results may carry their payload only in metadata.
  const output = result === undefined ? { output: null, outputType: undefined } : toUIToolOutput(result);
  const metadata = withFantasyMetadata(part.providerMetadata, {
    ...extra,
    output: output.outputType,
    noResult: result === undefined ? true : undefined,
  });
  return { type: 'tool-output-available', ...common, output: output.output, ...metadataField(metadata) };
}

function sourceChunk(part: StreamPartOf<'source'>): UIMessageChunk {
  if (part.sourceType === 'url') {
    return {
      type: 'source-url',
      sourceId: part.id,
      url: part.url ?? '',
      ...(part.title === undefined ? {} : { title: part.title }),
      ...metadataOf(part),
    };
  }
  return {
    type: 'source-document',
    sourceId: part.id,
    mediaType: part.mediaType ?? 'application/octet-stream',
    title: part.title ?? part.filename ?? '',
    ...(part.filename === undefined ? {} : { filename: part.filename }),
    ...metadataOf(part),
  };
}

/** Fantasy's `unknown` has no UI spelling; `other` is the protocol's catch-all. */
export function toUIFinishReason(reason: FinishReason): UIFinishReason {
  return reason === 'unknown' ? 'other' : reason;
}

function metadataOf(part: { providerMetadata?: Record<string, Record<string, unknown>> }) {
  return metadataField(part.providerMetadata);
}

function metadataField(metadata: Record<string, Record<string, unknown>> | undefined) {
  return metadata === undefined ? {} : { providerMetadata: metadata };
}

function parseInput(input: string): unknown {
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** Whether the parsed input serializes back to the model's exact text (then it need not be kept). */
function sameJson(parsed: unknown, text: string): boolean {
  try {
    return JSON.stringify(parsed) === text;
  } catch {
    return false;
  }
}
