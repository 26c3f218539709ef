import type { AgentTool } from '../agent/tool.js';
import type { MCPClient } from '../mcp/index.js';
import { CliUsageError } from './cli-usage-error.js';

/** The MCP servers of a chat: their tools, and how to end their sessions. */
export interface CliMCPServers {
  tools: AgentTool[];
  close(): Promise<void>;
}

/**
 * Connects to every `--mcp 'command args'` (a child process over stdio, with a minimal environment) and every
 * `--mcp-url URL` (Streamable HTTP). The MCP SDK is loaded only when one is given.
 */
export async function connectCliMCPServers(
  commands: readonly string[],
  urls: readonly string[],
): Promise<CliMCPServers> {
  const clients: MCPClient[] = [];
  const close = async () => {
    await Promise.allSettled(clients.map((client) => client.close()));
  };
  if (commands.length === 0 && urls.length === 0) return { tools: [], close };
  const { createMCPClient } = await import('../mcp/index.js').catch((error: unknown) => {
    throw new CliUsageError('--mcp needs the MCP SDK: npm install @modelcontextprotocol/sdk', {
      cause: error,
    });
  });
  try {
    for (const command of commands) {
      const [executable, ...args] = splitCommandLine(command);
      if (executable === undefined)
        throw new CliUsageError('--mcp needs a command, e.g. --mcp "npx -y some-server"');
      clients.push(await createMCPClient({ transport: { type: 'stdio', command: executable, args } }));
    }
    for (const url of urls) clients.push(await createMCPClient({ transport: { type: 'http', url } }));
    const tools: AgentTool[] = [];
    for (const client of clients) tools.push(...(await client.tools()));
    return { tools, close };
  } catch (error) {
    await close();
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`could not connect to an MCP server: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** Splits a command line on spaces, keeping single- or double-quoted stretches together. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: string | undefined;
  let started = false;
  for (const character of line) {
    if (quote !== undefined) {
      if (character === quote) quote = undefined;
      else word += character;
    } else if (character === '"' || character === "'") {
      quote = character;
      started = true;
    } else if (/\s/.test(character)) {
      if (started || word !== '') words.push(word);
      word = '';
      started = false;
    } else {
      word += character;
    }
  }
  if (quote !== undefined) throw new CliUsageError(`unclosed ${quote} in --mcp ${JSON.stringify(line)}`);
  if (started || word !== '') words.push(word);
  return words;
}
