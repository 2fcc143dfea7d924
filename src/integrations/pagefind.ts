import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readArticleManifest } from '../lib/build/article-manifest.ts';
import { cachePath } from '../lib/build/cache-files.ts';
import { isVisible, sortArticles } from '../lib/content/article.ts';
import { buildTime, startBuildClock } from '../lib/build/clock.ts';
import { sourceDigest } from '../lib/build/source-digest.ts';
import { startProgress } from '../lib/build/progress.ts';
import { memoryBudget, searchProcessesFor } from '../lib/build/host-memory.ts';
import { siteTable, type ShardRow } from '../lib/search/page-table.ts';
import { PAGE_TABLE } from '../lib/search/ranking.ts';
import { recordFields, SEARCH_LANGUAGE } from '../lib/search/records.ts';
import { toBeijingIso } from '../lib/content/dates.ts';
import { coversOf, localFacts } from '../lib/site/site-images.ts';
import { searchShards } from '../lib/search/shards.ts';
import { SITE } from '../site.config.ts';
import { feed, startPool, workerTask } from '../lib/build/worker-pool.ts';
import { buildShard, INDEX_CHUNK_SIZE, PAGEFIND_CONFIG, type ShardResult, type ShardTask } from './pagefind-shard.ts';
import { mergeBundles, type MergedBundle } from '../lib/search/merge-bundle.ts';

/**
 * Builds the search index with Pagefind's Node API, while Astro bundles and renders the pages.
 * The content sync lists every article it stored (src/lib/build/article-manifest.ts); when the build
 * starts, this takes the published ones (with the build's moment, src/lib/build/clock.ts, as the
 * pages do), cuts them into shards (src/lib/search/shards.ts) and indexes each shard into its own
 * Pagefind index (src/integrations/pagefind-shard.ts) in the build's cache folder. The search
 * page merges the shards in the browser. When the build is done, each shard is put in
 * `bundleDir/<shard>/`.
 *
 * Why during the pages: Pagefind costs about as much CPU as rendering every page (about 7 ms an
 * article), and page rendering is one thread. So one shard at a time is indexed while the pages
 * render, on the other core, and two at a time once they are rendered. Each shard is indexed by
 * its own Pagefind process, stopped when the shard is written, so memory stays bounded by the
 * largest shard whatever the size of the site.
 *
 * Finished shards stay in the cache, keyed by a hash of their input: a rebuild re-indexes only
 * the shards whose articles changed, and leaves a shard already in place in the output alone.
 *
 * Any error Pagefind reports fails the build, rather than publishing a site whose search silently
 * misses articles. When DEVZONE_BUILD_STATS names a file, a JSON line with the figures of this
 * stage is appended to it (for `npm run bench`).
 */

export interface PagefindOptions {
  /** Where the bundle goes, relative to the output folder; the search page loads it from there. */
  bundleDir: string;
}

/** Changes whenever what a cached shard holds changes for the same input (kept files, say). */
const SHARD_LAYOUT = 4;

/**
 * The code that shapes a cached shard, relative to the project root: part of every shard's key
 * (src/integrations/pagefind-shard.ts `shardName`), with Pagefind's version and settings.
 * - src/lib/search/: the record of an article (fields, filters, sort key), the tokens Pagefind
 *   indexes for Chinese, and how articles are cut into shards.
 * - src/integrations/pagefind-shard.ts: how a shard's pages are handed to Pagefind and what of
 *   its output is kept.
 * Nothing else, so an edit in feed, page or audit code re-indexes no shard. What records.ts takes
 * from other modules (URLs from src/lib/site/urls.ts, dates from src/lib/content/) is in each
 * article's record fields, which the key hashes as values; the body is named by the content
 * store's digest, which covers the Markdown renderer and the lockfile (so the HTML-to-text
 * libraries too, src/loaders/news.ts). This integration and its worker only schedule shards and
 * put them in place.
 */
const SEARCH_CODE = ['src/lib/search', 'src/integrations/pagefind-shard.ts'];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function fingerprint(): Promise<string> {
  const manifest = new URL('../../node_modules/pagefind/package.json', import.meta.url);
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version: string };
  const code = sourceDigest(ROOT, SEARCH_CODE);
  return JSON.stringify({ pagefind: version, config: PAGEFIND_CONFIG, layout: SHARD_LAYOUT, code });
}

