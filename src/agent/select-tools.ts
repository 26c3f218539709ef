import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { FunctionTool, Tool } from '../spec/tool.js';
import {
  type ExecutableProviderTool,
  type ProviderTool,
  providerToolDefinition,
} from './executable-provider-tool.js';
import type { AgentTool } from './tool.js';

/** A tool the agent can run in a step: a function tool or an executable provider tool. */
export type StepTool = AgentTool | ExecutableProviderTool;

/** The tools of one step: what is sent, and what may run. */
export interface SelectedTools {
  /** Function tools first, then provider tools, in registration order. */
  tools: Tool[];
  /** By name: the tools a call may name. Calls to anything else are invalid. */
  runnable: Map<string, StepTool>;
}

/** Picks a step's tools. An empty `activeTools` means all; `disableAll` means none. */
export function selectTools(options: {
  tools: readonly AgentTool[];
  providerTools: readonly ProviderTool[];
  activeTools: readonly string[];
  disableAll: boolean;
}): SelectedTools {
  const selected: SelectedTools = { tools: [], runnable: new Map() };
  if (options.disableAll) return selected;
  const isActive = (name: string) => options.activeTools.length === 0 || options.activeTools.includes(name);
  for (const agentTool of options.tools) {
    if (!isActive(agentTool.name)) continue;
    rejectDuplicate(selected.runnable, agentTool);
    selected.tools.push(toFunctionTool(agentTool));
    selected.runnable.set(agentTool.name, agentTool);
  }
  for (const providerTool of options.providerTools) {
    const definition = providerToolDefinition(providerTool);
    if (!isActive(definition.name)) continue;
    selected.tools.push(definition);
    if (providerTool.type === 'executable-provider-defined')
      selected.runnable.set(definition.name, providerTool);
  }
  return selected;
}

/** Two tools with one name would shadow each other silently: say which two, and how to tell them apart. */
function rejectDuplicate(runnable: ReadonlyMap<string, StepTool>, agentTool: AgentTool): void {
  const existing = runnable.get(agentTool.name);
  if (existing === undefined) return;
  const describe = (candidate: StepTool) =>
    ('origin' in candidate && candidate.origin) || 'a tool passed to the agent';
  throw new InvalidArgumentError({
    argument: 'tools',
    message:
      `two tools are named "${agentTool.name}": ${describe(existing)} and ${describe(agentTool)}; ` +
      'rename one, or give MCP tools a prefix (client.tools({ prefix }))',
  });
}

/** The wire definition of a function tool. */
export function toFunctionTool(agentTool: AgentTool): FunctionTool {
  return {
    type: 'function',
    name: agentTool.name,
    description: agentTool.description,
    inputSchema: agentTool.inputSchema,
    ...(agentTool.providerOptions === undefined ? {} : { providerOptions: agentTool.providerOptions }),
  };
}
