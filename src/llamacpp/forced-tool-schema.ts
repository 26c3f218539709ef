import type { FunctionTool } from '../spec/tool.js';

/**
 * The JSON Schema a forced tool call is sampled under: `{ "name": <one of the tools>, "arguments": <its
 * input> }`, one branch per tool, so grammar-constrained sampling can only produce a valid call.
 */
export function forcedToolSchema(tools: readonly FunctionTool[]): Record<string, unknown> {
  const branches = tools.map((tool) => ({
    type: 'object',
    properties: { name: { const: tool.name }, arguments: tool.inputSchema },
    required: ['name', 'arguments'],
    additionalProperties: false,
  }));
  return branches.length === 1 ? (branches[0] as Record<string, unknown>) : { oneOf: branches };
}
