import { gunzipSync } from 'node:zlib';
import { SEARCH_FILTERS, type SearchFilterKey } from '@/lib/search/query';
import type { PageRow, PageTable } from '@/lib/search/ranking';
import type { RecordFields } from '@/lib/search/records';
import { indexTokens } from '@/lib/search/tokens';

/**
 * The page table of a shard (src/lib/search/ranking.ts), made from what Pagefind wrote: each
 * fragment names its page's URL, and its file name is the hash the search page gets as a
 * result's id.
 */

/** What a fragment file holds that the table needs. */
export interface Fragment {
  hash: string;
  url: string;
  /** Pagefind's count of the page's words, positions included. */
  wordCount: number;
}

/**
 * A fragment file's content: gzip, then Pagefind's 12-byte signature `pagefind_dcd`, then JSON.
 * Throws when it is not one, so a Pagefind whose output changed fails the build.
 */
export function readFragment(hash: string, bytes: Buffer): Fragment {
  const data = gunzipSync(bytes);
  const signature = data.subarray(0, 12).toString('latin1');
  if (signature !== 'pagefind_dcd') throw new Error(`Pagefind fragment ${hash}: no pagefind_dcd signature`);
  const { url, word_count: wordCount } = JSON.parse(data.subarray(12).toString('utf8')) as { url?: unknown; word_count?: unknown };
  if (typeof url !== 'string' || typeof wordCount !== 'number') throw new Error(`Pagefind fragment ${hash}: no url or word_count`);
  return { hash, url, wordCount };
}

/**
 * The table of a shard's `records` (its articles, newest first) and Pagefind's `fragments` of
 * them. Every record must have its fragment and every fragment its record: a page missing from
 * the table could not be found.
 */
export function pageTable(records: readonly RecordFields[], fragments: readonly Fragment[]): PageTable {
  const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));
  if (byUrl.size !== records.length || fragments.length !== records.length) {
    throw new Error(`search page table: ${records.length} articles but ${fragments.length} Pagefind pages`);
  }
  const values = Object.fromEntries(SEARCH_FILTERS.map(({ key }) => [key, [] as string[]])) as Record<SearchFilterKey, string[]>;
  const indexes = new Map<string, number>();
  const indexOf = (key: SearchFilterKey, value: string) => {
    const id = `${key}\0${value}`;
    let index = indexes.get(id);
    if (index === undefined) {
      index = values[key].push(value) - 1;
      indexes.set(id, index);
    }
    return index;
  };
  const pages = records.map((record): PageRow => {
    const fragment = byUrl.get(record.url);
    if (!fragment) throw new Error(`search page table: Pagefind has no page for ${record.url}`);
    const [region, zone, type, year] = SEARCH_FILTERS.map(({ key }) => indexOf(key, record[key]));
    return [fragment.hash, region, zone, type, year, indexTokens(record.title).length, fragment.wordCount];
  });
  return { values, pages };
}
