import { describe, expect, test } from 'vitest';
import { searchShards } from '@/lib/search/shards';

/** `count` items dated in `year`, spread over months 1-12 in turn. */
function articles(year: number, count: number, months = 12): string[] {
  return Array.from({ length: count }, (_, i) => `${year}-${String((i % months) + 1).padStart(2, '0')}-15T09:00:00+08:00`);
}
const keys = (items: string[], cap: number) => searchShards(items, (date) => date, cap).map(({ key, items }) => [key, items.length]);

describe('searchShards', () => {
  test('whole years in a row go together within half the cap, from the oldest; newest first', () => {
    const items = [...articles(2026, 30), ...articles(2025, 40), ...articles(2024, 50), ...articles(2023, 20)];
    expect(keys(items, 140)).toEqual([
      ['202501-202612', 70],
      ['202301-202412', 70],
    ]);
  });

  test('a year over the cap is cut into halves, quarters, then months, each range by its own count', () => {
    // 2024: 20 a month in January-March, plus one a month all year.
    const items = [...articles(2024, 60, 3), ...articles(2024, 12), ...articles(2023, 10)];
    expect(keys(items, 25)).toEqual([
      ['202407-202412', 6],
      ['202404-202406', 3],
      ['202403-202403', 21],
      ['202402-202402', 21],
      ['202401-202401', 21],
      ['202301-202312', 10],
    ]);
  });

  test('a full month is cut into halves, then halves again, then days; a day is never cut', () => {
    // January 2024: 4 articles on each of days 1-12, 30 on the 20th.
    const january = [
      ...Array.from({ length: 48 }, (_, i) => `2024-01-${String((i % 12) + 1).padStart(2, '0')}T09:00:00+08:00`),
      ...Array.from({ length: 30 }, () => '2024-01-20T23:30:00+08:00'),
    ];
    expect(keys(january, 20)).toEqual([
      ['20240120-20240120', 30],
      ['20240109-20240115', 16],
      ['20240108-20240108', 4],
      ['20240107-20240107', 4],
      ['20240106-20240106', 4],
      ['20240105-20240105', 4],
      ['20240104-20240104', 4],
      ['20240103-20240103', 4],
      ['20240102-20240102', 4],
      ['20240101-20240101', 4],
    ]);
    expect(keys(articles(2024, 50, 1), 10)).toEqual([['20240115-20240115', 50]]);
  });

  test('every item lands in the shard of its month, in its original order; an edit changes nothing else', () => {
    const items = [...articles(2026, 9), ...articles(2025, 9), ...articles(2024, 9)];
    const shards = searchShards(items, (date) => date, 10);
    expect(shards.flatMap((shard) => shard.items).sort()).toEqual([...items].sort());
    for (const shard of shards) expect(shard.items).toEqual(items.filter((item) => shard.items.includes(item)));
    // Same dates, same shards: which article changed does not matter.
    expect(searchShards([...items].reverse(), (date) => date, 10).map((shard) => shard.key)).toEqual(shards.map((shard) => shard.key));
  });

  test('a new article in the newest year leaves the older shards as they were', () => {
    const items = [...articles(2026, 9), ...articles(2025, 9), ...articles(2024, 9), ...articles(2023, 9)];
    const before = keys(items, 40);
    const after = keys([...articles(2026, 10), ...items.slice(9)], 40);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  test('no articles, no shards; a bad date is an error', () => {
    expect(searchShards([], (date: string) => date, 10)).toEqual([]);
    expect(() => searchShards(['soon'], (date) => date, 10)).toThrow(/not a date: soon/);
  });
});
