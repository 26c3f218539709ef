import { createAnthropic } from '../../src/providers/anthropic/index.js';
import { createGoogle } from '../../src/providers/google/index.js';
import { createOpenAI } from '../../src/providers/openai/index.js';
import type { LanguageModel } from '../../src/spec/language-model.js';

/** A model on a real provider whose `fetch` answers with scripted JSON bodies and keeps every request body. */
export interface ScriptedProviderModel {
  model: LanguageModel;
  /** Parsed JSON of every request, in order. */
  requests: Array<Record<string, unknown>>;
}

/** The providers whose request bodies tests compare, each able to ask for one tool call and then answer text. */
export const scriptedProviders = ['openai', 'anthropic', 'google'] as const;
export type ScriptedProvider = (typeof scriptedProviders)[number];

/**
 * A model of `provider` that first asks for `toolName` with `input` (one call per entry), then answers "done".
 * The responses follow each provider's documented non-streaming response shape.
 */
export function scriptedToolCallingModel(
  provider: ScriptedProvider,
  calls: Array<{ toolName: string; input: Record<string, unknown> }>,
): ScriptedProviderModel {
  const requests: Array<Record<string, unknown>> = [];
  const answers = [toolCallResponse(provider, calls), textResponse(provider, 'done')];
  const fetch: typeof globalThis.fetch = async (_url, init) => {
    requests.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
    const body = answers[Math.min(requests.length - 1, answers.length - 1)];
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const settings = { apiKey: 'test-key', fetch };
  if (provider === 'openai') return { model: createOpenAI(settings).chat('gpt-4o'), requests };
  if (provider === 'anthropic')
    return { model: createAnthropic(settings).languageModel('claude-sonnet-4-5'), requests };
  return { model: createGoogle(settings).languageModel('gemini-2.5-flash'), requests };
}

function toolCallResponse(
  provider: ScriptedProvider,
  calls: Array<{ toolName: string; input: Record<string, unknown> }>,
) {
  if (provider === 'openai') {
    const toolCalls = calls.map((call, index) => ({
      id: `call_${index}`,
      type: 'function',
      function: { name: call.toolName, arguments: JSON.stringify(call.input) },
    }));
    return chatCompletion({ role: 'assistant', content: null, tool_calls: toolCalls }, 'tool_calls');
  }
  if (provider === 'anthropic') {
    const content = calls.map((call, index) => ({
      type: 'tool_use',
      id: `toolu_${index}`,
      name: call.toolName,
      input: call.input,
    }));
    return anthropicMessage(content, 'tool_use');
  }
  const parts = calls.map((call) => ({ functionCall: { name: call.toolName, args: call.input } }));
  return geminiResponse(parts);
}

function textResponse(provider: ScriptedProvider, text: string) {
  if (provider === 'openai') return chatCompletion({ role: 'assistant', content: text }, 'stop');
  if (provider === 'anthropic') return anthropicMessage([{ type: 'text', text }], 'end_turn');
  return geminiResponse([{ text }]);
}

function chatCompletion(message: Record<string, unknown>, finishReason: string) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'gpt-4o',
    choices: [{ index: 0, message, finish_reason: finishReason }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function anthropicMessage(content: unknown[], stopReason: string) {
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content,
    stop_reason: stopReason,
    usage: { input_tokens: 1, output_tokens: 1 },
  };
}

function geminiResponse(parts: unknown[]) {
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP' }],
    usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
  };
}
