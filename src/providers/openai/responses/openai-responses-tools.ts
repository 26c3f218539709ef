// Type-only: the agent's executable-tool shape, so client-run tools (shell, apply_patch, custom) reach the
// caller's executor without the provider importing agent code.
import type { ExecutableProviderTool } from '../../../agent/executable-provider-tool.js';
import type { ToolOutcome } from '../../../agent/tool.js';
import type { ProviderDefinedTool } from '../../../spec/tool.js';
import { webSearchTool } from './openai-web-search-tool.js';

/** The ids of OpenAI's Responses tools. */
export const openAIToolIds = {
  codeInterpreter: 'openai.code_interpreter',
  fileSearch: 'openai.file_search',
  imageGeneration: 'openai.image_generation',
  mcp: 'openai.mcp',
  shell: 'openai.shell',
  localShell: 'openai.local_shell',
  applyPatch: 'openai.apply_patch',
  custom: 'openai.custom',
  toolSearch: 'openai.tool_search',
} as const;

/** Settings of the code interpreter. */
export interface CodeInterpreterArgs {
  /** A container id to reuse, or an automatic container with these files. @default { type: 'auto' } */
  container?: string | { fileIds?: string[]; memoryLimit?: string };
}

/** Settings of file search over vector stores. */
export interface FileSearchArgs {
  vectorStoreIds: string[];
  maxNumResults?: number;
  ranking?: { ranker?: string; scoreThreshold?: number };
  /** An attribute filter, as OpenAI documents it. */
  filters?: Record<string, unknown>;
}

/** Settings of image generation. */
export interface ImageGenerationArgs {
  /** Partial images streamed before the final one (0–3). */
  partialImages?: number;
  quality?: 'low' | 'medium' | 'high' | 'auto';
  size?: string;
  background?: 'transparent' | 'opaque' | 'auto';
  outputFormat?: 'png' | 'jpeg' | 'webp';
  outputCompression?: number;
  moderation?: 'auto' | 'low';
  model?: string;
  inputFidelity?: 'low' | 'high';
}

/** A remote MCP server OpenAI calls on the model's behalf. */
export interface McpArgs {
  serverLabel: string;
  serverUrl?: string;
  /** A connector instead of a URL, e.g. `connector_gmail`. */
  connectorId?: string;
  /** An OAuth access token OpenAI sends to the server. Never logged. */
  authorization?: string;
  headers?: Record<string, string>;
  serverDescription?: string;
  allowedTools?: string[];
  /** Which calls wait for your approval. @default 'always' (OpenAI's default) */
  requireApproval?: 'always' | 'never' | { never?: string[]; always?: string[] };
}

/** A custom (freeform) tool: the model writes plain text, optionally constrained by a grammar. */
export interface CustomToolArgs {
  name: string;
  description?: string;
  format?: { type: 'text' } | { type: 'grammar'; syntax: 'lark' | 'regex'; definition: string };
}

/** Runs what a client-executed OpenAI tool asks for; the input is the call's action or operation. */
export type OpenAIToolExecutor<Input> = (input: Input) => ToolOutcome | Promise<ToolOutcome>;

/** What the shell tool asks to run. */
export interface ShellAction {
  commands: string[];
  timeout_ms?: number | null;
  max_output_length?: number | null;
}

/** What the local shell tool asks to run. */
export interface LocalShellAction {
  type: 'exec';
  command: string[];
  env?: Record<string, string>;
  working_directory?: string | null;
  timeout_ms?: number | null;
  user?: string | null;
}

/** A file change the apply_patch tool asks for; `diff` is in the V4A diff format. */
export interface ApplyPatchOperation {
  type: 'create_file' | 'update_file' | 'delete_file';
  path: string;
  diff?: string;
}

function defined(id: string, name: string, args: object = {}): ProviderDefinedTool {
  return { type: 'provider-defined', id, name, args: { ...args } };
}

function executable<Input>(
  definition: ProviderDefinedTool,
  execute: OpenAIToolExecutor<Input>,
): ExecutableProviderTool {
  return {
    type: 'executable-provider-defined',
    name: definition.name,
    definition,
    execute: (input) => execute(input as Input),
  };
}

/**
 * OpenAI's Responses tools, as `openai.tools.*`. Hosted tools (code interpreter, file search, image
 * generation, MCP, tool search, web search) run at OpenAI and come back as provider-executed tool parts;
 * shell, local shell, apply_patch and custom tools run in your executor.
 *
 * @example
 * const openai = createOpenAI();
 * const tools = [openai.tools.codeInterpreter(), openai.tools.imageGeneration({ partialImages: 2 })];
 */
export const openaiTools = {
  webSearch: webSearchTool,
  codeInterpreter: (args: CodeInterpreterArgs = {}) =>
    defined(openAIToolIds.codeInterpreter, 'code_interpreter', args),
  fileSearch: (args: FileSearchArgs) => defined(openAIToolIds.fileSearch, 'file_search', args),
  imageGeneration: (args: ImageGenerationArgs = {}) =>
    defined(openAIToolIds.imageGeneration, 'image_generation', args),
  mcp: (args: McpArgs) => defined(openAIToolIds.mcp, `mcp_${args.serverLabel}`, args),
  toolSearch: () => defined(openAIToolIds.toolSearch, 'tool_search'),
  /** The shell tool: each call's `{ commands }` reaches `execute`; return its output (see `shellOutput`). */
  shell: (execute: OpenAIToolExecutor<ShellAction>) =>
    executable(defined(openAIToolIds.shell, 'shell'), execute),
  /** The local shell tool (codex models): each `exec` action reaches `execute`; its text goes back. */
  localShell: (execute: OpenAIToolExecutor<LocalShellAction>) =>
    executable(defined(openAIToolIds.localShell, 'local_shell'), execute),
  /** apply_patch: each file operation reaches `execute`; text is success, an error outcome a failure. */
  applyPatch: (execute: OpenAIToolExecutor<ApplyPatchOperation>) =>
    executable(defined(openAIToolIds.applyPatch, 'apply_patch'), execute),
  /** A custom tool; `execute` gets the model's text. */
  custom: (args: CustomToolArgs & { execute: OpenAIToolExecutor<string> }) => {
    const { execute, ...definition } = args;
    return executable<{ input: string }>(defined(openAIToolIds.custom, args.name, definition), (input) =>
      execute(input.input),
    );
  },
};

/**
 * The text a shell executor returns: one entry per command, as `shell_call_output` carries it.
 *
 * @example
 * const shell = openaiTools.shell(async ({ commands }) => shellOutput(commands.map(run)));
 */
export function shellOutput(
  results: Array<{ stdout: string; stderr: string; exitCode?: number; timedOut?: boolean }>,
): string {
  return JSON.stringify(
    results.map((result) => ({
      stdout: result.stdout,
      stderr: result.stderr,
      outcome: result.timedOut ? { type: 'timeout' } : { type: 'exit', exit_code: result.exitCode ?? 0 },
    })),
  );
}
