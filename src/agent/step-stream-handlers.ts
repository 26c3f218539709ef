import type { CallWarning } from '../spec/call-warning.js';
import type { Content, ReasoningContent } from '../spec/content.js';
import type { ProviderMetadata } from '../spec/provider-options.js';
import type { StreamPart, StreamPartOf } from '../spec/stream-part.js';
import { TextBuilder } from '../text/text-builder.js';
import type { AgentStreamCallbacks } from './agent-stream-part.js';

/** A model stream part the agent forwards: every part but `error`, which fails the step. */
export type ModelPart = Exclude<StreamPart, { type: 'error' }>;

/** What a step has gathered from its stream so far. */
export interface StepStreamState {
  /** Committed content, in commit order. */
  content: Content[];
  /** Text blocks that started and have not ended, by id. */
  texts: Map<string, TextBuilder>;
  reasonings: Map<string, { deltas: TextBuilder; providerMetadata: ProviderMetadata | undefined }>;
  warnings: CallWarning[];
  finish: StreamPartOf<'finish'> | undefined;
}

/** A fresh state for one attempt of a step. */
export function createStepStreamState(): StepStreamState {
  return { content: [], texts: new Map(), reasonings: new Map(), warnings: [], finish: undefined };
}

type Handler<T extends ModelPart['type']> = (
  state: StepStreamState,
  part: Extract<ModelPart, { type: T }>,
  callbacks: AgentStreamCallbacks,
) => void | Promise<void>;

/**
 * One reducer per part type, following Fantasy: text and reasoning are committed at their end (only when
 * they started), tool calls at `tool-call` (the input deltas are only reported), results only for
 * provider-executed tools; the last `finish` wins. Each returns its hook's result, so a sync hook costs no
 * microtask tick.
 */
export const stepStreamHandlers: { [T in ModelPart['type']]: Handler<T> } = {
  warnings: (state, part, callbacks) => {
    state.warnings.push(...part.warnings);
    return callbacks.onWarnings?.(part.warnings);
  },
  'text-start': (state, part, callbacks) => {
    state.texts.set(part.id, new TextBuilder());
    return callbacks.onTextStart?.(part.id);
  },
  'text-delta': (state, part, callbacks) => {
    state.texts.get(part.id)?.append(part.delta);
    return callbacks.onTextDelta?.(part.id, part.delta);
  },
  'text-end': (state, part, callbacks) => {
    const deltas = state.texts.get(part.id);
    if (deltas !== undefined) {
      state.texts.delete(part.id);
      state.content.push({ type: 'text', text: deltas.toString(), ...metadataOf(part.providerMetadata) });
    }
    return callbacks.onTextEnd?.(part.id);
  },
  'reasoning-start': (state, part, callbacks) => {
    state.reasonings.set(part.id, { deltas: new TextBuilder(), providerMetadata: part.providerMetadata });
    return callbacks.onReasoningStart?.(part.id, {
      type: 'reasoning',
      text: '',
      ...metadataOf(part.providerMetadata),
    });
  },
  'reasoning-delta': (state, part, callbacks) => {
    const block = state.reasonings.get(part.id);
    block?.deltas.append(part.delta);
    if (block !== undefined && part.providerMetadata !== undefined)
      block.providerMetadata = part.providerMetadata;
    return callbacks.onReasoningDelta?.(part.id, part.delta);
  },
  'reasoning-end': (state, part, callbacks) => {
    const block = state.reasonings.get(part.id);
    if (block === undefined) return;
    state.reasonings.delete(part.id);
    const reasoning: ReasoningContent = {
      type: 'reasoning',
      text: block.deltas.toString(),
      ...metadataOf(part.providerMetadata ?? block.providerMetadata),
    };
    state.content.push(reasoning);
    return callbacks.onReasoningEnd?.(part.id, reasoning);
  },
  'tool-input-start': (_state, part, callbacks) => callbacks.onToolInputStart?.(part.id, part.toolName),
  'tool-input-delta': (_state, part, callbacks) => callbacks.onToolInputDelta?.(part.id, part.delta),
  'tool-input-end': (_state, part, callbacks) => callbacks.onToolInputEnd?.(part.id),
  'tool-call': (state, part, callbacks) => {
    state.content.push(part);
    return callbacks.onToolCall?.(part);
  },
  'tool-result': (state, part, callbacks) => {
    // Results of our own tools come from the agent, never from the model stream.
    if (!part.providerExecuted) return;
    state.content.push(part);
    return callbacks.onToolResult?.(part);
  },
  'tool-approval-request': (state, part, callbacks) => {
    // Only providers put approval requests on a model stream (tools they run once approved).
    state.content.push(part);
    return callbacks.onToolApprovalRequest?.(part);
  },
  source: (state, part, callbacks) => {
    state.content.push(part);
    return callbacks.onSource?.(part);
  },
  file: (state, part) => {
    state.content.push(part);
  },
  finish: (state, part, callbacks) => {
    state.finish = part;
    return callbacks.onStreamFinish?.(part);
  },
};

function metadataOf(providerMetadata: ProviderMetadata | undefined): { providerMetadata?: ProviderMetadata } {
  return providerMetadata === undefined ? {} : { providerMetadata };
}

/** Applies one part to the state and calls its specific hook. */
export function handleStepStreamPart(
  state: StepStreamState,
  part: ModelPart,
  callbacks: AgentStreamCallbacks,
): void | Promise<void> {
  // TypeScript cannot tie the table entry to the part's type; the table's mapped type guarantees it.
  const handler = stepStreamHandlers[part.type] as Handler<ModelPart['type']>;
  return handler(state, part as never, callbacks);
}
