import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The code part of a cache key: a digest of the files a cached value is made with. Each cache
 * names its own list (the loader, src/loaders/news.ts; the search shards,
 * src/integrations/pagefind.ts) and says there why those files and no others, so that an edit
 * elsewhere leaves it valid. Files are read as they are: any change, a comment included, gives
 * another digest, which errs on the side of rebuilding.
 */

/**
 * Every file named by `paths` (relative to `root`; a folder stands for every file under it),
 * relative to `root` with `/` separators, sorted. A path that does not exist is kept as it is.
 */
export function sourceFiles(root: string, paths: readonly string[]): string[] {
  const files = paths.flatMap((path) => {
    const full = join(root, path);
    if (!existsSync(full) || !statSync(full).isDirectory()) return [full];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  });
  return files.map((file) => relative(root, file).split(sep).join('/')).sort();
}

/** The digest of the files `paths` names: each one's path, and its bytes or that it does not exist. */
export function sourceDigest(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of sourceFiles(root, paths)) {
    const full = join(root, file);
    if (!existsSync(full)) {
      hash.update(`${file}\0missing\0`);
      continue;
    }
    const bytes = readFileSync(full);
    hash.update(`${file}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}
