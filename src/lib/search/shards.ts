/**
 * How the search index is cut into parts ("shards"), each its own Pagefind index that the
 * build writes on its own and then merges into the site's one index (src/lib/search/merge-index.ts).
 *
 * Why: Pagefind holds a whole index in memory while it writes it, about 0.7 GB per 1,000 of our
 * articles, so one index of 100,000 articles cannot be built on a 24 GB machine. Parts of at most
 * `cap` articles (SITE.searchShardCap) keep the memory of each bounded, let two be built at once (one per core),
 * and let a rebuild re-index only the parts whose articles changed.
 *
 * A shard is a range of days (Beijing time), and ranges never overlap, so shards in key order
 * are in date order too. First each year with more than `cap` articles is cut into halves, a
 * half still too big into quarters, a quarter into months, a month into halves (days 1-15 and
 * 16-31), a half-month into halves again (1-8, 9-15, 16-23, 24-31), and that into days (a day
 * is never cut); each range is cut or not by its own count alone. A month of 1,300 articles
 * (100,000 over six years) is thus two or four shards, not one of 1,300: a Pagefind process
 * writing it holds a fraction of the memory. Then, from the oldest, whole years in a row are
 * put together while they stay within half the cap, so that a small site is one index, ranked
 * as one (Pagefind ranks each index by its own word statistics), while a site with thousands of
 * articles a year gets a shard a year: half the memory, and half the work to rebuild after an
 * edit, of shards at the cap. An edited article changes only
 * the shard it is in; an added one can change how its own year is cut, or the shards from its
 * year on, never older ones (new articles are mostly the newest).
 */

export interface Shard<T> {
  /**
   * First and last month, `202001-202112` (two years), `202407-202412` (a half year), or, for a
   * part of a month, first and last day: `20240116-20240131`.
   */
  key: string;
  items: T[];
}

/** A day of a year as a number: month × 100 + day (0115 for 15 January); day 31 ends any month. */
type Day = number;

const day = (m: number, d: number): Day => m * 100 + d;

/** A year's ranges of months, largest first: the year, halves, quarters, months. */
const MONTH_LEVELS = [12, 6, 3, 1];
/** A month's ranges of days below the whole month: halves, their halves, days. */
const DAY_LEVELS: [number, number][][] = [
  [
    [1, 15],
    [16, 31],
  ],
  [
    [1, 8],
    [9, 15],
    [16, 23],
    [24, 31],
  ],
  Array.from({ length: 31 }, (_, i): [number, number] => [i + 1, i + 1]),
];

interface Range {
  year: number;
  from: Day;
  to: Day;
  size: number;
}

/** The ranges one level below [from, to] of a year: shorter runs of months, then of days in a month. */
function below(from: Day, to: Day): [Day, Day][] {
  const [first, last] = [Math.floor(from / 100), Math.floor(to / 100)];
  const months = last - first + 1;
  if (from % 100 === 1 && to % 100 === 31 && months > 1) {
    const length = MONTH_LEVELS[MONTH_LEVELS.indexOf(months) + 1];
    return Array.from({ length: months / length }, (_, i): [Day, Day] => [
      day(first + i * length, 1),
      day(first + (i + 1) * length - 1, 31),
    ]);
  }
  // Within one month: the next level of days that lies inside [from, to].
  const [start, end] = [from % 100, to % 100];
  const level = DAY_LEVELS.find((cuts) => cuts.some(([a, b]) => a >= start && b <= end && (a > start || b < end)));
  return (level ?? []).filter(([a, b]) => a >= start && b <= end).map(([a, b]): [Day, Day] => [day(first, a), day(first, b)]);
}

const stamp = (year: number, at: Day, days: boolean) =>
  `${year}${String(Math.floor(at / 100)).padStart(2, '0')}${days ? String(at % 100).padStart(2, '0') : ''}`;

/**
 * The shards of `items`, newest first; within a shard, items keep their order. `dateOf` gives
 * an item's Beijing-time date as `YYYY-MM-DD…` (toBeijingIso).
 */
export function searchShards<T>(items: readonly T[], dateOf: (item: T) => string, cap: number): Shard<T>[] {
  const days = items.map((item) => {
    const date = dateOf(item);
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
    if (!match) throw new Error(`search shards: not a date: ${date}`);
    return { year: Number(match[1]), at: day(Number(match[2]), Number(match[3])) };
  });
  // Articles per year and day.
  const counts = new Map<number, Map<Day, number>>();
  for (const { year, at } of days) {
    const perDay = counts.get(year) ?? counts.set(year, new Map()).get(year) ?? new Map<Day, number>();
    perDay.set(at, (perDay.get(at) ?? 0) + 1);
  }
  const ranges: Range[] = [];
  const cut = (year: number, perDay: Map<Day, number>, from: Day, to: Day) => {
    let size = 0;
    for (const [at, count] of perDay) if (at >= from && at <= to) size += count;
    if (size === 0) return;
    const parts = below(from, to);
    if (size <= cap || parts.length === 0) {
      ranges.push({ year, from, to, size });
      return;
    }
    for (const [a, b] of parts) cut(year, perDay, a, b);
  };
  for (const year of [...counts.keys()].sort((a, b) => a - b)) cut(year, counts.get(year) ?? new Map(), day(1, 1), day(12, 31));

  // Whole years in a row, from the oldest, within half the cap; a cut year's ranges stay on their own.
  const keys: { key: string; first: number; last: number }[] = [];
  let group: Range[] = [];
  const close = () => {
    if (group.length === 0) return;
    const first = group[0];
    const last = group[group.length - 1];
    const days = first.from % 100 !== 1 || last.to % 100 !== 31;
    keys.push({
      key: `${stamp(first.year, first.from, days)}-${stamp(last.year, last.to, days)}`,
      first: first.year * 10000 + first.from,
      last: last.year * 10000 + last.to,
    });
    group = [];
  };
  for (const range of ranges) {
    const whole = range.from === day(1, 1) && range.to === day(12, 31);
    const size = group.reduce((sum, each) => sum + each.size, 0);
    if (!whole || size + range.size > cap / 2) close();
    group.push(range);
    if (!whole) close();
  }
  close();

  const shards = new Map(keys.map(({ key }) => [key, [] as T[]]));
  items.forEach((item, i) => {
    const at = days[i].year * 10000 + days[i].at;
    const found = keys.find(({ first, last }) => at >= first && at <= last);
    shards.get(found?.key ?? '')?.push(item);
  });
  return keys.reverse().map(({ key }) => ({ key, items: shards.get(key) ?? [] }));
}
