import type { CallOptions } from '../../spec/call-options.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { Tool, ToolChoice } from '../../spec/tool.js';
import { convertToOpenAIChatMessages } from './convert-to-openai-chat-messages.js';
import type { ChatDialect } from './openai-chat-dialect.js';
import { openAIModelRules } from './openai-model-rules.js';

/** A chat-completions request body and the warnings found while building it. */
export interface ChatRequest {
  body: Record<string, unknown>;
  warnings: CallWarning[];
}

const samplingFields: Array<[keyof CallOptions, string]> = [
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
  ['frequencyPenalty', 'frequency_penalty'],
  ['presencePenalty', 'presence_penalty'],
];

/** Builds the body of `POST /chat/completions` for a call. */
export function buildChatRequest(options: {
  modelId: string;
  call: CallOptions;
  dialect: ChatDialect;
  stream: boolean;
}): ChatRequest {
  const { modelId, call, dialect } = options;
  const rules = openAIModelRules(modelId);
  const { messages, warnings } = dialect.convertMessages
    ? dialect.convertMessages(call.prompt, { modelId })
    : convertToOpenAIChatMessages(call.prompt, dialect.history);
  const body: Record<string, unknown> = { model: modelId, messages };
  if (call.maxOutputTokens !== undefined) {
    body[rules.reasoning ? 'max_completion_tokens' : 'max_tokens'] = call.maxOutputTokens;
  }
  for (const [field, wire] of samplingFields) {
    const value = call[field];
    if (value === undefined) continue;
    if (rules.reasoning || (rules.searchPreview && wire === 'temperature')) {
      warnings.push({
        type: 'unsupported-setting',
        setting: field,
        details: `${field} is not supported by ${modelId}`,
      });
      continue;
    }
    body[wire] = value;
  }
  if (call.topK !== undefined) warnings.push({ type: 'unsupported-setting', setting: 'topK' });
  dialect.applyProviderOptions({
    body,
    options: call.providerOptions?.[dialect.optionsKey],
    modelId,
    warnings,
  });
  applyTools(body, call.tools, call.toolChoice, warnings);
  if (call.responseFormat !== undefined) applyResponseFormat(body, call.responseFormat);
  if (options.stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return { body, warnings };
}

function applyTools(
  body: Record<string, unknown>,
  tools: readonly Tool[] | undefined,
  toolChoice: ToolChoice | undefined,
  warnings: CallWarning[],
): void {
  const functions = [];
  for (const tool of tools ?? []) {
    if (tool.type === 'provider-defined') {
      warnings.push({
        type: 'unsupported-tool',
        tool,
        details: `provider-defined tool ${tool.id} is not supported`,
      });
      continue;
    }
    functions.push({
      type: 'function',
      function: {
        name: tool.name,
        description: tool.description,
        parameters: tool.inputSchema,
        strict: false,
      },
    });
  }
  if (functions.length === 0) return;
  body.tools = functions;
  if (toolChoice === undefined) return;
  body.tool_choice =
    typeof toolChoice === 'string'
      ? toolChoice
      : { type: 'function', function: { name: toolChoice.toolName } };
}

/** Native JSON mode: a strict `json_schema` response format with closed objects. */
function applyResponseFormat(
  body: Record<string, unknown>,
  format: NonNullable<CallOptions['responseFormat']>,
): void {
  if (format.schema === undefined) {
    body.response_format = { type: 'json_object' };
    return;
  }
  body.response_format = {
    type: 'json_schema',
    json_schema: {
      name: format.name ?? 'response',
      description: format.description ?? '',
      schema: closeObjects(format.schema),
      strict: true,
    },
  };
}

const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'definitions']);
const schemaValues = new Set([
  'items',
  'additionalProperties',
  'not',
  'anyOf',
  'allOf',
  'oneOf',
  'prefixItems',
]);

/** Copies a schema with `additionalProperties: false` on every object, as OpenAI's strict mode requires. */
export function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (schemaMaps.has(key) && typeof value === 'object' && value !== null) {
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, child]) => [name, closeObjects(child)]),
      );
    } else copy[key] = schemaValues.has(key) ? closeObjects(value) : value;
  }
  if (copy.type === 'object' || copy.properties !== undefined) copy.additionalProperties = false;
  return copy;
}
