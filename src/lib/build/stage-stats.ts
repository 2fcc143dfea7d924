import { appendFileSync } from 'node:fs';

/**
 * Stage timings for `npm run bench`. When the environment variable DEVZONE_BUILD_STATS names a
 * file, the build appends one JSON line per stage to it, e.g. `{"stage":"content","ms":26600}`;
 * without it nothing is written. Routes rendered inside the build (feeds) add their time to a
 * counter kept on globalThis, because the bundled route modules and the integration that writes
 * the file (loaded with astro.config.mjs) are separate module instances in the same process.
 */

export const BUILD_STATS_ENV = 'DEVZONE_BUILD_STATS';

export interface StageStat {
  stage: string;
  ms: number;
  [detail: string]: string | number;
}

const COUNTERS = Symbol.for('devzone-news.build-stats');

type Counters = Map<string, { ms: number; count: number }>;

function counters(): Counters {
  const holder = globalThis as { [COUNTERS]?: Counters };
  holder[COUNTERS] ??= new Map();
  return holder[COUNTERS];
}

/** Runs `work`, adding its wall time to the named counter (read with takeCounter). */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const counter = counters().get(name) ?? { ms: 0, count: 0 };
    counter.ms += performance.now() - started;
    counter.count += 1;
    counters().set(name, counter);
  }
}

/** A counter's total so far, and resets it. */
export function takeCounter(name: string): { ms: number; count: number } {
  const counter = counters().get(name) ?? { ms: 0, count: 0 };
  counters().delete(name);
  return counter;
}

/** Appends one stage to the stats file, if the environment names one. */
export function recordStage(stat: StageStat, env: NodeJS.ProcessEnv = process.env): void {
  const file = env[BUILD_STATS_ENV];
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ ...stat, ms: Math.round(stat.ms) })}\n`);
}
