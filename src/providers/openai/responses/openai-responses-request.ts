import type { CallOptions, ResponseFormat } from '../../../spec/call-options.js';
import type { CallWarning } from '../../../spec/call-warning.js';
import type { Tool, ToolChoice } from '../../../spec/tool.js';
import { closeObjects } from '../openai-chat-request.js';
import { applyOpenAIResponsesOptions, checkPreviousResponseId } from './apply-openai-responses-options.js';
import { convertOpenAIResponsesProviderTool } from './convert-openai-responses-provider-tool.js';
import { convertToOpenAIResponsesInput } from './convert-to-openai-responses-input.js';
import type { ResponsesTool } from './openai-responses-api.js';
import { openAIResponsesModelRules } from './openai-responses-model-rules.js';
import type { OpenAIResponsesOptions } from './openai-responses-options.js';
import { convertWebSearchTool, openAIWebSearchToolId } from './openai-web-search-tool.js';

/** A Responses request body and the warnings found while building it. */
export interface ResponsesRequest {
  body: Record<string, unknown>;
  warnings: CallWarning[];
}

/** Settings the Responses API has no field for: a warning each, never sent. */
const unsupportedSettings = ['topK', 'presencePenalty', 'frequencyPenalty'] as const;

const samplingFields = [
  ['temperature', 'temperature'],
  ['topP', 'top_p'],
] as const;

/** Builds the body of `POST /responses` for a call. `store` is always sent (`false` unless asked). */
export function buildResponsesRequest(options: {
  modelId: string;
  call: CallOptions;
  stream: boolean;
}): ResponsesRequest {
  const { modelId, call } = options;
  const rules = openAIResponsesModelRules(modelId);
  const providerOptions = (call.providerOptions?.openai ?? {}) as OpenAIResponsesOptions;
  checkPreviousResponseId(providerOptions, call.prompt);
  const { input, warnings } = convertToOpenAIResponsesInput(call.prompt, {
    systemMessageMode: rules.systemMessageMode,
    store: providerOptions.store === true,
  });
  const body: Record<string, unknown> = { model: modelId, input, store: providerOptions.store ?? false };
  if (call.maxOutputTokens !== undefined) body.max_output_tokens = call.maxOutputTokens;
  for (const setting of unsupportedSettings) {
    if (call[setting] !== undefined) warnings.push({ type: 'unsupported-setting', setting });
  }
  for (const [field, wire] of samplingFields) {
    if (call[field] === undefined) continue;
    if (rules.reasoning) {
      warnings.push({
        type: 'unsupported-setting',
        setting: field,
        details: `${field} is not supported for reasoning models`,
      });
    } else body[wire] = call[field];
  }
  applyOpenAIResponsesOptions({ body, options: providerOptions, rules, modelId, warnings });
  applyTools({ body, call, strict: providerOptions.strictJsonSchema ?? false, warnings });
  if (call.responseFormat !== undefined) applyTextFormat(body, call.responseFormat);
  if (options.stream) body.stream = true;
  return { body, warnings };
}

function applyTools(options: {
  body: Record<string, unknown>;
  call: CallOptions;
  strict: boolean;
  warnings: CallWarning[];
}): void {
  const tools: ResponsesTool[] = [];
  for (const tool of options.call.tools ?? []) {
    const converted = convertTool(tool, options.strict);
    if (converted) tools.push(converted);
    else
      options.warnings.push({
        type: 'unsupported-tool',
        tool,
        details: `tool ${tool.name} is not supported`,
      });
  }
  if (tools.length === 0) return;
  options.body.tools = tools;
  const choice = options.call.toolChoice;
  if (choice !== undefined) options.body.tool_choice = convertToolChoice(choice);
}

function convertTool(tool: Tool, strict: boolean): ResponsesTool | undefined {
  if (tool.type === 'function') {
    const wire: ResponsesTool = {
      type: 'function',
      name: tool.name,
      description: tool.description,
      parameters: tool.inputSchema,
      strict,
    };
    // Tool search: functions the model finds instead of seeing up front.
    if (tool.providerOptions?.openai?.deferLoading === true) Object.assign(wire, { defer_loading: true });
    return wire;
  }
  if (tool.id === openAIWebSearchToolId || tool.id === 'web_search') {
    return convertWebSearchTool(tool.args) as ResponsesTool;
  }
  return convertOpenAIResponsesProviderTool(tool) as ResponsesTool | undefined;
}

function convertToolChoice(choice: ToolChoice): unknown {
  return typeof choice === 'string' ? choice : { type: 'function', name: choice.toolName };
}

/**
 * Native JSON mode: `text.format` with the schema closed (`additionalProperties: false` on every object).
 * As Fantasy sends it: no `strict`, no `description`.
 */
function applyTextFormat(body: Record<string, unknown>, format: ResponseFormat): void {
  const jsonFormat =
    format.schema === undefined
      ? { type: 'json_object' }
      : { type: 'json_schema', name: format.name ?? 'response', schema: closeObjects(format.schema) };
  body.text = { ...(body.text as Record<string, unknown> | undefined), format: jsonFormat };
}
