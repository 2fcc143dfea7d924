// The machine line the benches print beside their tables: figures are only comparable on the
// same machine (and day, docs/performance.md).
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';

export interface Machine {
  cores: number | undefined;
  memoryBytes: number;
  node: string;
  /** The browser's version, for the benches that open one. */
  chromium?: string;
}

/** `2 cores, 24 GiB, Node v24.21.0[, Chromium 143.0…]`. */
export function describeMachine(machine: Machine): string {
  const parts = [`${machine.cores ?? '?'} cores`, `${(machine.memoryBytes / 1024 ** 3).toFixed(0)} GiB`, `Node ${machine.node}`];
  if (machine.chromium) parts.push(`Chromium ${machine.chromium}`);
  return parts.join(', ');
}

/**
 * This machine: the cores this process may use (as `nproc` counts them, without starting it: a
 * bench holding 100,000 articles' text may be refused a child process), its memory, this Node.
 */
export function thisMachine(chromium?: string): Machine {
  const cores = availableParallelism() || undefined;
  const kib = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  return { cores, memoryBytes: kib * 1024, node: process.version, chromium };
}

/** `2026-12-06 23:40 UTC`: when the figures were taken. */
export function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
