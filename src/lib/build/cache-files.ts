import { join } from 'node:path';

/**
 * The one owner of the names of what the project keeps in the cache folder: Astro's cacheDir,
 * `node_modules/.astro` unless DEVZONE_CACHE_DIR names another (astro.config.mjs; tests and the
 * bench give each build its own). Deleting the folder gives a cold build. Every module that reads
 * or writes there takes its path from `cachePath`, so no two writers can pick the same name and
 * docs/architecture.md#caches can list them all from here. A writer that replaces a file whole
 * writes `<name>.partial` beside it first, then renames it.
 *
 * Astro keeps its own files in the same folder, named by Astro, not by us (ASTRO_CACHE_FILES):
 * the content store (`data-store.json`), the incremental build's manifest
 * (`incremental-build.json`: each page's key and its route's dependency hash) and its copies of
 * rendered pages (`dist/`), and its encoded pictures (`assets/`).
 */

/** Astro's cacheDir when DEVZONE_CACHE_DIR sets none, relative to the project root. */
export const DEFAULT_CACHE_DIR = 'node_modules/.astro';

/**
 * Where `astro dev` keeps its content store (Astro's `.astro/`, relative to the project root):
 * the preview's body files go beside it, so a preview and a build never prune each other's.
 */
export const PREVIEW_CACHE_DIR = '.astro';

export const CACHE_FILES = {
  /** Rendered article bodies, one `<digest>.html` each (src/lib/build/body-store.ts), written by the loader. */
  bodies: 'devzone-bodies',
  /** Every stored article with its body file (src/lib/build/article-manifest.ts), for the search index and the sitemap. */
  articleManifest: 'devzone-articles.json',
  /** Finished Pagefind indexes, one `<shard>-<hash>/` folder each (src/integrations/pagefind-shard.ts). */
  searchShards: 'search-shards',
  /** What the post-build audit read out of each output file (src/lib/audit/scan-cache.ts). */
  auditScans: 'devzone-audit-scans',
  /** The last build's time window and settings (src/lib/audit/runner.ts), for `npm run audit`. */
  buildStamp: 'devzone-build.json',
  /** The state of the kept output folder (src/lib/build/output-state.ts, src/integrations/kept-output.ts). */
  outputStamp: 'devzone-output.json',
  /** What `npm run check -- --cache` found in each article file alone (src/lib/build/check-cache.ts). */
  checkResults: 'devzone-check.bin',
  /** The whole report of the last `npm run check -- --cache`, replayed while nothing changed (src/lib/build/check-run.ts). */
  checkRun: 'devzone-check-run.json',
  /** The size, format and byte length of each remote (http(s)) picture the build could read (src/lib/build/remote-images.ts). */
  remoteImages: 'devzone-remote-images.json',
} as const;

/** Astro's own files in the cache folder: the project reads `incrementalManifest` and writes none of them. */
export const ASTRO_CACHE_FILES = {
  contentStore: 'data-store.json',
  incrementalManifest: 'incremental-build.json',
  pageCopies: 'dist',
  /**
   * Astro's encoded pictures (AVIF, WebP, JPEG/PNG in each width), one file per transform named by
   * its hash (src/lib/site/pictures.ts): a warm build copies them instead of encoding again.
   */
  optimizedImages: 'assets',
} as const;

export type CacheFile = keyof typeof CACHE_FILES;

/** The path of one of the project's cache files in `cacheDir`. */
export function cachePath(cacheDir: string, name: CacheFile): string {
  return join(cacheDir, CACHE_FILES[name]);
}

/** The path of one of Astro's own cache files in `cacheDir`. */
export function astroCachePath(cacheDir: string, name: keyof typeof ASTRO_CACHE_FILES): string {
  return join(cacheDir, ASTRO_CACHE_FILES[name]);
}
