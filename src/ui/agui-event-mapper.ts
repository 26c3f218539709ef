import type { ToolResultContent } from '../spec/content.js';
import type { ProviderMetadata } from '../spec/provider-options.js';
import { addUsage, emptyUsage, type Usage } from '../spec/usage.js';
import type { AGUIEvent, AGUIInterrupt } from './agui-event.js';
import type { UISourcePart } from './ui-stream-source.js';

type Handler<P> = (mapper: AGUIEventMapper, part: P) => void;
type Handlers = { [T in UISourcePart['type']]: Handler<Extract<UISourcePart, { type: T }>> };

/**
 * Turns source parts into AG-UI events. Message ids are scoped by run and step (`<runId>:<step>:<id>`),
 * because providers reuse block ids across steps while AG-UI clients key messages by id. Provider metadata
 * (reasoning signatures, Gemini thought signatures on tool calls) travels as REASONING_ENCRYPTED_VALUE, JSON
 * text that `fromAGUIInput` reads back.
 */
export class AGUIEventMapper {
  readonly out: AGUIEvent[] = [];
  readonly interrupts: AGUIInterrupt[] = [];
  readonly startedCalls = new Set<string>();
  readonly openText = new Set<string>();
  readonly openReasoning = new Map<string, ProviderMetadata | undefined>();
  step = 0;
  stepOpen: 'agent' | 'synthetic' | undefined;
  lastTextMessageId: string | undefined;
  usage: Usage = emptyUsage();

  constructor(readonly runId: string) {}

  map(part: UISourcePart): AGUIEvent[] {
    this.out.length = 0;
    if (this.stepOpen === undefined && part.type !== 'step-start' && part.type !== 'warnings') {
      this.openStep('synthetic');
    }
    (handlers[part.type] as Handler<UISourcePart>)(this, part);
    return this.out;
  }

  messageId(blockId: string): string {
    return `${this.runId}:${this.step}:${blockId}`;
  }

  openStep(kind: 'agent' | 'synthetic'): void {
    this.stepOpen = kind;
    this.out.push({ type: 'STEP_STARTED', stepName: `step-${this.step}` });
  }

  closeStep(): void {
    for (const id of this.openText) this.out.push({ type: 'TEXT_MESSAGE_END', messageId: id });
    this.openText.clear();
    for (const id of [...this.openReasoning.keys()]) endReasoning(this, id, undefined);
    if (this.stepOpen === undefined) return;
    this.out.push({ type: 'STEP_FINISHED', stepName: `step-${this.step}` });
    this.stepOpen = undefined;
    this.step++;
  }

  startCall(toolCallId: string, toolName: string): void {
    if (this.startedCalls.has(toolCallId)) return;
    this.startedCalls.add(toolCallId);
    this.out.push({
      type: 'TOOL_CALL_START',
      toolCallId,
      toolCallName: toolName,
      ...(this.lastTextMessageId === undefined ? {} : { parentMessageId: this.lastTextMessageId }),
    });
  }
}

function startReasoning(mapper: AGUIEventMapper, id: string, metadata: ProviderMetadata | undefined): string {
  const messageId = mapper.messageId(`reasoning-${id}`);
  if (!mapper.openReasoning.has(messageId)) {
    mapper.openReasoning.set(messageId, metadata);
    mapper.out.push({ type: 'REASONING_START', messageId });
    mapper.out.push({ type: 'REASONING_MESSAGE_START', messageId, role: 'reasoning' });
  } else if (metadata !== undefined) mapper.openReasoning.set(messageId, metadata);
  return messageId;
}

function endReasoning(
  mapper: AGUIEventMapper,
  messageId: string,
  metadata: ProviderMetadata | undefined,
): void {
  const kept = metadata ?? mapper.openReasoning.get(messageId);
  mapper.openReasoning.delete(messageId);
  mapper.out.push({ type: 'REASONING_MESSAGE_END', messageId });
  if (kept !== undefined) {
    mapper.out.push({
      type: 'REASONING_ENCRYPTED_VALUE',
      subtype: 'message',
      entityId: messageId,
      encryptedValue: JSON.stringify(kept),
    });
  }
  mapper.out.push({ type: 'REASONING_END', messageId });
}

