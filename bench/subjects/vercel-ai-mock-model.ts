import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

/** The V4 stream part type, taken from the mock so no `@ai-sdk/provider` import is needed. */
type StreamPart =
  Awaited<ReturnType<MockLanguageModelV4['doStream']>>['stream'] extends ReadableStream<infer Part>
    ? Part
    : never;

/**
 * The AI SDK's own mock model, scripted like fantasy-ts's fake: it calls `lookup` unless the prompt already
 * ends with a tool result, then answers. Streams come from `convertArrayToReadableStream` (no timers).
 */
export function createAiMockAgentModel(): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async (options) => {
      const answered = options.prompt.at(-1)?.role === 'tool';
      return {
        content: answered ? [{ type: 'text', text: 'Paris is found.' }] : [toolCall],
        finishReason: answered ? stop : toolCalls,
        usage,
        warnings: [],
      };
    },
    doStream: async (options) => {
      const answered = options.prompt.at(-1)?.role === 'tool';
      return { stream: convertArrayToReadableStream(answered ? answerParts() : toolCallParts()) };
    },
  });
}

const usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 0, text: 0, reasoning: undefined },
};
const stop = { unified: 'stop', raw: 'stop' } as const;
const toolCalls = { unified: 'tool-calls', raw: 'tool_calls' } as const;
const toolCall = {
  type: 'tool-call',
  toolCallId: 'call-1',
  toolName: 'lookup',
  input: '{"query":"Paris"}',
} as const;

function toolCallParts(): StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'tool-input-start', id: 'call-1', toolName: 'lookup' },
    { type: 'tool-input-delta', id: 'call-1', delta: '{"query":"Paris"}' },
    { type: 'tool-input-end', id: 'call-1' },
    toolCall,
    { type: 'finish', finishReason: toolCalls, usage },
  ];
}

function answerParts(): StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 'text-1' },
    { type: 'text-delta', id: 'text-1', delta: 'Paris is found.' },
    { type: 'text-end', id: 'text-1' },
    { type: 'finish', finishReason: stop, usage },
  ];
}

/** The AI SDK's mock model calling `lookup` on every step, never answering; `onCall` runs at each call. */
export function createAiLoopingModel(onCall: () => void): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => {
      onCall();
      return { content: [toolCall], finishReason: toolCalls, usage, warnings: [] };
    },
    doStream: async () => {
      onCall();
      return { stream: convertArrayToReadableStream(toolCallParts()) };
    },
  });
}
