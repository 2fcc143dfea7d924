import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Rendered article bodies, one file each, in a folder of the cache (`bodies`,
 * src/lib/build/cache-files.ts) instead of in the content store. Astro inlines the whole store
 * into the server bundle that renders the pages; with the bodies in it, 100,000 articles made a
 * 500 MB store that Vite/Rolldown had to bundle and the build had to hold in memory twice (module
 * source and parsed entries). The store keeps each article's data, summary and the path of its
 * body file; a page reads its body when it renders.
 *
 * A body file is named by the store's digest of the article (its bytes, the registry and the
 * code that rendered it), so a file never changes once written: a changed article gets a new
 * file, and the old one is pruned at the end of the content sync.
 */

export function bodyFile(dir: string, digest: string): string {
  return join(dir, `${digest}.html`);
}

export function writeBody(file: string, html: string): void {
  writeFileSync(file, html);
}

export function ensureBodies(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

export function hasBody(file: string | undefined): file is string {
  return file !== undefined && existsSync(file);
}

/** Deletes every body file in `dir` that `keep` does not name. */
export function pruneBodies(dir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (!keep.has(file)) rmSync(file, { force: true });
  }
}

/**
 * Read synchronously: pages render one at a time on one thread, and for a file of a few KB one
 * readFileSync costs about a fifth of fs.promises.readFile's CPU time (which opens, stats, reads
 * and closes in four trips through the thread pool); it runs once per page, feed item and search
 * record.
 */
export function readBody(file: string): string {
  return readFileSync(file, 'utf8');
}
