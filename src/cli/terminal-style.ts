import type { CliOutput } from './cli-environment.js';

/** ANSI styles for one output; all identity functions when the output is not a terminal or NO_COLOR is set. */
export interface TerminalStyle {
  dim(text: string): string;
  bold(text: string): string;
  cyan(text: string): string;
  red(text: string): string;
}

const plain: TerminalStyle = { dim: String, bold: String, cyan: String, red: String };

/** The styles to use on `output` (https://no-color.org: any non-empty NO_COLOR turns color off). */
export function terminalStyle(output: CliOutput, env: Record<string, string | undefined>): TerminalStyle {
  if (!output.isTTY || env.NO_COLOR) return plain;
  const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
  return { dim: wrap(2, 22), bold: wrap(1, 22), cyan: wrap(36, 39), red: wrap(31, 39) };
}
