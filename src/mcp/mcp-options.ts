import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

/** Starts a server as a child process and speaks MCP over its stdin and stdout. */
export interface MCPStdioTransportConfig {
  type: 'stdio';
  command: string;
  args?: string[];
  /**
   * The child's whole environment besides `PATH`, `HOME`, `USER`, `LOGNAME`, `SHELL` and `TERM`, which are always
   * passed. Nothing else of this process's environment (API keys included) reaches the server.
   */
  env?: Record<string, string>;
  cwd?: string;
  /** What happens to the server's stderr. @default 'ignore' */
  stderr?: 'inherit' | 'ignore' | 'pipe';
}

/** Speaks Streamable HTTP to a server, falling back to the legacy HTTP+SSE transport when that is all it offers. */
export interface MCPHttpTransportConfig {
  type: 'http';
  url: string | URL;
  /** Sent with every request (e.g. `Authorization`). */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}

/** How to reach a server: a child process, a URL, or any transport of the MCP SDK. */
export type MCPTransportConfig = MCPStdioTransportConfig | MCPHttpTransportConfig | Transport;

/** An elicitation (form) request from a server: a message and the JSON Schema of the answer it wants. */
export interface MCPElicitationRequest {
  message: string;
  requestedSchema: Record<string, unknown>;
}

/** The user's answer to an elicitation: accepted with content, declined, or cancelled. */
export type MCPElicitationResult =
  | { action: 'accept'; content: Record<string, string | number | boolean | string[]> }
  | { action: 'decline' | 'cancel' };

/** A log message a server sent (`notifications/message`). */
export interface MCPLogMessage {
  server: string;
  level: string;
  logger?: string;
  data: unknown;
}

/** Options of `createMCPClient`. */
export interface MCPClientOptions {
  transport: MCPTransportConfig;
  /** The server's name in errors and tool origins. @default the name the server reports, else 'mcp' */
  name?: string;
  /** Answers the server's elicitation requests; without it the client does not offer elicitation. */
  onElicitation?: (
    request: MCPElicitationRequest,
    options: { abortSignal: AbortSignal },
  ) => MCPElicitationResult | Promise<MCPElicitationResult>;
  /**
   * Answers the server's sampling requests (`sampling/createMessage`); `samplingModel(model)` builds one from
   * any fantasy-ts model. Without it the client does not offer sampling.
   */
  onSampling?: MCPSamplingHandler;
  /** Receives the server's log messages. */
  onLog?: (message: MCPLogMessage) => void;
  /** How long one request (a tool call included) may take before it is cancelled. @default 60_000 */
  requestTimeoutMs?: number;
}

/** A server's `sampling/createMessage` request, as the MCP SDK parses it. */
export interface MCPSamplingRequest {
  messages: Array<{ role: 'user' | 'assistant'; content: unknown }>;
  systemPrompt?: string;
  maxTokens: number;
  temperature?: number;
  stopSequences?: string[];
  [key: string]: unknown;
}

/** The answer to a sampling request. */
export interface MCPSamplingResult {
  role: 'assistant';
  content: { type: 'text'; text: string };
  model: string;
  stopReason?: string;
}

/** Answers sampling requests. */
export type MCPSamplingHandler = (
  request: MCPSamplingRequest,
  options: { abortSignal: AbortSignal },
) => MCPSamplingResult | Promise<MCPSamplingResult>;

/** Which of a server's tools to offer, and under which names. */
export interface MCPToolsOptions {
  /** Only these tools (by the server's names). */
  include?: readonly string[];
  /** Not these tools (by the server's names). */
  exclude?: readonly string[];
  /** Put before every tool name, e.g. `github_`, so tools of several servers cannot collide. */
  prefix?: string;
}
