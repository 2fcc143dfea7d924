import { appendFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { SEARCH_LANGUAGE } from '../lib/search-records.ts';
import { PAGEFIND_CONFIG, type ShardResult, type ShardTask } from './pagefind-shard.ts';

/**
 * Builds the search index at the end of `astro build`, with Pagefind's Node API. The build
 * writes the search records of every article to `recordsDir` (src/pages/search/records/), one
 * file per shard (src/lib/search-shards.ts); this turns each shard into its own Pagefind index
 * in `bundleDir/<shard>/` (src/integrations/pagefind-shard.ts) and deletes the records. The search
 * page merges the shards in the browser.
 *
 * Shards are built by worker threads, two at once on a machine with two cores or more, each
 * shard by its own Pagefind process that is stopped when the shard is written, so memory stays
 * bounded by the largest shard, whatever the size of the site. Finished shards are kept in the
 * build's cache folder (Astro's cacheDir, DEVZONE_CACHE_DIR), keyed by a hash of their input:
 * a rebuild re-indexes only the shards whose articles changed and copies the others.
 *
 * Any error Pagefind reports fails the build, rather than publishing a site whose search silently
 * misses articles. When DEVZONE_BUILD_STATS names a file, a JSON line with the figures of this
 * stage is appended to it (for `npm run bench`).
 */

export interface PagefindOptions {
  /** Where the build wrote the records, relative to the output folder. */
  recordsDir: string;
  /** Where the bundle goes, relative to the output folder; the search page loads it from there. */
  bundleDir: string;
}

/** Changes whenever what a cached shard holds changes for the same input (kept files, say). */
const SHARD_LAYOUT = 1;

/** Shards built at once. Two: each may take a few GB, and this is meant for 2-core machines. */
const WORKERS = Math.max(1, Math.min(2, availableParallelism()));

async function pagefindVersion(): Promise<string> {
  const manifest = new URL('../../node_modules/pagefind/package.json', import.meta.url);
  return (JSON.parse(await readFile(manifest, 'utf8')) as { version: string }).version;
}

/** Runs `tasks` on `count` worker threads, each taking the next task when done; results in task order. */
async function runWorkers(tasks: ShardTask[], count: number): Promise<ShardResult[]> {
  const results = new Array<ShardResult>(tasks.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(count, tasks.length) }, () => new Worker(new URL('./pagefind-worker.ts', import.meta.url)));
  const drain = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let current = -1;
      const send = () => {
        if (next >= tasks.length) return resolve();
        current = next++;
        worker.postMessage(tasks[current]);
      };
      worker.on('message', (message: { result?: ShardResult; error?: string }) => {
        if (message.result) {
          results[current] = message.result;
          send();
        } else reject(new Error(message.error));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`search index worker stopped (exit code ${code})`)));
      send();
    });
  try {
    await Promise.all(workers.map(drain));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
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
 * Indexes each records file in `recordsDir` as a shard into `bundle/<shard>/`, with the cache in
 * `cacheRoot`; deletes the records and the cached shards this build did not use (an edited
 * shard's old version, say).
 */
export async function indexShards(recordsDir: string, bundle: string, cacheRoot: string): Promise<ShardResult[]> {
  const files = (await readdir(recordsDir).catch((): string[] => [])).filter((name) => name.endsWith('.json')).sort();
  const fingerprint = JSON.stringify({ pagefind: await pagefindVersion(), config: PAGEFIND_CONFIG, layout: SHARD_LAYOUT });
  await rm(bundle, { recursive: true, force: true });
  await mkdir(bundle, { recursive: true });
  const tasks: ShardTask[] = files.map((file) => {
    const key = file.replace(/\.json$/, '');
    return { key, records: join(recordsDir, file), cacheDir: cacheRoot, outDir: join(bundle, key), fingerprint };
  });
  // Largest first, so that the workers finish at about the same time.
  const sizes = new Map(await Promise.all(tasks.map(async (task) => [task.key, (await stat(task.records)).size] as const)));
  const results = await runWorkers(
    [...tasks].sort((a, b) => (sizes.get(b.key) ?? 0) - (sizes.get(a.key) ?? 0)),
    WORKERS,
  );
  const used = new Set(results.map((result) => result.cached));
  for (const name of await readdir(cacheRoot).catch((): string[] => [])) {
    if (!used.has(name)) await rm(join(cacheRoot, name), { recursive: true, force: true });
  }
  await rm(recordsDir, { recursive: true, force: true });
  return results.sort((a, b) => (a.key < b.key ? 1 : -1));
}

export function pagefindIndex(options: PagefindOptions): AstroIntegration {
  let cacheRoot = '';
  return {
    name: 'devzone-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'search-shards');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const out = fileURLToPath(dir);
        const bundle = join(out, options.bundleDir);
        const results = await indexShards(join(out, options.recordsDir), bundle, cacheRoot);
        const records = results.reduce((sum, result) => sum + result.records, 0);
        const reindexed = results.filter((result) => result.reindexed).length;
        const { files: bundleFiles, bytes } = await size(bundle);
        const ms = Math.round(performance.now() - started);
        logger.info(
          `indexed ${records} articles in ${results.length} shard${results.length === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)}s ` +
            `(${reindexed} re-indexed, ${results.length - reindexed} from the cache; ${bundleFiles} files, ${(bytes / 2 ** 20).toFixed(1)} MB): ` +
            `Chinese as character bigrams (src/lib/search-tokens.ts), language "${SEARCH_LANGUAGE}", ` +
            `so Pagefind's own zh segmenter does not run`,
        );
        if (process.env.DEVZONE_BUILD_STATS) {
          const line = { stage: 'search', ms, records, shards: results.length, reindexed, files: bundleFiles, bytes };
          await appendFile(process.env.DEVZONE_BUILD_STATS, `${JSON.stringify(line)}\n`);
        }
      },
    },
  };
}
