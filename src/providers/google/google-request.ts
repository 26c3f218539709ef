import type { CallOptions, ResponseFormat } from '../../spec/call-options.js';
import type { CallWarning } from '../../spec/call-warning.js';
import type { FunctionTool, Tool, ToolChoice } from '../../spec/tool.js';
import { convertJsonSchemaToGemini } from './convert-json-schema-to-gemini.js';
import { convertToGoogleContents } from './convert-to-google-contents.js';
import type { GoogleFunctionDeclaration } from './google-api.js';
import { applyGoogleOptions } from './google-options.js';
import { convertGoogleProviderTool } from './google-provider-tools.js';

/** A `generateContent` request body and the warnings found while building it. */
export interface GoogleRequest {
  body: Record<string, unknown>;
  warnings: CallWarning[];
}

const samplingFields = [
  'maxOutputTokens',
  'temperature',
  'topK',
  'topP',
  'frequencyPenalty',
  'presencePenalty',
] as const;

/** Builds the body of `generateContent` / `streamGenerateContent` for a call (the two take the same body). */
export function buildGoogleRequest(options: {
  modelId: string;
  call: CallOptions;
  /** Vertex: function calls and responses go without ids. */
  vertex: boolean;
}): GoogleRequest {
  const { call } = options;
  const { systemInstruction, contents, warnings } = convertToGoogleContents(call.prompt, {
    omitFunctionCallIds: options.vertex,
    systemInFirstUserTurn: options.modelId.toLowerCase().startsWith('gemma-'),
  });
  const { thinkingConfig, ...topLevel } = applyGoogleOptions(call.providerOptions?.google, warnings);
  const generationConfig: Record<string, unknown> = {};
  for (const field of samplingFields) if (call[field] !== undefined) generationConfig[field] = call[field];
  if (thinkingConfig !== undefined) generationConfig.thinkingConfig = thinkingConfig;
  if (call.responseFormat !== undefined) Object.assign(generationConfig, jsonMode(call.responseFormat));
  const body: Record<string, unknown> = { contents, ...topLevel };
  if (systemInstruction !== undefined) body.systemInstruction = systemInstruction;
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  Object.assign(body, convertTools(call.tools, call.toolChoice, warnings));
  if (call.providerOptions?.google?.streamFunctionCallArguments === true) requestStreamedArguments(body);
  return { body, warnings };
}

/** Gemini 3 on Vertex streams a call's arguments in pieces (`partialArgs`) when asked. */
function requestStreamedArguments(body: Record<string, unknown>): void {
  const toolConfig = (body.toolConfig ?? {}) as Record<string, unknown>;
  const config = (toolConfig.functionCallingConfig ?? {}) as Record<string, unknown>;
  body.toolConfig = {
    ...toolConfig,
    functionCallingConfig: { ...config, streamFunctionCallArguments: true },
  };
}

/** Native JSON mode: the schema goes as `responseJsonSchema`, unchanged (Gemini reads standard JSON Schema there). */
function jsonMode(format: ResponseFormat): Record<string, unknown> {
  return {
    responseMimeType: 'application/json',
    ...(format.schema === undefined ? {} : { responseJsonSchema: format.schema }),
  };
}

/**
 * `tools` (function declarations first, then one entry per built-in tool) and `toolConfig`, present only
 * when there is a tool; the tool choice applies to function tools.
 */
function convertTools(
  tools: readonly Tool[] | undefined,
  toolChoice: ToolChoice | undefined,
  warnings: CallWarning[],
): Record<string, unknown> {
  const declarations: GoogleFunctionDeclaration[] = [];
  const builtIns: Record<string, unknown>[] = [];
  for (const tool of tools ?? []) {
    if (tool.type === 'function') {
      declarations.push(convertFunctionTool(tool, warnings));
      continue;
    }
    const builtIn = convertGoogleProviderTool(tool);
    if (builtIn) builtIns.push(builtIn);
    else
      warnings.push({
        type: 'unsupported-tool',
        tool,
        details: `provider-defined tool ${tool.id} is not supported by Gemini`,
      });
  }
  if (declarations.length === 0 && builtIns.length === 0) return {};
  const wire = [...(declarations.length > 0 ? [{ functionDeclarations: declarations }] : []), ...builtIns];
  const config =
    toolChoice === undefined || declarations.length === 0
      ? {}
      : { toolConfig: { functionCallingConfig: convertToolChoice(toolChoice) } };
  return { tools: wire, ...config };
}

function convertFunctionTool(tool: FunctionTool, warnings: CallWarning[]): GoogleFunctionDeclaration {
  const { schema, dropped } = convertJsonSchemaToGemini(tool.inputSchema);
  for (const { path, keyword, reason } of dropped) {
    warnings.push({
      type: 'unsupported-setting',
      setting: 'inputSchema',
      tool,
      details: `tool ${tool.name}: ${keyword} at ${path || '/'} was dropped: ${reason}`,
    });
  }
  const declaration: GoogleFunctionDeclaration = { name: tool.name, description: tool.description };
  // Gemini rejects an OBJECT without properties: a tool without arguments declares no parameters.
  const empty = schema.type === 'OBJECT' && Object.keys(schema.properties ?? {}).length === 0;
  if (!empty) declaration.parameters = schema;
  return declaration;
}

function convertToolChoice(toolChoice: ToolChoice): Record<string, unknown> {
  if (toolChoice === 'auto') return { mode: 'AUTO' };
  if (toolChoice === 'none') return { mode: 'NONE' };
  if (toolChoice === 'required') return { mode: 'ANY' };
  return { mode: 'ANY', allowedFunctionNames: [toolChoice.toolName] };
}
