// Peak memory of a process and all its descendants (the build, Astro's workers, the Pagefind
// binary), sampled from Linux's /proc: `/usr/bin/time -v` reports only the largest single
// process, and the Pagefind binary runs beside Node.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** Resident bytes of `root` and every process below it, now. */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = read(`/proc/${name}/stat`);
    if (!stat) continue;
    // The command name (2nd field) may hold spaces and parentheses: fields start after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    const statm = read(`/proc/${pid}/statm`);
    if (statm) total += Number(statm.split(' ')[1]) * PAGE_SIZE;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples `root`'s tree every `intervalMs` until stopped; `stop()` gives the peak in bytes. */
export function samplePeak(root: number, intervalMs = 200): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(root));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
