import { join, resolve } from 'node:path';
import type { Article } from '@/lib/content/article';
import { coverFile, isRemoteCover } from '@/lib/content/covers';
import { cachePath, DEFAULT_CACHE_DIR } from '@/lib/build/cache-files';
import { localImageFacts, type ImageFacts } from '@/lib/build/image-facts';
import { remoteImageFacts } from '@/lib/build/remote-images';

/**
 * The facts (src/lib/build/image-facts.ts) of every cover and body picture of the site, read once per build:
 * local files from public/, remote ones from the cache folder or their server. Pages take the
 * real size from here, page keys (src/lib/site/page-keys.ts) the digest, so a page is rendered
 * again when its picture changes, and feeds the byte length. A cover missing from the map is a
 * remote one the build could not read (a missing local file has stopped the check already).
 */

/** The build runs in the project root, as `npm run build` does; the cache folder is Astro's (astro.config.mjs). */
function buildPaths(): { publicDir: string; cacheDir: string } {
  const root = process.cwd();
  return { publicDir: join(root, 'public'), cacheDir: resolve(root, process.env.DEVZONE_CACHE_DIR ?? DEFAULT_CACHE_DIR) };
}

/** The facts of the pictures `srcs` names (covers as written in frontmatter), by that name. */
export async function loadImageFacts(srcs: Iterable<string>): Promise<Map<string, ImageFacts>> {
  const { cacheDir } = buildPaths();
  const distinct = [...new Set(srcs)];
  const remote = distinct.filter(isRemoteCover);
  const facts = await remoteImageFacts(remote, cachePath(cacheDir, 'remoteImages'));
  for (const [src, fact] of await localFacts(distinct)) facts.set(src, fact);
  return facts;
}

/**
 * The facts of the local pictures among `srcs` only: for code that needs no remote picture and
 * must not touch the remembered remote ones (the cache file keeps the remote covers of the last
 * call that read them).
 */
export async function localFacts(srcs: Iterable<string>): Promise<Map<string, ImageFacts>> {
  const { publicDir } = buildPaths();
  const local = await Promise.all(
    [...new Set(srcs)]
      .filter((src) => !isRemoteCover(src))
      .map(async (src) => {
        const file = coverFile(publicDir, src);
        return file === undefined ? undefined : localImageFacts(src, file);
      }),
  );
  return new Map(local.flatMap((fact) => (fact ? [[fact.src, fact] as const] : [])));
}

/** The covers of these articles. */
export function coversOf(articles: readonly Article[]): string[] {
  return articles.flatMap((article) => (article.cover ? [article.cover] : []));
}

/** The facts of the pictures `srcs` that the build read, by src, for a page's props (so its key covers them). */
export function knownFacts(srcs: readonly string[], facts: ReadonlyMap<string, ImageFacts>): Record<string, ImageFacts> {
  const shown: Record<string, ImageFacts> = {};
  for (const src of srcs) {
    const fact = facts.get(src);
    if (fact) shown[src] = fact;
  }
  return shown;
}

/** The facts of the covers of these articles, by cover. */
export function coverFacts(articles: readonly Article[], facts: ReadonlyMap<string, ImageFacts>): Record<string, ImageFacts> {
  return knownFacts(coversOf(articles), facts);
}
