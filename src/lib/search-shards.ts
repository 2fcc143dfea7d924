/**
 * How the search index is cut into parts ("shards"), each its own Pagefind index that the
 * build writes on its own and the search page merges in the browser (Pagefind's mergeIndex).
 *
 * Why: Pagefind holds a whole index in memory while it writes it, about 0.7 GB per 1,000 of our
 * articles, so one index of 100,000 articles cannot be built on a 24 GB machine. Parts of at most
 * SHARD_CAP articles keep the memory of each bounded, let two be built at once (one per core),
 * and let a rebuild re-index only the parts whose articles changed.
 *
 * A shard is a calendar range of Beijing-time publication dates: a year; a year with more than
 * SHARD_CAP articles is cut into halves, a half still too big into quarters, a quarter into
 * months (a month is never cut further). Each range is cut or not by its own count alone, so an
 * edited article changes only the shard it is in, and an added one can change only how its own
 * year is cut. Ranges never overlap, so shards in key order are in date order too.
 *
 * Nothing here may import a build-only module: the search page's script uses `shardYear`.
 */

/** Most articles in one shard (unless one month alone has more). */
export const SHARD_CAP = 4000;

export interface Shard<T> {
  /** `2024` (a year), `2024-07-12` (July to December) or `2024-03` (one month). */
  key: string;
  /** The year it belongs to, as the year filter names it. */
  year: string;
  items: T[];
}

/** A year's months 1-12 cut into ranges: halves, then quarters, then months. */
const LEVELS = [12, 6, 3, 1];

function rangeKey(year: string, from: number, length: number): string {
  const month = (m: number) => String(m).padStart(2, '0');
  if (length === 12) return year;
  if (length === 1) return `${year}-${month(from)}`;
  return `${year}-${month(from)}-${month(from + length - 1)}`;
}

/**
 * The shards of `items`, newest first; within a shard, items keep their order. `dateOf` gives
 * an item's Beijing-time date as `YYYY-MM…` (toBeijingIso, or a search record's sortKey).
 */
export function searchShards<T>(items: readonly T[], dateOf: (item: T) => string, cap = SHARD_CAP): Shard<T>[] {
  const byYear = new Map<string, { month: number; item: T }[]>();
  for (const item of items) {
    const date = dateOf(item);
    const match = /^(\d{4})-(\d{2})/.exec(date);
    if (!match) throw new Error(`search shards: not a date: ${date}`);
    const list = byYear.get(match[1]) ?? [];
    list.push({ month: Number(match[2]), item });
    byYear.set(match[1], list);
  }
  const shards: Shard<T>[] = [];
  const cut = (year: string, entries: { month: number; item: T }[], from: number, level: number) => {
    const length = LEVELS[level];
    if (entries.length <= cap || level === LEVELS.length - 1) {
      shards.push({ key: rangeKey(year, from, length), year, items: entries.map(({ item }) => item) });
      return;
    }
    const next = LEVELS[level + 1];
    for (let start = from; start < from + length; start += next) {
      const part = entries.filter(({ month }) => month >= start && month < start + next);
      if (part.length > 0) cut(year, part, start, level + 1);
    }
  };
  for (const [year, entries] of byYear) cut(year, entries, 1, 0);
  return shards.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
}

/** The year of a shard key. */
export function shardYear(key: string): string {
  return key.slice(0, 4);
}
