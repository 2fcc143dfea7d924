import { describe, expect, test } from 'vitest';
import {
  cgroupLimit,
  memAvailable,
  memoryBudget,
  NODE_GROWTH,
  PAGEFIND_BYTES_PER_ARTICLE,
  searchProcessesFor,
  TREE_BUDGET,
} from '../../../src/lib/build/host-memory.ts';

const GB = 2 ** 30;

describe('the memory the machine gives', () => {
  test('a cgroup limit, v2 or v1; none when unlimited or unreadable', () => {
    expect(cgroupLimit('7516192768\n')).toBe(7516192768);
    expect(cgroupLimit('max\n')).toBeUndefined();
    expect(cgroupLimit('9223372036854771712\n')).toBeUndefined();
    expect(cgroupLimit(undefined)).toBeUndefined();
  });

  test('MemAvailable in bytes', () => {
    expect(memAvailable('MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:    2000000 kB\n')).toBe(2000000 * 1024);
    expect(memAvailable('MemTotal: 1 kB\n')).toBeUndefined();
  });

  test('the budget is 5 GB, or less when the cgroup or the free memory says so', () => {
    const meminfo = (gb: number) => `MemAvailable: ${gb * 1024 * 1024} kB\n`;
    expect(memoryBudget(GB, { meminfo: meminfo(20) })).toEqual({ bytes: TREE_BUDGET, limitedBy: 'budget' });
    expect(memoryBudget(GB, { cgroup: String(4 * GB), meminfo: meminfo(20) })).toEqual({ bytes: 4 * GB, limitedBy: 'cgroup' });
    // What this process holds already counts as the tree's.
    expect(memoryBudget(GB, { meminfo: meminfo(2) })).toEqual({ bytes: 3 * GB, limitedBy: 'available' });
    expect(memoryBudget(GB, {})).toEqual({ bytes: TREE_BUDGET, limitedBy: 'budget' });
  });
});

describe('Pagefind processes at once', () => {
  const shard = (gb: number) => Math.round((gb * GB) / PAGEFIND_BYTES_PER_ARTICLE);

  test('as many as fit beside Node and what it still grows by, at most one per core', () => {
    const nodeBytes = GB;
    const room = TREE_BUDGET - nodeBytes - NODE_GROWTH;
    expect(searchProcessesFor({ budget: TREE_BUDGET, nodeBytes, largestShard: shard(room / GB / 2.5), cores: 2 })).toBe(2);
    expect(searchProcessesFor({ budget: TREE_BUDGET, nodeBytes, largestShard: shard(room / GB / 2.5), cores: 8 })).toBe(2);
    expect(searchProcessesFor({ budget: TREE_BUDGET, nodeBytes, largestShard: shard(room / GB / 1.5), cores: 2 })).toBe(1);
  });

  test('at least one, even when not even one fits', () => {
    expect(searchProcessesFor({ budget: 2 * GB, nodeBytes: 2 * GB, largestShard: 4000, cores: 2 })).toBe(1);
    expect(searchProcessesFor({ budget: TREE_BUDGET, nodeBytes: GB, largestShard: 0, cores: 1 })).toBe(1);
  });
});
