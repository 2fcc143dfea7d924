import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeBundles, type MergedBundle } from '../lib/search/merge-bundle.ts';
import { chunkSizeFor } from '../lib/search/merge-index.ts';
import { pageNames, siteTable, type ShardRow } from '../lib/search/page-table.ts';
import { PAGE_TABLE, pageName } from '../lib/search/ranking.ts';
import { prefixTerms } from '../lib/search/tokens.ts';

/**
 * The words after a search word (tokens.ts prefixTerms) get a file of their own (a group, MergeOptions.groupsOf) where
 * they span more than this many chunks: a search word then loads at most this many requests
 * of chunks, or one. Each group repeats its words' bytes; 3 repeats about half the chunks' bytes.
 */
const GROUP_SPAN = 3;

/**
 * Writes the site's one search bundle in `bundle` from the finished shards, newest first (merged,
 * src/lib/search/merge-bundle.ts), and its page table, then removes the cached shards this build
 * did not use (an edited shard's old version, say). Runs on a worker thread of
 * src/integrations/pagefind.ts as soon as the last shard is done, while the pages may still be
 * rendering.
 */

export interface PublishTask {
  /** The shards' folders in the cache (`cacheRoot/<cached>`), newest first. */
  cached: string[];
  cacheRoot: string;
  bundle: string;
  /** Positions per chunk the shards were written with: the least the merged index has (chunkSizeFor). */
  chunkSize: number;
}

export interface Published extends MergedBundle {
  /** How long the merge and the page table took. */
  ms: number;
}

export async function publishIndex({ cached, cacheRoot, bundle, chunkSize }: PublishTask): Promise<Published> {
  const started = performance.now();
  // The shards' page table rows, newest first: they name the pages.
  const shards = await Promise.all(
    cached.map(async (name) => ({
      dir: join(cacheRoot, name),
      rows: JSON.parse(await readFile(join(cacheRoot, name, PAGE_TABLE), 'utf8')) as ShardRow[],
    })),
  );
  const names = pageNames(shards);
  // A page's words (Pagefind's word count) are its positions.
  const positions = shards.reduce((sum, { rows }) => sum + rows.reduce((words, row) => words + row[5], 0), 0);
  const merged = await mergeBundles(
    shards.map(({ dir }, i) => ({ dir, names: names[i] })),
    bundle,
    { chunkSize: chunkSizeFor(positions, chunkSize), keep: [PAGE_TABLE], groupsOf: prefixTerms, groupSpan: GROUP_SPAN },
  );
  // The search page takes a page's number in the index for its place in the table: Pagefind
  // numbers a shard's pages in the order they were added, which is the rows' order.
  const total = merged.pages.length;
  const misplaced = merged.pages.findIndex((name, number) => name !== pageName(number, total));
  if (misplaced >= 0) {
    throw new Error(
      `search index: page ${misplaced} of the merged index is ${merged.pages[misplaced]}, not ${pageName(misplaced, total)}: Pagefind numbered the pages in another order than they were added`,
    );
  }
  await writeFile(join(bundle, PAGE_TABLE), JSON.stringify(siteTable(shards, merged.chunks, merged.groups)));
  const used = new Set(cached);
  for (const name of await readdir(cacheRoot).catch((): string[] => [])) {
    if (!used.has(name)) await rm(join(cacheRoot, name), { recursive: true, force: true });
  }
  return { ...merged, ms: Math.round(performance.now() - started) };
}
