import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import * as pagefind from 'pagefind';
import { readFragment, shardRows } from '../lib/search/page-table.ts';
import { PAGE_TABLE } from '../lib/search/ranking.ts';
import { htmlToText, searchDocument, type RecordFields } from '../lib/search/records.ts';

/**
 * Builds one shard of the search index (src/lib/search/shards.ts), in a worker thread of
 * src/integrations/pagefind.ts. The shard is first looked up in the cache by a hash of its
 * articles' record fields, of the names of their body files (named by the content store's digest
 * of the article and of the code that rendered it, src/lib/build/body-store.ts) and of `fingerprint`
 * (Pagefind's version and configuration, and the code that turns records into Pagefind's pages):
 * a shard whose articles did not change is neither read nor re-indexed. Only a shard that must be
 * indexed reads its bodies, as text (src/lib/search/records.ts). Pagefind's output for the same
 * input is the same bytes, so the site is the same either way.
 */

export interface ShardArticle {
  fields: RecordFields;
  bodyFile: string;
}

export interface ShardTask {
  key: string;
  articles: ShardArticle[];
  /** Folder of finished shards, one subfolder per shard and hash. */
  cacheDir: string;
  /** Pagefind's version and configuration, the search code, and the layout of a shard (see the integration). */
  fingerprint: string;
}

export interface ShardResult {
  key: string;
  records: number;
  /** Whether Pagefind indexed it, rather than it being found in the cache. */
  reindexed: boolean;
  /** Its folder's name in the cache. */
  cached: string;
}

/** Pagefind's configuration; part of the cache key. */
export const PAGEFIND_CONFIG = {};

/**
 * What a shard's folder keeps of Pagefind's output: its index and the search runtime (the
 * browser loads pagefind.js, its worker and WebAssembly from the first shard it opens), and the
 * rows of the page table made from it (src/lib/search/page-table.ts). Pagefind's own UI files are left out:
 * the search page has its own UI.
 */
const KEEP = new RegExp(
  `^(pagefind-entry\\.json|pagefind\\.js|pagefind-worker\\.js|wasm\\.[\\w-]+\\.pagefind|pagefind\\.[\\w-]+\\.pf_meta|index|fragment|${PAGE_TABLE.replace('.', '\\.')})$`,
);

/**
 * The page table's rows of a shard Pagefind wrote to `out`, beside it (PAGE_TABLE): the build
 * joins them. Each fragment is written again with its text (readFragment).
 */
async function writePageTable(articles: readonly ShardArticle[], out: string): Promise<void> {
  const folder = join(out, 'fragment');
  const fragments = await Promise.all(
    (await readdir(folder)).map(async (name) => {
      const path = join(folder, name);
      const { fragment, readable } = readFragment(name.replace(/\.pf_fragment$/, ''), await readFile(path));
      await writeFile(path, readable);
      return fragment;
    }),
  );
  // Newest first, as the search page lists shards and pages.
  const records = articles
    .map(({ fields }) => fields)
    .sort((a, b) => (a.sortKey === b.sortKey ? (a.url < b.url ? -1 : 1) : a.sortKey < b.sortKey ? 1 : -1));
  await writeFile(join(out, PAGE_TABLE), JSON.stringify(shardRows(records, fragments)));
}

function fail(errors: string[], step: string, key: string): void {
  if (errors.length > 0) throw new Error(`Pagefind ${step} failed for search shard ${key}:\n${errors.join('\n')}`);
}

/** Pages handed to Pagefind at a time. */
const BATCH = 200;

/** The page Pagefind indexes for an article: its record fields and its body as text. */
async function searchPage({ fields, bodyFile }: ShardArticle): Promise<{ url: string; content: string }> {
  return { url: fields.url, content: searchDocument({ ...fields, body: htmlToText(await readFile(bodyFile, 'utf8')) }) };
}

/**
 * Positions per index chunk (Pagefind's default: 20,000). A query loads the chunk of each of its
 * words, with every other word in it: with 4,000 a query of a 2,000-article shard loads about
 * half the bytes (measured over 招商引资, 高质量发展, 产业集群, 盐城, 科技创新 and 链长制: 446 KB at
 * 20,000, 209 KB at 4,000, 198 KB at 2,000), for a metadata file about 9 KB larger. Smaller
 * gains little: common bigrams then fill a chunk of their own. Pagefind reads it from its
 * environment when its process starts (it is part of the shards' cache key: this file is).
 */
export const INDEX_CHUNK_SIZE = 4000;

async function index(articles: readonly ShardArticle[], key: string, out: string): Promise<void> {
  // This thread's copy of the environment, which the Pagefind process createIndex starts inherits.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_SIZE);
  // Pagefind's allocator (jemalloc) returns freed memory after 300 ms instead of its default
  // 10 s: a process's peak while writing a shard stays near what it uses (1,000 articles: 745 MB
  // at the default, 620 MB at 0 ms). Not at 0 ms: returning every freed page at once costs
  // system calls and page faults, about 1.4 ms of CPU an article of a 493-article shard (6.5 s
  // of CPU against 5.75 s, peak 390 MB against 415 MB; 1,000 ms: 5.75 s and 430-466 MB).
  process.env._RJEM_MALLOC_CONF ??= 'dirty_decay_ms:300,muzzy_decay_ms:0';
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  fail(errors, 'createIndex', key);
  if (!index) throw new Error('Pagefind created no index');
  const batch = (start: number) => {
    const made = Promise.all(articles.slice(start, start + BATCH).map(searchPage));
    made.catch(() => {}); // awaited below; a failure while the batch before is added is reported then
    return made;
  };
  try {
    // In batches, each made while Pagefind adds the one before: neither this thread nor
    // Pagefind's queue ever holds the text of a whole shard (thousands of articles).
    let next = batch(0);
    for (let start = 0; start < articles.length; start += BATCH) {
      const documents = await next;
      if (start + BATCH < articles.length) next = batch(start + BATCH);
      const responses = await Promise.all(documents.map((document) => index.addHTMLFile(document)));
      fail(
        responses.flatMap((response) => response.errors),
        'indexing',
        key,
      );
    }
    const written = await index.writeFiles({ outputPath: out });
    fail(written.errors, 'writeFiles', key);
    await writePageTable(articles, out);
  } finally {
    // Stops Pagefind's process, so the memory of this shard's index is returned before the next.
    await pagefind.close();
  }
  for (const name of await readdir(out)) if (!KEEP.test(name)) await rm(join(out, name), { recursive: true });
}

/** The cache folder's name of a shard: its key and the hash of everything its index is made of. */
export function shardName(task: Pick<ShardTask, 'key' | 'articles' | 'fingerprint'>): string {
  const hash = createHash('sha256').update(task.fingerprint);
  for (const { fields, bodyFile } of task.articles) hash.update(`${JSON.stringify(fields)}\0${basename(bodyFile)}\0`);
  return `${task.key}-${hash.digest('hex').slice(0, 20)}`;
}

export async function buildShard(task: ShardTask): Promise<ShardResult> {
  const name = shardName(task);
  const cached = join(task.cacheDir, name);
  let reindexed = false;
  if (!(await readdir(cached).catch((): string[] => [])).includes('pagefind-entry.json')) {
    const temporary = `${cached}.partial`;
    await rm(temporary, { recursive: true, force: true });
    await mkdir(task.cacheDir, { recursive: true });
    await index(task.articles, task.key, temporary);
    await rm(cached, { recursive: true, force: true });
    await rename(temporary, cached);
    reindexed = true;
  }
  return { key: task.key, records: task.articles.length, reindexed, cached: name };
}
