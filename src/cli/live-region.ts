import type { CliOutput } from './cli-environment.js';

/** A block of lines at the bottom of a terminal that can be redrawn in place. */
export interface LiveRegion {
  /** Replaces the block with these lines. */
  draw(lines: readonly string[]): void;
  /** Erases the block. */
  clear(): void;
}

/**
 * A live region on a terminal. Lines are cut to the terminal's width and the block to its height, so the
 * cursor can always move back to the block's first line (a wrapped or scrolled-off line could not be
 * erased).
 */
export function createLiveRegion(output: CliOutput): LiveRegion {
  let height = 0;
  const erase = () => {
    // Up to the first line of the block (CPL), then clear to the end of the screen (ED).
    if (height > 0) output.write(`\x1b[${height}F\x1b[J`);
    height = 0;
  };
  return {
    draw(lines) {
      const visible = fitToScreen(lines, output.columns ?? 80, output.rows ?? 24);
      erase();
      output.write(visible.map((line) => `${line}\n`).join(''));
      height = visible.length;
    },
    clear: erase,
  };
}

function fitToScreen(lines: readonly string[], columns: number, rows: number): string[] {
  const width = Math.max(columns - 1, 10);
  const maxLines = Math.max(rows - 1, 1);
  const tail = lines.length > maxLines ? ['…', ...lines.slice(lines.length - maxLines + 1)] : lines;
  return tail.map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
}
