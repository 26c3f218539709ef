/** How often to repeat a measured run. */
export interface MeasureOptions {
  /** Unmeasured runs first, so the JIT has compiled the hot path. */
  warmup: number;
  /** Measured runs, at most. */
  runs: number;
  /** Stop repeating once the measured runs took this long in total (at least one run is always made). */
  budgetMs?: number;
}

/**
 * Times `run` repeatedly; returns the milliseconds of each measured run. Runs are not separated by forced
 * GCs: measured on case 1, a `gc()` before each run made the run after it 1.5× (ai) to 4× (fantasy-ts,
 * floor) slower, which says more about the forced GC than about the code.
 */
export async function measure(run: () => Promise<unknown>, options: MeasureOptions): Promise<number[]> {
  for (let index = 0; index < options.warmup; index += 1) await run();
  const times: number[] = [];
  let total = 0;
  while (times.length < options.runs && (times.length === 0 || total < (options.budgetMs ?? Infinity))) {
    const started = performance.now();
    await run();
    const elapsed = performance.now() - started;
    times.push(elapsed);
    total += elapsed;
  }
  return times;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A named piece of work to time. */
export interface Subject {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Times several subjects in interleaved rounds (each round runs every subject once, starting with a
 * different one), so a burst of load on a shared machine bills all of them alike. Returns each subject's
 * run times in milliseconds, by name.
 */
export async function measureInterleaved(
  subjects: readonly Subject[],
  options: { warmup: number; runs: number },
): Promise<Map<string, number[]>> {
  const times = new Map(subjects.map((subject) => [subject.name, [] as number[]]));
  for (let round = 0; round < options.warmup + options.runs; round += 1) {
    for (let offset = 0; offset < subjects.length; offset += 1) {
      const subject = subjects[(round + offset) % subjects.length]!;
      const started = performance.now();
      await subject.run();
      const elapsed = performance.now() - started;
      if (round >= options.warmup) times.get(subject.name)!.push(elapsed);
    }
  }
  return times;
}

/**
 * Estimates the time at `size` from two measured points, assuming `time ∝ size^k` with `k` fitted to them
 * (or `k = 2` from one point). Returns the estimate and the exponent used.
 */
export function extrapolate(
  points: readonly { size: number; ms: number }[],
  size: number,
): { ms: number; exponent: number } {
  const last = points.at(-1)!;
  const previous = points.at(-2);
  const exponent = previous ? Math.log(last.ms / previous.ms) / Math.log(last.size / previous.size) : 2;
  return { ms: last.ms * (size / last.size) ** exponent, exponent };
}

/**
 * Runs each subject once and checks its result with `verify` (which throws when it is wrong). Returns the
 * subjects that worked, and a note for each that did not (an API still being written, a wrong result).
 */
export async function probeSubjects(
  subjects: readonly Subject[],
  verify: (result: unknown) => void,
): Promise<{ available: Subject[]; notes: string[] }> {
  const available: Subject[] = [];
  const notes: string[] = [];
  for (const subject of subjects) {
    try {
      verify(await subject.run());
      available.push(subject);
    } catch (error) {
      notes.push(`${subject.name} unavailable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { available, notes };
}

/** `min–max` of a subject's runs, scaled (e.g. to µs per chunk) and formatted: the spread a median comes from. */
export function formatRange(values: readonly number[], scale = 1, digits = 1): string {
  if (values.length === 0) return '–';
  return `${(Math.min(...values) * scale).toFixed(digits)}–${(Math.max(...values) * scale).toFixed(digits)}`;
}
