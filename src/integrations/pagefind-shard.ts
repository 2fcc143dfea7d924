import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchDocument, type SearchRecord } from '../lib/search-records.ts';

/**
 * Builds one shard of the search index (src/lib/search-shards.ts) from its records file, in a
 * worker thread of src/integrations/pagefind.ts. The shard is first looked up in the cache by a
 * hash of everything Pagefind is given (each article's URL and search page, made by
 * `searchDocument`, so a change of the tokeniser changes it too) and of `fingerprint` (Pagefind's
 * version and configuration): a shard whose articles did not change is copied, not re-indexed.
 * Pagefind's output for the same input is the same bytes, so the site is the same either way.
 */

export interface ShardTask {
  key: string;
  /** The records file the build wrote for the shard. */
  records: string;
  /** Folder of finished shards, one subfolder per shard and hash. */
  cacheDir: string;
  /** Where the shard's bundle goes in the site. */
  outDir: string;
  /** Pagefind's version and configuration, and the layout of a shard (see the integration). */
  fingerprint: string;
}

export interface ShardResult {
  key: string;
  records: number;
  /** Whether Pagefind indexed it, rather than it being copied from the cache. */
  reindexed: boolean;
  /** Its folder in the cache. */
  cached: string;
}

/** Pagefind's configuration; part of the cache key. */
export const PAGEFIND_CONFIG = {};

/**
 * What a shard's folder keeps of Pagefind's output: its index and the search runtime (the
 * browser loads pagefind.js, its worker and WebAssembly from the first shard it opens). Pagefind's
 * own UI files are left out: the search page has its own UI.
 */
const KEEP =
  /^(pagefind-entry\.json|pagefind\.js|pagefind-worker\.js|wasm\.[\w-]+\.pagefind|pagefind\.[\w-]+\.pf_meta|index|fragment|filter)$/;

function fail(errors: string[], step: string, key: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed for search shard ${key}:\n${errors.join('\n')}`);
}

async function index(documents: { url: string; content: string }[], key: string, out: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  fail(errors, 'createIndex', key);
  if (!index) throw new Error('Pagefind created no index');
  try {
    // In batches, so that Pagefind's service never holds thousands of pages in its queue.
    for (let start = 0; start < documents.length; start += 200) {
      const responses = await Promise.all(documents.slice(start, start + 200).map((document) => index.addHTMLFile(document)));
      fail(
        responses.flatMap((response) => response.errors),
        'indexing',
        key,
      );
    }
    const written = await index.writeFiles({ outputPath: out });
    fail(written.errors, 'writeFiles', key);
  } finally {
    // Stops Pagefind's process, so the memory of this shard's index is returned before the next.
    await pagefind.close();
  }
  for (const name of await readdir(out)) if (!KEEP.test(name)) await rm(join(out, name), { recursive: true });
}

export async function buildShard(task: ShardTask): Promise<ShardResult> {
  const records = JSON.parse(await readFile(task.records, 'utf8')) as SearchRecord[];
  const documents = records.map((record) => ({ url: record.url, content: searchDocument(record) }));
  const hash = createHash('sha256').update(task.fingerprint);
  for (const { url, content } of documents) hash.update(`${url}\0${content}\0`);
  const name = `${task.key}-${hash.digest('hex').slice(0, 20)}`;
  const cached = join(task.cacheDir, name);
  let reindexed = false;
  if (!(await readdir(cached).catch((): string[] => [])).includes('pagefind-entry.json')) {
    const temporary = `${cached}.partial`;
    await rm(temporary, { recursive: true, force: true });
    await mkdir(task.cacheDir, { recursive: true });
    await index(documents, task.key, temporary);
    await rm(cached, { recursive: true, force: true });
    await rename(temporary, cached);
    reindexed = true;
  }
  await cp(cached, task.outDir, { recursive: true });
  return { key: task.key, records: records.length, reindexed, cached: name };
}
