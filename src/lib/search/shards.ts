/**
 * How the search index is cut into parts ("shards"), each its own Pagefind index that the
 * build writes on its own and then merges into the site's one index (src/lib/search/merge-index.ts).
 *
 * Why: Pagefind holds a whole index in memory while it writes it, about 0.7 GB per 1,000 of our
 * articles, so one index of 100,000 articles cannot be built on a 24 GB machine. Parts of at most
 * `cap` articles (SITE.searchShardCap) keep the memory of each bounded, let two be built at once (one per core),
 * and let a rebuild re-index only the parts whose articles changed.
 *
 * A shard is a range of months (Beijing time), and ranges never overlap, so shards in key order
 * are in date order too. First each year with more than `cap` articles is cut into halves, a
 * half still too big into quarters, a quarter into months (a month is never cut further); each
 * range is cut or not by its own count alone. Then, from the oldest, whole years in a row are
 * put together while they stay within half the cap, so that a small site is one index, ranked
 * as one (Pagefind ranks each index by its own word statistics), while a site with thousands of
 * articles a year gets a shard a year: half the memory, and half the work to rebuild after an
 * edit, of shards at the cap. An edited article changes only
 * the shard it is in; an added one can change how its own year is cut, or the shards from its
 * year on, never older ones (new articles are mostly the newest).
 *
 */

export interface Shard<T> {
  /** First and last month: `202001-202112` (two years), `202407-202412` (a half year). */
  key: string;
  items: T[];
}

/** A year's months 1-12 cut into ranges: halves, then quarters, then months. */
const LEVELS = [12, 6, 3, 1];

const month = (year: number, m: number) => `${year}${String(m).padStart(2, '0')}`;

interface Range {
  year: number;
  from: number;
  to: number;
  size: number;
}

/**
 * The shards of `items`, newest first; within a shard, items keep their order. `dateOf` gives
 * an item's Beijing-time date as `YYYY-MM…` (toBeijingIso, or a search record's sortKey).
 */
export function searchShards<T>(items: readonly T[], dateOf: (item: T) => string, cap: number): Shard<T>[] {
  const months = items.map((item) => {
    const date = dateOf(item);
    const match = /^(\d{4})-(\d{2})/.exec(date);
    if (!match) throw new Error(`search shards: not a date: ${date}`);
    return { year: Number(match[1]), m: Number(match[2]) };
  });
  // Articles per year and month.
  const counts = new Map<number, number[]>();
  for (const { year, m } of months) {
    const perMonth = counts.get(year) ?? new Array<number>(13).fill(0);
    perMonth[m]++;
    counts.set(year, perMonth);
  }
  const ranges: Range[] = [];
  const cut = (year: number, perMonth: number[], from: number, level: number) => {
    const length = LEVELS[level];
    const size = perMonth.slice(from, from + length).reduce((sum, n) => sum + n, 0);
    if (size === 0) return;
    if (size <= cap || level === LEVELS.length - 1) {
      ranges.push({ year, from, to: from + length - 1, size });
      return;
    }
    for (let start = from; start < from + length; start += LEVELS[level + 1]) cut(year, perMonth, start, level + 1);
  };
  for (const year of [...counts.keys()].sort((a, b) => a - b)) cut(year, counts.get(year) ?? [], 1, 0);

  // Whole years in a row, from the oldest, within half the cap; a cut year's ranges stay on their own.
  const keys: { key: string; first: number; last: number }[] = [];
  let group: Range[] = [];
  const close = () => {
    if (group.length === 0) return;
    const first = group[0];
    const last = group[group.length - 1];
    keys.push({
      key: `${month(first.year, first.from)}-${month(last.year, last.to)}`,
      first: first.year * 100 + first.from,
      last: last.year * 100 + last.to,
    });
    group = [];
  };
  for (const range of ranges) {
    const whole = range.from === 1 && range.to === 12;
    const size = group.reduce((sum, each) => sum + each.size, 0);
    if (!whole || size + range.size > cap / 2) close();
    group.push(range);
    if (!whole) close();
  }
  close();

  const shards = new Map(keys.map(({ key }) => [key, [] as T[]]));
  items.forEach((item, i) => {
    const at = months[i].year * 100 + months[i].m;
    const found = keys.find(({ first, last }) => at >= first && at <= last);
    shards.get(found?.key ?? '')?.push(item);
  });
  return keys.reverse().map(({ key }) => ({ key, items: shards.get(key) ?? [] }));
}
