import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
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
import { recordFields, SEARCH_LANGUAGE } from '../lib/search/records.ts';
import { toBeijingIso } from '../lib/content/dates.ts';
import { coversOf, localFacts } from '../lib/site/site-images.ts';
import { searchShards } from '../lib/search/shards.ts';
import { SITE } from '../site.config.ts';
import { feed, startPool, workerTask } from '../lib/build/worker-pool.ts';
import { buildShard, INDEX_CHUNK_SIZE, PAGEFIND_CONFIG, type ShardResult, type ShardTask } from './pagefind-shard.ts';
import { publishIndex, type Published } from './pagefind-publish.ts';

/**
 * Builds the search index with Pagefind's Node API, while Astro bundles and renders the pages.
 * The content sync lists every article it stored (src/lib/build/article-manifest.ts); when the build
 * starts, this takes the published ones (with the build's moment, src/lib/build/clock.ts, as the
 * pages do), cuts them into shards (src/lib/search/shards.ts) and indexes each shard into its own
 * Pagefind index (src/integrations/pagefind-shard.ts) in the build's cache folder. As soon as the
 * last shard is done, they are merged into the site's one index in `bundleDir/`
 * (src/integrations/pagefind-publish.ts), on a thread of its own: a reader's query loads one
 * index, whatever the number of shards.
 *
 * Why during the pages: Pagefind costs about as much CPU as rendering every page (about 7 ms an
 * article), and page rendering is one thread. So one shard at a time is indexed while the pages
 * render, on the other core, and two at a time once they are rendered. Each shard is indexed by
 * its own Pagefind process, stopped when the shard is written, so memory stays bounded by the
 * largest shard whatever the size of the site.
 *
 * Finished shards stay in the cache, keyed by a hash of their input: a rebuild re-indexes only
 * the shards whose articles changed (while the pages render, so the merge can run beside them
 * too), and the merge writes only the index files that changed.
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

/** The merge of the finished shards into the site's bundle, on a thread of its own. */
const PUBLISH = workerTask('@/integrations/pagefind-publish', publishIndex);

/**
 * Merges the shards into `bundle` as soon as the last is done: when the pages are still
 * rendering (a rebuild that re-indexed one shard), the merge runs beside them on the other core.
 * Resolves with the shards and what the merge did.
 */
async function publishWhenDone(
  shards: Promise<ShardResult[]>,
  { bundle, cacheRoot }: { bundle: string; cacheRoot: string },
): Promise<{ results: ShardResult[]; published: Published }> {
  // Newest first, as the search page lists pages.
  const results = (await shards).sort((a, b) => (a.key < b.key ? 1 : -1));
  const pool = startPool(1);
  try {
    const task = { cached: results.map(({ cached }) => cached), cacheRoot, bundle, chunkSize: INDEX_CHUNK_SIZE };
    return { results, published: await pool.run(PUBLISH, task) };
  } finally {
    await pool.destroy();
  }
}

/**
 * Builds the shards on worker threads, each taking the next shard when done, `during` at once
 * while the pages render and `after` once `widen` is called. `follow` hands every shard finished from then on to `each` and returns
 * how many articles the shards finished so far hold. `done` (the same promise every call) waits
 * for the last shard, stops the threads and throws the first error. A build that fails before `done` still ends: the Astro CLI
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
  let finished: Promise<ShardResult[]> | undefined;
  return {
    widen: () => building.widen(after),
    follow: (onShard) => {
      each = onShard;
      return indexed;
    },
    done: () =>
      (finished ??= (async () => {
        try {
          await building.finished;
          return results;
        } finally {
          await pool.destroy();
        }
      })()),
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
  let publishing: ReturnType<typeof publishWhenDone> | undefined;
  let merged = false;
  let bundle = '';
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
        bundle = join(fileURLToPath(config.outDir), options.bundleDir);
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
        publishing = publishWhenDone(indexing.done(), { bundle, cacheRoot });
        // Awaited when the pages are done; a failure before then fails the build there.
        publishing.then(
          () => (merged = true),
          () => {},
        );
      },
      'astro:build:generated': () => {
        indexing?.widen();
      },
      'astro:build:done': async ({ logger }) => {
        if (!indexing || !publishing) throw new Error('the search index was not started');
        const waited = performance.now();
        // The pages are done and Astro has stopped logging them: what is left of the index is a silent wait.
        const progress = startProgress({
          label: 'articles indexed',
          total: articles,
          initial: indexing.follow((n) => progress.tick(n)),
          log: (line) => logger.info(line),
        });
        await indexing.done().finally(() => progress.done());
        if (!merged) logger.info('merging the shards into one search index …');
        const { results, published } = await publishing;
        const mergeMs = published.ms;
        const records = results.reduce((sum, result) => sum + result.records, 0);
        const reindexed = results.filter((result) => result.reindexed).length;
        const { files: bundleFiles, bytes } = await size(bundle);
        const ms = Math.round(performance.now() - waited);
        const total = Math.round(performance.now() - started);
        logger.info(
          `indexed ${records} articles in ${results.length} shard${results.length === 1 ? '' : 's'} in ${(total / 1000).toFixed(1)}s, ` +
            `${(ms / 1000).toFixed(1)}s of it after the pages ` +
            `(merged into one index in ${(mergeMs / 1000).toFixed(1)}s: ${published.pages.length} pages, ${published.chunks.length} chunks and ${published.groups.length} groups, ${published.written} written) ` +
            `(${reindexed} re-indexed, ${results.length - reindexed} from the cache; ${bundleFiles} files, ${(bytes / 2 ** 20).toFixed(1)} MB; ` +
            `up to ${processes} Pagefind process${processes === 1 ? '' : 'es'} at once, ${memory}): ` +
            `Chinese as character bigrams, longer at and before a common gram (src/lib/search/tokens.ts), language "${SEARCH_LANGUAGE}", ` +
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
