/**
 * Formats milliseconds the way Go prints a `time.Duration`, as go-vcr stores it: `635.784ms`, `1.757821875s`,
 * `1m2.5s`, `0s`.
 *
 * @example
 * formatGoDuration(1757.821875); // '1.757821875s'
 */
export function formatGoDuration(milliseconds: number): string {
  if (!(milliseconds > 0)) return '0s';
  if (milliseconds < 1) return `${trimZeros((milliseconds * 1000).toFixed(3))}µs`;
  if (milliseconds < 1000) return `${trimZeros(milliseconds.toFixed(6))}ms`;
  const minutes = Math.floor(milliseconds / 60_000);
  const seconds = `${trimZeros(((milliseconds % 60_000) / 1000).toFixed(9))}s`;
  return minutes === 0 ? seconds : `${minutes}m${seconds}`;
}

function trimZeros(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}
