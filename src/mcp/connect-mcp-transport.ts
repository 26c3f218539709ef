import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { MCPHttpTransportConfig, MCPStdioTransportConfig, MCPTransportConfig } from './mcp-options.js';

/** A connected SDK client and the transport under it. */
export interface MCPConnection {
  client: Client;
  transport: Transport;
}

/**
 * Connects `client` over the configured transport. HTTP tries Streamable HTTP first and falls back to the
 * legacy HTTP+SSE transport when the server answers the first POST with a 4xx (as servers that only speak
 * SSE do), per the MCP specification's backwards-compatibility section.
 */
export async function connectMCPTransport(
  config: MCPTransportConfig,
  createClient: () => Client,
): Promise<MCPConnection> {
  if (!isConfig(config)) return connect(createClient(), config);
  if (config.type === 'stdio') return connect(createClient(), await createStdioTransport(config));
  if (config.type === 'http') return connectHttp(config, createClient);
  throw new InvalidArgumentError({
    argument: 'transport',
    message: `unknown MCP transport type ${JSON.stringify((config as { type: unknown }).type)}; use 'stdio', 'http' or an SDK Transport`,
  });
}

async function connect(client: Client, transport: Transport): Promise<MCPConnection> {
  await client.connect(transport);
  return { client, transport };
}

async function connectHttp(
  config: MCPHttpTransportConfig,
  createClient: () => Client,
): Promise<MCPConnection> {
  const url = parseUrl(config.url);
  const requestInit = config.headers === undefined ? {} : { requestInit: { headers: config.headers } };
  const fetchOption = config.fetch === undefined ? {} : { fetch: config.fetch };
  const { StreamableHTTPClientTransport } = await import(
    '@modelcontextprotocol/sdk/client/streamableHttp.js'
  );
  const streamable = new StreamableHTTPClientTransport(url, { ...requestInit, ...fetchOption });
  try {
    return await connect(createClient(), streamable);
  } catch (error) {
    if (!isLegacyServerAnswer(error)) throw error;
    await streamable.close().catch(() => undefined);
    const { SSEClientTransport } = await import('@modelcontextprotocol/sdk/client/sse.js');
    return connect(createClient(), new SSEClientTransport(url, { ...requestInit, ...fetchOption }));
  }
}

/** A 4xx to the initialize POST: the server has no Streamable HTTP endpoint there. */
function isLegacyServerAnswer(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'number' && code >= 400 && code < 500 && code !== 401 && code !== 403;
}

function parseUrl(url: string | URL): URL {
  try {
    return new URL(url);
  } catch (error) {
    throw new InvalidArgumentError({
      argument: 'transport.url',
      message: `not a URL: ${String(url)}`,
      cause: error,
    });
  }
}

async function createStdioTransport(config: MCPStdioTransportConfig): Promise<Transport> {
  const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
  // The SDK adds only PATH, HOME, USER, LOGNAME, SHELL and TERM to `env`: the parent's secrets stay home.
  return new StdioClientTransport({
    command: config.command,
    args: config.args ?? [],
    env: config.env ?? {},
    stderr: config.stderr ?? 'ignore',
    ...(config.cwd === undefined ? {} : { cwd: config.cwd }),
  });
}

function isConfig(config: MCPTransportConfig): config is MCPStdioTransportConfig | MCPHttpTransportConfig {
  return typeof (config as { start?: unknown }).start !== 'function';
}
