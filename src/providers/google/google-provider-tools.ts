import type { ProviderDefinedTool } from '../../spec/tool.js';

/** The ids of Gemini's built-in tools. */
export const googleToolIds = {
  googleSearch: 'google.google_search',
  urlContext: 'google.url_context',
  codeExecution: 'google.code_execution',
  fileSearch: 'google.file_search',
  googleMaps: 'google.google_maps',
} as const;

/** Settings of file search over Gemini File Search stores. */
export interface GoogleFileSearchArgs {
  /** Store names, e.g. `fileSearchStores/my-store-123`. */
  fileSearchStoreNames: string[];
  /** A metadata filter expression, e.g. `author = "Ada"`. */
  metadataFilter?: string;
  topK?: number;
}

function defined(id: string, name: string, args: object = {}): ProviderDefinedTool {
  return { type: 'provider-defined', id, name, args: { ...args } };
}

/**
 * Gemini's built-in tools, as `google.tools.*`. Grounding (search, URL context, file search, maps) comes
 * back as `source` parts with the grounding metadata in `providerMetadata.google`; code execution as
 * provider-executed tool parts.
 *
 * @example
 * const google = createGoogle();
 * const tools = [google.tools.googleSearch(), google.tools.codeExecution()];
 */
export const googleTools = {
  googleSearch: () => defined(googleToolIds.googleSearch, 'google_search'),
  urlContext: () => defined(googleToolIds.urlContext, 'url_context'),
  codeExecution: () => defined(googleToolIds.codeExecution, 'code_execution'),
  fileSearch: (args: GoogleFileSearchArgs) => defined(googleToolIds.fileSearch, 'file_search', args),
  googleMaps: () => defined(googleToolIds.googleMaps, 'google_maps'),
};

const converters: Record<string, (args: Record<string, unknown>) => Record<string, unknown>> = {
  [googleToolIds.googleSearch]: () => ({ googleSearch: {} }),
  [googleToolIds.urlContext]: () => ({ urlContext: {} }),
  [googleToolIds.codeExecution]: () => ({ codeExecution: {} }),
  [googleToolIds.googleMaps]: () => ({ googleMaps: {} }),
  [googleToolIds.fileSearch]: (args) => {
    const typed = args as unknown as GoogleFileSearchArgs;
    return {
      fileSearch: {
        fileSearchStoreNames: typed.fileSearchStoreNames,
        ...(typed.metadataFilter ? { metadataFilter: typed.metadataFilter } : {}),
        ...(typed.topK !== undefined ? { topK: typed.topK } : {}),
      },
    };
  },
};

/** The `tools` entry of a built-in tool (one object per tool); `undefined` for ids Gemini does not have. */
export function convertGoogleProviderTool(tool: ProviderDefinedTool): Record<string, unknown> | undefined {
  return converters[tool.id]?.(tool.args ?? {});
}
