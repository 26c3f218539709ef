import type { AgentTool } from '../agent/tool.js';
import type { Message } from '../spec/message.js';
import { convertMCPPromptMessages, type MCPPromptMessage } from './convert-mcp-prompt.js';
import { convertMCPTools, type MCPToolDefinition } from './convert-mcp-tools.js';
import type { MCPClientOptions, MCPToolsOptions } from './mcp-options.js';
import { MCPSession } from './mcp-session.js';

/** A resource a server offers. */
export interface MCPResource {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
}

/** The contents of a resource: text, or base64 bytes. */
export interface MCPResourceContents {
  uri: string;
  mimeType?: string;
  text?: string;
  blob?: string;
}

/** A prompt template a server offers. */
export interface MCPPrompt {
  name: string;
  title?: string;
  description?: string;
  arguments?: Array<{ name: string; description?: string; required?: boolean }>;
}

/** A session with one MCP server. Close it (or `await using` it) to end the session and its child process. */
export interface MCPClient extends AsyncDisposable {
  /** The server's name, as given or as the server reported it. */
  readonly name: string;
  /**
   * The server's tools as agent tools. The array is kept current: when the server says its tools changed,
   * it is updated in place, so an agent holding it offers the new list from its next step on.
   */
  tools(options?: MCPToolsOptions): Promise<AgentTool[]>;
  listResources(): Promise<MCPResource[]>;
  readResource(uri: string): Promise<MCPResourceContents[]>;
  listPrompts(): Promise<MCPPrompt[]>;
  /** A prompt filled in with `args`, as fantasy-ts messages. */
  getPrompt(
    name: string,
    args?: Record<string, string>,
  ): Promise<{ description?: string; messages: Message[] }>;
  close(): Promise<void>;
}

/**
 * Connects to an MCP server over stdio, Streamable HTTP (legacy SSE as a fallback) or any SDK transport.
 *
 * @example
 * await using github = await createMCPClient({ transport: { type: 'stdio', command: 'npx', args: ['-y', 'server'] } });
 * const agent = createAgent(model, { tools: await github.tools() });
 */
export async function createMCPClient(options: MCPClientOptions): Promise<MCPClient> {
  const session = new MCPSession(options);
  await session.connect();
  const toolSets: Array<{ tools: AgentTool[]; options: MCPToolsOptions }> = [];
  session.onToolListChanged = () => {
    for (const set of toolSets) {
      void listAllTools(session)
        .then((definitions) =>
          set.tools.splice(0, set.tools.length, ...convertMCPTools(session, definitions, set.options)),
        )
        .catch((error: unknown) =>
          options.onLog?.({ server: session.name, level: 'error', data: String(error) }),
        );
    }
  };
  const close = () => session.close();
  return {
    get name() {
      return session.name;
    },
    async tools(toolsOptions = {}) {
      const tools: AgentTool[] = convertMCPTools(session, await listAllTools(session), toolsOptions);
      toolSets.push({ tools, options: toolsOptions });
      return tools;
    },
    listResources: () => paginate(session, (client, cursor) => client.listResources(cursor), 'resources'),
    async readResource(uri) {
      const result = await session.request((client) => client.readResource({ uri }));
      return result.contents as MCPResourceContents[];
    },
    listPrompts: () => paginate(session, (client, cursor) => client.listPrompts(cursor), 'prompts'),
    async getPrompt(name, args) {
      const result = await session.request((client) =>
        client.getPrompt({ name, ...(args === undefined ? {} : { arguments: args }) }),
      );
      const messages = convertMCPPromptMessages(result.messages as MCPPromptMessage[]);
      return { ...(result.description === undefined ? {} : { description: result.description }), messages };
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}

function listAllTools(session: MCPSession): Promise<MCPToolDefinition[]> {
  return paginate(session, (client, cursor) => client.listTools(cursor), 'tools');
}

type Client = Parameters<Parameters<MCPSession['request']>[0]>[0];

/** Follows `nextCursor` to the end of a list (bounded, so a server repeating a cursor cannot loop us). */
async function paginate<T>(
  session: MCPSession,
  list: (client: Client, params: { cursor?: string } | undefined) => Promise<Record<string, unknown>>,
  key: string,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const params = cursor === undefined ? undefined : { cursor };
    const result = await session.request((client) => list(client, params));
    items.push(...((result[key] as T[] | undefined) ?? []));
    cursor =
      typeof result.nextCursor === 'string' && result.nextCursor !== '' ? result.nextCursor : undefined;
    if (cursor === undefined) break;
  }
  return items;
}
