/** Where the command writes: a terminal, a pipe, or a test's buffer. */
export interface CliOutput {
  write(text: string): unknown;
  /** True for a terminal: output is colored and partial objects are redrawn in place. */
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** Everything the command takes from its process; tests pass their own. */
export interface CliEnvironment {
  /** The arguments after `fantasy`. */
  argv: readonly string[];
  stdout: CliOutput;
  stderr: CliOutput;
  /** Read by `chat`, and by `text`/`object` when no prompt is given. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  /** API keys and `NO_COLOR` are read from here. */
  env: Record<string, string | undefined>;
  /** The network, for live calls and for recording. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Relative file paths resolve against it. @default process.cwd() */
  cwd?: string;
}
