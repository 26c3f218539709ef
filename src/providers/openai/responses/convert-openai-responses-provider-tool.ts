import type { ProviderDefinedTool, Tool } from '../../../spec/tool.js';
import type {
  CodeInterpreterArgs,
  CustomToolArgs,
  FileSearchArgs,
  ImageGenerationArgs,
  McpArgs,
} from './openai-responses-tools.js';
import { openAIToolIds } from './openai-responses-tools.js';
import { xaiToolConverters } from './xai-responses-tools.js';

type Converter = (args: Record<string, unknown>) => Record<string, unknown>;

const converters: Record<string, Converter> = {
  ...xaiToolConverters,
  [openAIToolIds.codeInterpreter]: (args) => {
    const { container } = args as CodeInterpreterArgs;
    if (typeof container === 'string') return { type: 'code_interpreter', container };
    const auto: Record<string, unknown> = { type: 'auto' };
    if (container?.fileIds?.length) auto.file_ids = container.fileIds;
    if (container?.memoryLimit) auto.memory_limit = container.memoryLimit;
    return { type: 'code_interpreter', container: auto };
  },
  [openAIToolIds.fileSearch]: (args) => {
    const typed = args as unknown as FileSearchArgs;
    return compact({
      type: 'file_search',
      vector_store_ids: typed.vectorStoreIds,
      max_num_results: typed.maxNumResults,
      ranking_options:
        typed.ranking &&
        compact({ ranker: typed.ranking.ranker, score_threshold: typed.ranking.scoreThreshold }),
      filters: typed.filters,
    });
  },
  [openAIToolIds.imageGeneration]: (args) => {
    const typed = args as ImageGenerationArgs;
    return compact({
      type: 'image_generation',
      partial_images: typed.partialImages,
      quality: typed.quality,
      size: typed.size,
      background: typed.background,
      output_format: typed.outputFormat,
      output_compression: typed.outputCompression,
      moderation: typed.moderation,
      model: typed.model,
      input_fidelity: typed.inputFidelity,
    });
  },
  [openAIToolIds.mcp]: (args) => {
    const typed = args as unknown as McpArgs;
    const approval = typed.requireApproval;
    return compact({
      type: 'mcp',
      server_label: typed.serverLabel,
      server_url: typed.serverUrl,
      connector_id: typed.connectorId,
      authorization: typed.authorization,
      headers: typed.headers,
      server_description: typed.serverDescription,
      allowed_tools: typed.allowedTools,
      require_approval:
        typeof approval === 'object'
          ? compact({
              never: approval.never && { tool_names: approval.never },
              always: approval.always && { tool_names: approval.always },
            })
          : approval,
    });
  },
  [openAIToolIds.shell]: () => ({ type: 'shell' }),
  [openAIToolIds.localShell]: () => ({ type: 'local_shell' }),
  [openAIToolIds.applyPatch]: () => ({ type: 'apply_patch' }),
  [openAIToolIds.toolSearch]: () => ({ type: 'tool_search' }),
  [openAIToolIds.custom]: (args) => {
    const typed = args as unknown as CustomToolArgs;
    return compact({
      type: 'custom',
      name: typed.name,
      description: typed.description,
      format: typed.format,
    });
  },
};

/** The `tools` entry of one of `openaiTools`' hosted or client tools; `undefined` for other ids. */
export function convertOpenAIResponsesProviderTool(
  tool: ProviderDefinedTool,
): Record<string, unknown> | undefined {
  return converters[tool.id]?.(tool.args ?? {});
}

/** The object without its undefined fields. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** The names of the custom tools a call declares: `custom_tool_call`s naming anything else ran at the server. */
export function customToolNamesOf(tools: readonly Tool[] | undefined): Set<string> {
  const names = new Set<string>();
  for (const tool of tools ?? [])
    if (tool.type === 'provider-defined' && tool.id === openAIToolIds.custom) names.add(tool.name);
  return names;
}
