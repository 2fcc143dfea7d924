import { readFileSync } from 'node:fs';

/**
 * How many Pagefind processes the build can afford at once. Each one holds the whole index of
 * the shard it writes (src/lib/search/shards.ts) in memory, so two at once are the fastest on two
 * cores and, on a large archive or a small runner, more than the memory there is. The build
 * therefore sizes the count from the memory the machine actually gives it: the cgroup's limit
 * (a container or CI runner), what the kernel says is available, and never more than
 * TREE_BUDGET for the whole process tree (Node and every Pagefind process), so an archive of any
 * size builds on a 7 GB CI runner. No `@/` alias: the integrations load it with plain Node.
 */

/** The most memory the build's process tree may use, whatever the machine has. */
export const TREE_BUDGET = 5 * 2 ** 30;

/**
 * Peak memory of a Pagefind process per article of the shard it writes (it grows with the
 * distinct words of each page, and peaks while the index is written): 0.84 MB measured for a
 * 493-article shard of the 100,000-article generated archive (415 MB), with the allocator
 * setting of src/integrations/pagefind-shard.ts.
 */
export const PAGEFIND_BYTES_PER_ARTICLE = 0.85 * 2 ** 20;

/**
 * What Node's own memory still grows by after the content sync, while it renders the pages and
 * audits the output (docs/performance.md: 1.1–1.6 GB at the end of a 10,000-article build).
 */
export const NODE_GROWTH = 0.75 * 2 ** 30;

/** A cgroup's memory limit in bytes: v2's `memory.max` or v1's `memory.limit_in_bytes`; undefined when there is none. */
export function cgroupLimit(text: string | undefined): number | undefined {
  const value = text?.trim();
  if (!value || value === 'max') return undefined;
  const bytes = Number(value);
  // cgroup v1 writes "no limit" as a number near 2^63.
  return Number.isFinite(bytes) && bytes > 0 && bytes < 2 ** 60 ? bytes : undefined;
}

/** `MemAvailable` of /proc/meminfo, in bytes. */
export function memAvailable(meminfo: string | undefined): number | undefined {
  const match = /^MemAvailable:\s+(\d+)\s+kB/m.exec(meminfo ?? '');
  return match ? Number(match[1]) * 1024 : undefined;
}

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export interface MemoryBudget {
  /** Bytes the whole process tree may use. */
  bytes: number;
  /** What set it, for the build log. */
  limitedBy: 'budget' | 'cgroup' | 'available';
}

/**
 * The memory the build's process tree may use: TREE_BUDGET, or less when the cgroup's limit or
 * what is available (plus what this process already holds) is less.
 */
export function memoryBudget(
  nodeBytes: number,
  files: { cgroup?: string; meminfo?: string } = {
    cgroup: read('/sys/fs/cgroup/memory.max') ?? read('/sys/fs/cgroup/memory/memory.limit_in_bytes'),
    meminfo: read('/proc/meminfo'),
  },
): MemoryBudget {
  const limits: MemoryBudget[] = [{ bytes: TREE_BUDGET, limitedBy: 'budget' }];
  const cgroup = cgroupLimit(files.cgroup);
  if (cgroup !== undefined) limits.push({ bytes: cgroup, limitedBy: 'cgroup' });
  const available = memAvailable(files.meminfo);
  if (available !== undefined) limits.push({ bytes: available + nodeBytes, limitedBy: 'available' });
  return limits.reduce((least, limit) => (limit.bytes < least.bytes ? limit : least));
}

/**
 * Pagefind processes to run at once: as many as the budget holds beside Node (with what it still
 * grows by) when each writes the largest shard, at least one and at most one per core.
 */
export function searchProcessesFor({
  budget,
  nodeBytes,
  largestShard,
  cores,
}: {
  budget: number;
  nodeBytes: number;
  largestShard: number;
  cores: number;
}): number {
  const perProcess = Math.max(1, largestShard) * PAGEFIND_BYTES_PER_ARTICLE;
  const fits = Math.floor((budget - nodeBytes - NODE_GROWTH) / perProcess);
  return Math.max(1, Math.min(cores, fits));
}