/**
 * A shard per task, on a thread of its own (src/lib/build/worker-pool.ts): Pagefind's Node API
 * drives one Pagefind process per module instance, so two shards at once need two threads.
 */
const SHARD = workerTask('@/integrations/pagefind-shard', buildShard);

/**
 * Builds the shards on worker threads, each taking the next shard when done, `during` at once
 * while the pages render and `after` once `widen` is called. `follow` hands every shard finished from then on to `each` and returns
 * how many articles the shards finished so far hold. `done` waits for the last shard, stops the
 * threads and throws the first error. A build that fails before `done` still ends: the Astro CLI
 * exits the process on an error, whatever threads are running.
 */
function startShards(
  tasks: ShardTask[],
  { during, after }: { during: number; after: number },
): { done: () => Promise<ShardResult[]>; widen: () => void; follow: (each: (articles: number) => void) => number } {
  const results: ShardResult[] = [];
  let indexed = 0;
  let each: (articles: number) => void = () => {};
  const pool = startPool(after);
  const building = feed(
    tasks,
    { limit: during },
    (task) => pool.run(SHARD, task),
    (task, result) => {
      results.push(result);
      indexed += task.articles.length;
      each(task.articles.length);
    },
  );
  return {
    widen: () => building.widen(after),
    follow: (onShard) => {
      each = onShard;
      return indexed;
    },
    done: async () => {
      try {
        await building.finished;
        return results;
      } finally {
        await pool.destroy();
      }
    },
  };
}

