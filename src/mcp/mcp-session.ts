import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  type CreateMessageResult,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { VERSION } from '../http/version.js';
import { connectMCPTransport, type MCPConnection } from './connect-mcp-transport.js';
import type { MCPClientOptions, MCPSamplingRequest } from './mcp-options.js';

/**
 * One connection to one server, re-established when a Streamable HTTP server ends the session (it answers
 * 404 to the session id, and the specification has the client start a new session with a new initialize).
 */
export class MCPSession {
  readonly options: MCPClientOptions;
  /** Called after the server said its tool list changed. */
  onToolListChanged: () => void = () => {};
  #connection: MCPConnection | undefined;
  #closed = false;

  constructor(options: MCPClientOptions) {
    this.options = options;
  }

  /** The server's name: the option, else what the server reported, else 'mcp'. */
  get name(): string {
    return this.options.name ?? this.#connection?.client.getServerVersion()?.name ?? 'mcp';
  }

  get closed(): boolean {
    return this.#closed;
  }

  async connect(): Promise<void> {
    this.#connection = await connectMCPTransport(this.options.transport, () => this.#createClient());
  }

  /** Runs `call` on the connected client; once more on a new session if the server ended the old one. */
  async request<T>(call: (client: Client) => Promise<T>): Promise<T> {
    const connection = this.#connected();
    try {
      return await call(connection.client);
    } catch (error) {
      if (!isSessionEnded(error) || this.#closed) throw error;
      await connection.client.close().catch(() => undefined);
      if (this.#connection === connection) await this.connect();
      return call(this.#connected().client);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#connection?.client.close();
  }

  #connected(): MCPConnection {
    if (this.#closed || this.#connection === undefined)
      throw new Error(`the MCP client for ${this.name} is closed`);
    return this.#connection;
  }

  #createClient(): Client {
    const { onElicitation, onSampling, onLog } = this.options;
    const capabilities = {
      ...(onElicitation === undefined ? {} : { elicitation: { form: {} } }),
      ...(onSampling === undefined ? {} : { sampling: {} }),
    };
    const client = new Client({ name: 'fantasy-ts', version: VERSION }, { capabilities });
    if (onElicitation !== undefined) {
      client.setRequestHandler(ElicitRequestSchema, async (request, extra) => {
        const params = request.params as { message: string; requestedSchema?: Record<string, unknown> };
        const answer = { message: params.message, requestedSchema: params.requestedSchema ?? {} };
        return onElicitation(answer, { abortSignal: extra.signal });
      });
    }
    if (onSampling !== undefined) {
      client.setRequestHandler(CreateMessageRequestSchema, async (request, extra) => {
        const params = request.params as unknown as MCPSamplingRequest;
        return (await onSampling(params, { abortSignal: extra.signal })) as CreateMessageResult;
      });
    }
    client.setNotificationHandler(LoggingMessageNotificationSchema, (notification) => {
      const { level, logger, data } = notification.params;
      onLog?.({ server: this.name, level, data, ...(logger === undefined ? {} : { logger }) });
    });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => this.onToolListChanged());
    return client;
  }
}

/** A Streamable HTTP 404 for our session id: the server no longer knows the session. */
function isSessionEnded(error: unknown): boolean {
  const candidate = error as { code?: unknown; name?: unknown } | undefined;
  return candidate?.code === 404 && candidate.name !== 'McpError';
}