const handlers: Handlers = {
  warnings: () => {},
  'step-start': (mapper) => {
    if (mapper.stepOpen !== undefined) mapper.closeStep();
    mapper.openStep('agent');
  },
  'step-finish': (mapper) => mapper.closeStep(),
  'text-start': (mapper, part) => {
    const messageId = mapper.messageId(part.id);
    if (mapper.openText.has(messageId)) return;
    mapper.openText.add(messageId);
    mapper.lastTextMessageId = messageId;
    mapper.out.push({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' });
  },
  'text-delta': (mapper, part) => {
    handlers['text-start'](mapper, { type: 'text-start', id: part.id });
    // AG-UI rejects empty content deltas.
    if (part.delta !== '')
      mapper.out.push({
        type: 'TEXT_MESSAGE_CONTENT',
        messageId: mapper.messageId(part.id),
        delta: part.delta,
      });
  },
  'text-end': (mapper, part) => {
    const messageId = mapper.messageId(part.id);
    if (mapper.openText.delete(messageId)) mapper.out.push({ type: 'TEXT_MESSAGE_END', messageId });
  },
  'reasoning-start': (mapper, part) => {
    startReasoning(mapper, part.id, part.providerMetadata);
  },
  'reasoning-delta': (mapper, part) => {
    const messageId = startReasoning(mapper, part.id, part.providerMetadata);
    if (part.delta !== '')
      mapper.out.push({ type: 'REASONING_MESSAGE_CONTENT', messageId, delta: part.delta });
  },
  'reasoning-end': (mapper, part) => {
    const messageId = startReasoning(mapper, part.id, undefined);
    endReasoning(mapper, messageId, part.providerMetadata);
  },
  'tool-input-start': (mapper, part) => mapper.startCall(part.id, part.toolName),
  'tool-input-delta': (mapper, part) => {
    if (part.delta !== '')
      mapper.out.push({ type: 'TOOL_CALL_ARGS', toolCallId: part.id, delta: part.delta });
  },
  'tool-input-end': () => {},
  'tool-call': (mapper, part) => {
    const streamed = mapper.startedCalls.has(part.toolCallId);
    mapper.startCall(part.toolCallId, part.toolName);
    if (!streamed && part.input !== '')
      mapper.out.push({ type: 'TOOL_CALL_ARGS', toolCallId: part.toolCallId, delta: part.input });
    mapper.out.push({ type: 'TOOL_CALL_END', toolCallId: part.toolCallId });
    if (part.providerMetadata !== undefined) {
      mapper.out.push({
        type: 'REASONING_ENCRYPTED_VALUE',
        subtype: 'tool-call',
        entityId: part.toolCallId,
        encryptedValue: JSON.stringify(part.providerMetadata),
      });
    }
  },
  'tool-approval-request': (mapper, part) => {
    mapper.interrupts.push({
      id: part.approvalId,
      reason: 'tool_approval',
      message: `Approve the call to ${part.toolName}?`,
      toolCallId: part.toolCallId,
      metadata: { toolName: part.toolName, input: part.input },
    });
  },
  'tool-result': (mapper, part) => {
    mapper.out.push({
      type: 'TOOL_CALL_RESULT',
      messageId: `${mapper.runId}:result:${part.toolCallId}`,
      toolCallId: part.toolCallId,
      content: resultText(part),
      role: 'tool',
    });
  },
  source: () => {},
  file: () => {},
  finish: (mapper, part) => {
    mapper.usage = addUsage(mapper.usage, part.usage);
    if (mapper.stepOpen === 'synthetic') mapper.closeStep();
  },
  error: (_mapper, part) => {
    throw part.error;
  },
};

function resultText(part: ToolResultContent): string {
  const result = part.output;
  switch (result?.type) {
    case undefined:
      return '';
    case 'text':
      return result.text;
    case 'error':
      return result.error;
    case 'json':
      return JSON.stringify(result.value);
    case 'media':
      return result.text ?? `[${result.mediaType}]`;
  }
}
