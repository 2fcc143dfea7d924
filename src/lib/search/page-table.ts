import { gzipSync } from 'node:zlib';
import { fragmentJson } from '@/lib/audit/scan';
import { PAGEFIND_SIGNATURE } from '@/lib/search/index-reader';
import { LENGTH_UNIT, pageName, type SiteTable } from '@/lib/search/ranking';
import type { RecordFields } from '@/lib/search/records';
import { decodeTokens } from '@/lib/search/tokens';

/**
 * The page table of the search index (src/lib/search/ranking.ts), made from what Pagefind
 * wrote: each fragment names its page's URL, and its file name is the page's hash in its shard.
 * Each shard's rows are made when the shard is indexed and kept with it in the cache; the build
 * joins them into the one table the search page loads, and names each page in the merged index
 * by its place in the table (pageNames).
 */

/** What a fragment file holds that the table needs. */
export interface Fragment {
  hash: string;
  url: string;
  /** Pagefind's count of the page's words, positions included. */
  wordCount: number;
}

/**
 * A fragment file's URL and word count (decoded as the audit decodes fragments), and the file
 * with its text as a reader reads it (`readable`): Pagefind keeps a page's text as the words it
 * indexed, which for Chinese are ASCII words (tokens.ts), about twice the bytes of the text once
 * gzipped; the search page loads a fragment for every result it shows and only needs the text,
 * for the excerpt. Throws when it is not a fragment, so a Pagefind whose output changed fails the
 * build.
 */
export function readFragment(hash: string, bytes: Buffer): { fragment: Fragment; readable: Buffer } {
  const json = fragmentJson(bytes);
  if (json === undefined) throw new Error(`Pagefind fragment ${hash}: no pagefind_dcd signature`);
  const data = JSON.parse(json) as { url?: unknown; word_count?: unknown; content?: unknown };
  const { url, word_count: wordCount, content } = data;
  if (typeof url !== 'string' || typeof wordCount !== 'number') throw new Error(`Pagefind fragment ${hash}: no url or word_count`);
  if (typeof content !== 'string') throw new Error(`Pagefind fragment ${hash}: no content`);
  const readable = gzipSync(PAGEFIND_SIGNATURE + JSON.stringify({ ...data, content: decodeTokens(content) }));
  return { fragment: { hash, url, wordCount }, readable };
}

/** One page of a shard: hash, region, zone, type, year, words. */
export type ShardRow = [hash: string, region: string, zone: string, type: string, year: string, words: number];

/**
 * The rows of a shard's `records` (its articles, newest first) and Pagefind's `fragments` of
 * them. Every record must have its fragment and every fragment its record: a page missing from
 * the table could not be found.
 */
export function shardRows(records: readonly RecordFields[], fragments: readonly Fragment[]): ShardRow[] {
  const byUrl = new Map(fragments.map((fragment) => [fragment.url, fragment]));
  if (byUrl.size !== records.length || fragments.length !== records.length) {
    throw new Error(`search page table: ${records.length} articles but ${fragments.length} Pagefind pages`);
  }
  return records.map((record) => {
    const fragment = byUrl.get(record.url);
    if (!fragment) throw new Error(`search page table: Pagefind has no page for ${record.url}`);
    return [fragment.hash, record.region, record.zone, record.type, record.year, fragment.wordCount];
  });
}

/**
 * The site's table from its shards' rows, shards newest first, and the merged index's `chunks`
 * (in word order). Values are listed once and rows point at them; a page's year is not in its
 * row but in `years` (pages are in date order, so a year is a run of rows), nor its name
 * (pageName: its place in the table).
 */
export function siteTable(
  shards: readonly { rows: readonly ShardRow[] }[],
  chunks: readonly { from: string; hash: string; bytes: number }[],
  groups: readonly { term: string; hash: string; bytes: number }[],
): SiteTable {
  const table: SiteTable = {
    years: [],
    places: [],
    types: [],
    pages: { place: [], type: [], length: [] },
    chunks: {
      from: chunks.map(({ from }) => from),
      file: chunks.map(({ hash }) => hash),
      kb: chunks.map(({ bytes }) => Math.ceil(bytes / 1024)),
    },
    groups: {
      term: groups.map(({ term }) => term),
      file: groups.map(({ hash }) => hash),
      kb: groups.map(({ bytes }) => Math.ceil(bytes / 1024)),
    },
  };
  const places = new Map<string, number>();
  const types = new Map<string, number>();
  const indexIn = <T>(map: Map<string, number>, list: T[], id: string, value: T) => {
    let index = map.get(id);
    if (index === undefined) index = map.set(id, list.push(value) - 1).get(id) ?? 0;
    return index;
  };
  for (const { rows } of shards) {
    for (const [hash, region, zone, type, year, words] of rows) {
      const last = table.years.at(-1);
      if (last?.[0] === year) last[1]++;
      else if (table.years.some(([seen]) => seen === year)) throw new Error(`search page table: ${hash} (${year}) is out of date order`);
      else table.years.push([year, 1]);
      const place = indexIn(places, table.places, `${region}\0${zone}`, [region, zone] as [string, string]);
      table.pages.place.push(place);
      table.pages.type.push(indexIn(types, table.types, type, type));
      table.pages.length.push(Math.max(1, Math.round(words / LENGTH_UNIT)));
    }
  }
  return table;
}

/** Per shard, the name in the merged index (pageName) of each of its pages, by Pagefind's hash in the shard. */
export function pageNames(shards: readonly { rows: readonly ShardRow[] }[]): Map<string, string>[] {
  const total = shards.reduce((sum, { rows }) => sum + rows.length, 0);
  let order = 0;
  return shards.map(({ rows }) => new Map(rows.map(([hash]) => [hash, pageName(order++, total)])));
}
