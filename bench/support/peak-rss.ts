import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set in bytes since it started: `VmHWM` of /proc/self/status on Linux. Not
 * `process.resourceUsage().maxRSS`: on Linux a spawned child inherits its parent's high-water mark through fork and
 * exec, so a child spawned by a large bench process reports the parent's peak (every client of a run
 * showed 503 MB). Falls back to `maxRSS` elsewhere.
 */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}
