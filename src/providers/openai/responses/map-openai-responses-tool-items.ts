import type { Content, FileContent, ToolCallContent, ToolResultContent } from '../../../spec/content.js';
import type { JSONValue } from '../../../spec/json-value.js';
import { decodeBase64 } from '../../shared/base64.js';
import { mapCodeInterpreterFiles } from './map-openai-code-interpreter-files.js';
import type { ResponsesOutputItem } from './openai-responses-api.js';

/** The tool a hosted item reports under, and the JSON input its call shows. */
interface HostedItem {
  toolName: (item: ResponsesOutputItem) => string;
  input: (item: ResponsesOutputItem) => unknown;
  /** The typed result (the result's `output` as JSON); the whole item stays in the metadata. */
  result: (item: ResponsesOutputItem) => unknown;
}

/**
 * Items of tools OpenAI runs: each is one provider-executed call and its result. The result's metadata keeps
 * the item exactly as received (`providerMetadata.openai.item`), to send back on the next turn.
 */
export const hostedItems: Record<string, HostedItem> = {
  code_interpreter_call: {
    toolName: () => 'code_interpreter',
    input: (item) => ({ code: item.code ?? '', container_id: item.container_id ?? null }),
    result: (item) => ({ outputs: item.outputs ?? [] }),
  },
  file_search_call: {
    toolName: () => 'file_search',
    input: (item) => ({ queries: item.queries ?? [] }),
    result: (item) => ({ results: item.results ?? null }),
  },
  image_generation_call: {
    toolName: () => 'image_generation',
    input: () => ({}),
    // The image itself is the file part.
    result: (item) => ({ revised_prompt: item.revised_prompt ?? null }),
  },
  mcp_call: {
    toolName: (item) => item.name ?? 'mcp',
    input: (item) => parseJson(item.arguments),
    result: (item) => ({ output: item.output ?? null, error: item.error ?? null }),
  },
  mcp_list_tools: {
    toolName: () => 'mcp_list_tools',
    input: (item) => ({ server_label: item.server_label ?? '' }),
    result: (item) => ({ tools: item.tools ?? [] }),
  },
};

/** Items of OpenAI tools that your executor runs; the call keeps the item to send it back unchanged. */
export const clientItems: Record<
  string,
  { toolName: (item: ResponsesOutputItem) => string; input: (item: ResponsesOutputItem) => string }
> = {
  custom_tool_call: {
    toolName: (item) => item.name ?? '',
    input: (item) => JSON.stringify({ input: item.input ?? '' }),
  },
  shell_call: { toolName: () => 'shell', input: (item) => JSON.stringify(item.action ?? {}) },
  local_shell_call: { toolName: () => 'local_shell', input: (item) => JSON.stringify(item.action ?? {}) },
  apply_patch_call: { toolName: () => 'apply_patch', input: (item) => JSON.stringify(item.operation ?? {}) },
};

/**
 * A hosted item as its provider-executed call, the images it made (image generation, code interpreter
 * outputs), and its result.
 */
export function mapHostedItem(item: ResponsesOutputItem): Content[] {
  const hosted = hostedItems[item.type ?? ''];
  if (hosted === undefined) return [];
  const id = item.id ?? '';
  const toolName = hosted.toolName(item);
  const call: ToolCallContent = {
    type: 'tool-call',
    toolCallId: id,
    toolName,
    input: JSON.stringify(hosted.input(item)),
    providerExecuted: true,
    providerMetadata: { openai: { itemId: id, ...serverLabel(item) } },
  };
  const result: ToolResultContent = {
    type: 'tool-result',
    toolCallId: id,
    toolName,
    output: { type: 'json', value: hosted.result(item) as JSONValue },
    providerExecuted: true,
    providerMetadata: { openai: { itemId: id, item: { ...item }, ...(item.error ? { isError: true } : {}) } },
  };
  const image = imageOf(item);
  return [call, ...(image === undefined ? [] : [image]), ...mapCodeInterpreterFiles(item), result];
}

/**
 * True for a `custom_tool_call` of a tool the request did not declare: servers that run their own tools
 * (xAI's X and web search) report them this way. Without the declared names every custom call is ours.
 */
export function isServerCustomCall(
  item: ResponsesOutputItem,
  customToolNames: ReadonlySet<string> | undefined,
): boolean {
  return (
    item.type === 'custom_tool_call' && customToolNames !== undefined && !customToolNames.has(item.name ?? '')
  );
}

/**
 * A call the server ran under a custom tool name: a provider-executed call and an empty result. Neither is
 * sent back (the server reports no output item to pair it with).
 */
function mapServerCustomCall(item: ResponsesOutputItem): Content[] {
  const id = item.call_id ?? item.id ?? '';
  const toolName = item.name ?? '';
  const metadata = { providerMetadata: { openai: { itemId: item.id ?? '' } } };
  return [
    {
      type: 'tool-call',
      toolCallId: id,
      toolName,
      input: clientItems.custom_tool_call!.input(item),
      providerExecuted: true,
      ...metadata,
    },
    { type: 'tool-result', toolCallId: id, toolName, providerExecuted: true, ...metadata },
  ];
}

/** A client item as a tool call for your executor (or, for undeclared custom tools, the server's call). */
export function mapClientItem(item: ResponsesOutputItem, customToolNames?: ReadonlySet<string>): Content[] {
  if (isServerCustomCall(item, customToolNames)) return mapServerCustomCall(item);
  const client = clientItems[item.type ?? ''];
  if (client === undefined) return [];
  return [
    {
      type: 'tool-call',
      toolCallId: item.call_id ?? item.id ?? '',
      toolName: client.toolName(item),
      input: client.input(item),
      providerMetadata: { openai: { itemId: item.id ?? '', itemType: item.type ?? '', item: { ...item } } },
    },
  ];
}

/** The final image of an image generation call, as a file part. */
export function imageOf(item: ResponsesOutputItem): FileContent | undefined {
  if (item.type !== 'image_generation_call' || typeof item.result !== 'string' || item.result === '')
    return undefined;
  return {
    type: 'file',
    mediaType: `image/${item.output_format ?? 'png'}`,
    data: decodeBase64(item.result),
    providerMetadata: { openai: { itemId: item.id ?? '' } },
  };
}

function serverLabel(item: ResponsesOutputItem): { serverLabel?: string } {
  return typeof item.server_label === 'string' ? { serverLabel: item.server_label } : {};
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return { arguments: text };
  }
}
