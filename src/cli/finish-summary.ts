import type { FinishReason } from '../spec/finish-reason.js';
import type { Usage } from '../spec/usage.js';
import type { CliEnvironment } from './cli-environment.js';
import { terminalStyle } from './terminal-style.js';

/** One dim line on a terminal's stderr: why the model stopped and the tokens it used. Nothing when piped. */
export function writeFinishSummary(
  environment: CliEnvironment,
  finish: { finishReason: FinishReason; usage: Usage },
): void {
  if (!environment.stderr.isTTY) return;
  const { usage } = finish;
  const cached = usage.cacheReadTokens > 0 ? ` (+${usage.cacheReadTokens} cached)` : '';
  const reasoning = usage.reasoningTokens > 0 ? ` (${usage.reasoningTokens} reasoning)` : '';
  const line = `finish: ${finish.finishReason} · tokens: ${usage.inputTokens} in${cached}, ${usage.outputTokens} out${reasoning}`;
  environment.stderr.write(`${terminalStyle(environment.stderr, environment.env).dim(line)}\n`);
}
