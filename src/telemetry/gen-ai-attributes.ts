import type { CallOptions, SamplingOptions } from '../spec/call-options.js';
import type { Content } from '../spec/content.js';
import type { FinishReason } from '../spec/finish-reason.js';
import type { Message, MessagePart } from '../spec/message.js';
import type { Tool } from '../spec/tool.js';
import type { Usage } from '../spec/usage.js';
import type { TelemetryAttributes } from './telemetry-options.js';

// Names from the OpenTelemetry GenAI semantic conventions (Development status):
// https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/gen-ai-spans.md

/** `gen_ai.provider.name` for our provider names: the conventions' well-known values, else our name. */
export function genAIProviderName(provider: string): string {
  const name = provider.toLowerCase();
  const known: Array<[RegExp, string]> = [
    [/azure/, 'azure.ai.openai'],
    [/vertex/, 'gcp.vertex_ai'],
    [/google|gemini/, 'gcp.gemini'],
    [/bedrock/, 'aws.bedrock'],
    [/anthropic/, 'anthropic'],
    [/\bxai\b|x\.ai|x_ai|grok/, 'x_ai'],
    [/deepseek/, 'deepseek'],
    [/groq/, 'groq'],
    [/mistral/, 'mistral_ai'],
    [/perplexity/, 'perplexity'],
    [/cohere/, 'cohere'],
    [/^openai(?!-compat)/, 'openai'],
  ];
  return known.find(([pattern]) => pattern.test(name))?.[1] ?? provider;
}

/** Our finish reasons as the providers spell them (`tool_calls`, `content_filter`). */
export function genAIFinishReason(reason: FinishReason): string {
  return reason.replace('-', '_');
}

/** The request attributes of a model call. */
export function requestAttributes(options: {
  operation: string;
  provider: string;
  modelId: string;
  sampling: SamplingOptions;
}): TelemetryAttributes {
  const { sampling } = options;
  return {
    'gen_ai.operation.name': options.operation,
    'gen_ai.provider.name': genAIProviderName(options.provider),
    'gen_ai.request.model': options.modelId,
    'gen_ai.request.max_tokens': sampling.maxOutputTokens,
    'gen_ai.request.temperature': sampling.temperature,
    'gen_ai.request.top_p': sampling.topP,
    'gen_ai.request.top_k': sampling.topK,
    'gen_ai.request.presence_penalty': sampling.presencePenalty,
    'gen_ai.request.frequency_penalty': sampling.frequencyPenalty,
  };
}

/** The usage attributes; `input_tokens` counts every prompt token, cached ones included, as the conventions do. */
export function usageAttributes(usage: Usage): TelemetryAttributes {
  return {
    'gen_ai.usage.input_tokens': usage.inputTokens + usage.cacheReadTokens + usage.cacheCreationTokens,
    'gen_ai.usage.output_tokens': usage.outputTokens,
    'gen_ai.usage.cache_read.input_tokens': usage.cacheReadTokens,
    'gen_ai.usage.cache_creation.input_tokens': usage.cacheCreationTokens,
  };
}

/** Opt-in content of a request, in the conventions' JSON shapes. */
export function inputContentAttributes(call: Pick<CallOptions, 'prompt' | 'tools'>): TelemetryAttributes {
  const system = call.prompt.filter((message) => message.role === 'system');
  const rest = call.prompt.filter((message) => message.role !== 'system');
  return {
    'gen_ai.system_instructions':
      system.length === 0
        ? undefined
        : JSON.stringify(system.flatMap((message) => message.content.map(toPart))),
    'gen_ai.input.messages': JSON.stringify(rest.map(toChatMessage)),
    'gen_ai.tool.definitions': call.tools?.length
      ? JSON.stringify(call.tools.map(toToolDefinition))
      : undefined,
  };
}

/** Opt-in content of a response: one assistant message with its finish reason. */
export function outputContentAttributes(
  content: readonly Content[],
  finishReason: FinishReason,
): TelemetryAttributes {
  const parts = content.flatMap(contentToPart);
  return {
    'gen_ai.output.messages': JSON.stringify([
      { role: 'assistant', parts, finish_reason: genAIFinishReason(finishReason) },
    ]),
  };
}

function toChatMessage(message: Message): { role: string; parts: unknown[] } {
  return { role: message.role, parts: message.content.map(toPart) };
}

/** A message part as a conventions part; file bytes are not recorded, only their type. */
function toPart(part: MessagePart): unknown {
  switch (part.type) {
    case 'text':
      return { type: 'text', content: part.text };
    case 'reasoning':
      return { type: 'reasoning', content: part.text };
    case 'file':
      return { type: 'blob', mime_type: part.mediaType, modality: modalityOf(part.mediaType) };
    case 'tool-call':
      return {
        type: 'tool_call',
        id: part.toolCallId,
        name: part.toolName,
        arguments: parseJson(part.input),
      };
    case 'tool-result':
      return { type: 'tool_call_response', id: part.toolCallId, response: part.output };
    default:
      return { type: (part as { type: string }).type };
  }
}

function contentToPart(part: Content): unknown[] {
  switch (part.type) {
    case 'text':
      return [{ type: 'text', content: part.text }];
    case 'reasoning':
      return [{ type: 'reasoning', content: part.text }];
    case 'tool-call':
      return [
        { type: 'tool_call', id: part.toolCallId, name: part.toolName, arguments: parseJson(part.input) },
      ];
    case 'file':
      return [{ type: 'blob', mime_type: part.mediaType, modality: modalityOf(part.mediaType) }];
    default:
      return [];
  }
}

function toToolDefinition(tool: Tool): unknown {
  if (tool.type === 'function') {
    return { type: 'function', name: tool.name, description: tool.description, parameters: tool.inputSchema };
  }
  return { type: 'provider-defined', name: tool.name, id: tool.id };
}

function modalityOf(mediaType: string): string {
  const kind = mediaType.split('/')[0] ?? '';
  return ['image', 'audio', 'video'].includes(kind) ? kind : 'file';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