/** Files and bytes under `dir`. */
async function size(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/**
 * Writes the site's one search bundle in `bundle/` from the finished shards (merged,
 * src/lib/search/merge-bundle.ts) and its page table, then removes the cached shards this build
 * did not use (an edited shard's old version, say).
 */
async function publish(results: ShardResult[], bundle: string, cacheRoot: string): Promise<MergedBundle> {
  const merged = await mergeBundles(
    results.map(({ cached }) => join(cacheRoot, cached)),
    bundle,
    { chunkSize: INDEX_CHUNK_SIZE, keep: [PAGE_TABLE] },
  );
  // The one page table of every shard, newest first (results are sorted so), with the hashes
  // the merge gave pages that two shards had.
  const shards = await Promise.all(
    results.map(async ({ key, cached }, i) => {
      const rows = JSON.parse(await readFile(join(cacheRoot, cached, PAGE_TABLE), 'utf8')) as ShardRow[];
      const renamed = merged.renamed[i];
      return { key, rows: rows.map(([hash, ...rest]): ShardRow => [renamed.get(hash) ?? hash, ...rest]) };
    }),
  );
  await writeFile(join(bundle, PAGE_TABLE), JSON.stringify(siteTable(shards)));
  const used = new Set(results.map((result) => result.cached));
  for (const name of await readdir(cacheRoot).catch((): string[] => [])) {
    if (!used.has(name)) await rm(join(cacheRoot, name), { recursive: true, force: true });
  }
  return merged;
}

/** The shards of the build's published articles, newest first, as the search page names them. */
async function shardTasks(manifest: string, cacheRoot: string): Promise<ShardTask[]> {
  const now = buildTime();
  const published = readArticleManifest(manifest).filter(({ article }) => isVisible(article, { now, preview: false }));
  const bodies = new Map(published.map(({ article, bodyFile }) => [article.id, bodyFile]));
  const articles = sortArticles(published.map(({ article }) => article));
  const print = await fingerprint();
  // Results show the covers' listing thumbnails, named from the pictures' facts; remote covers
  // are shown as they are, so only local ones are read.
  const facts = await localFacts(coversOf(articles));
  return searchShards(articles, (article) => toBeijingIso(article.date), SITE.searchShardCap).map(({ key, items }) => ({
    key,
    articles: items.map((article) => ({ fields: recordFields(article, facts), bodyFile: bodies.get(article.id) ?? '' })),
    cacheDir: cacheRoot,
    fingerprint: print,
  }));
}

export function pagefindIndex(options: PagefindOptions): AstroIntegration {
  let cacheRoot = '';
  let manifest = '';
  let started = 0;
  let articles = 0;
  let indexing: ReturnType<typeof startShards> | undefined;
  let processes = 1;
  let memory = '';
  return {
    name: 'devzone-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command === 'build') startBuildClock();
      },
      'astro:config:done': ({ config }) => {
        cacheRoot = cachePath(fileURLToPath(config.cacheDir), 'searchShards');
        manifest = cachePath(fileURLToPath(config.cacheDir), 'articleManifest');
      },
      // The content sync is done (it wrote the manifest); Astro now bundles, then renders the pages.
      'astro:build:start': async () => {
        started = performance.now();
        const tasks = await shardTasks(manifest, cacheRoot);
        // Largest first, so that the workers finish at about the same time.
        tasks.sort((a, b) => b.articles.length - a.articles.length);
        articles = tasks.reduce((sum, task) => sum + task.articles.length, 0);
        const cores = availableParallelism();
        const nodeBytes = process.memoryUsage.rss();
        const budget = memoryBudget(nodeBytes);
        const largestShard = tasks[0]?.articles.length ?? 0;
        processes = Math.max(
          1,
          Math.min(cores, SITE.searchProcesses ?? searchProcessesFor({ budget: budget.bytes, nodeBytes, largestShard, cores })),
        );
        memory = SITE.searchProcesses
          ? 'set by DEVZONE_SEARCH_PROCESSES'
          : `memory budget ${(budget.bytes / 2 ** 30).toFixed(1)} GB (${budget.limitedBy}), largest shard ${largestShard} articles`;
        // While the pages render on one core: the others.
        indexing = startShards(tasks, { during: Math.max(1, Math.min(processes, cores - 1)), after: processes });
      },
      'astro:build:generated': () => {
        indexing?.widen();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('the search index was not started');
        const waited = performance.now();
        // The pages are done and Astro has stopped logging them: what is left of the index is a silent wait.
        const progress = startProgress({
          label: 'articles indexed',
          total: articles,
          initial: indexing.follow((n) => progress.tick(n)),
          log: (line) => logger.info(line),
        });
        const results = (await indexing.done().finally(() => progress.done())).sort((a, b) => (a.key < b.key ? 1 : -1));
        const bundle = join(fileURLToPath(dir), options.bundleDir);
        const merging = performance.now();
        const merged = await publish(results, bundle, cacheRoot);
        const mergeMs = Math.round(performance.now() - merging);
        const records = results.reduce((sum, result) => sum + result.records, 0);
        const reindexed = results.filter((result) => result.reindexed).length;
        const { files: bundleFiles, bytes } = await size(bundle);
        const ms = Math.round(performance.now() - waited);
        const total = Math.round(performance.now() - started);
        logger.info(
          `indexed ${records} articles in ${results.length} shard${results.length === 1 ? '' : 's'} in ${(total / 1000).toFixed(1)}s, ` +
            `${(ms / 1000).toFixed(1)}s of it after the pages ` +
            `(merged into one index in ${(mergeMs / 1000).toFixed(1)}s: ${merged.pages} pages, ${merged.chunks} chunks, ${merged.written} written) ` +
            `(${reindexed} re-indexed, ${results.length - reindexed} from the cache; ${bundleFiles} files, ${(bytes / 2 ** 20).toFixed(1)} MB; ` +
            `up to ${processes} Pagefind process${processes === 1 ? '' : 'es'} at once, ${memory}): ` +
            `Chinese as character bigrams (src/lib/search/tokens.ts), language "${SEARCH_LANGUAGE}", ` +
            `so Pagefind's own zh segmenter does not run`,
        );
        if (process.env.DEVZONE_BUILD_STATS) {
          const line = { stage: 'search', ms, total, mergeMs, records, shards: results.length, reindexed, files: bundleFiles, bytes };
          await appendFile(process.env.DEVZONE_BUILD_STATS, `${JSON.stringify(line)}\n`);
        }
      },
    },
  };
}
