import type { CliOutput } from './cli-environment.js';
import type { TerminalStyle } from './terminal-style.js';

/** A stream part of a model or an agent, as far as rendering goes. */
export type RenderedPart = { type: string } & Record<string, unknown>;

/** Renders stream parts for a person: text as it arrives, reasoning dimmed, tool calls and results shown. */
export interface StreamRenderer {
  render(part: RenderedPart): void;
  /** Ends the last line. */
  end(): void;
}

/** An output that remembers whether it is at the start of a line. */
interface TrackedOutput {
  write(text: string): void;
  endLine(): void;
}

function track(output: CliOutput): TrackedOutput {
  let atLineStart = true;
  return {
    write(text) {
      if (text === '') return;
      output.write(text);
      atLineStart = text.endsWith('\n');
    },
    endLine() {
      if (!atLineStart) this.write('\n');
    },
  };
}

/**
 * Creates a renderer. The answer goes to stdout; reasoning, tool activity and sources go to stdout too on
 * a terminal (dimmed), else to stderr, so that piping the command gives just the answer.
 */
export function createStreamRenderer(options: {
  stdout: CliOutput;
  stderr: CliOutput;
  style: TerminalStyle;
}): StreamRenderer {
  const { style } = options;
  const stdout = track(options.stdout);
  const side = options.stdout.isTTY ? stdout : track(options.stderr);
  let lastBlock: 'text' | 'reasoning' | 'other' = 'other';
  const block = (kind: typeof lastBlock, output: TrackedOutput) => {
    if (kind !== lastBlock) output.endLine();
    lastBlock = kind;
  };
  const line = (output: TrackedOutput, text: string) => {
    block('other', output);
    output.endLine();
    output.write(`${text}\n`);
  };
  const handlers: Record<string, (part: RenderedPart) => void> = {
    'text-delta': (part) => {
      block('text', stdout);
      stdout.write(String(part.delta));
    },
    'reasoning-delta': (part) => {
      block('reasoning', side);
      side.write(style.dim(String(part.delta)));
    },
    'reasoning-end': () => side.endLine(),
    'tool-call': (part) => line(side, style.cyan(describeToolCall(part))),
    'tool-result': (part) => line(side, style.dim(`  ↳ ${describeToolResult(part)}`)),
    source: (part) =>
      line(side, style.dim(`[source] ${[part.title, part.url ?? part.filename].filter(Boolean).join(' ')}`)),
    file: (part) =>
      line(side, style.dim(`[file] ${String(part.mediaType)}, ${(part.data as Uint8Array).length} bytes`)),
    warnings: (part) => {
      for (const warning of part.warnings as Array<Record<string, unknown>>)
        line(side, style.dim(`warning: ${describeWarning(warning)}`));
    },
  };
  return {
    render: (part) => handlers[part.type]?.(part),
    end: () => {
      stdout.endLine();
      side.endLine();
    },
  };
}

function describeToolCall(part: RenderedPart): string {
  const marker = part.providerExecuted ? '⚙ (provider) ' : '⚙ ';
  const invalid = part.invalid
    ? ` — invalid: ${(part.validationError as Error | undefined)?.message ?? ''}`
    : '';
  return `${marker}${String(part.toolName)}(${abbreviate(String(part.input), 200)})${invalid}`;
}

function describeToolResult(part: RenderedPart): string {
  const result = part.output as
    | { type: string; text?: string; error?: string; mediaType?: string; value?: unknown }
    | undefined;
  if (result === undefined) return `${String(part.toolName)} done`;
  if (result.type === 'error') return `error: ${abbreviate(result.error ?? '', 200)}`;
  if (result.type === 'media')
    return `${result.mediaType ?? 'media'}${result.text ? `: ${abbreviate(result.text, 200)}` : ''}`;
  if (result.type === 'json') return abbreviate(JSON.stringify(result.value), 200);
  return abbreviate(result.text ?? '', 200);
}

function describeWarning(warning: Record<string, unknown>): string {
  return (
    [warning.setting, warning.details ?? warning.message].filter(Boolean).join(': ') || String(warning.type)
  );
}

/** The text, cut to `max` characters and kept on one line. */
export function abbreviate(text: string, max: number): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
