import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '@/lib/content/article';
import type { SitePlan } from '@/lib/content/content-check';
import type { SlugTable } from '@/lib/content/slug-types';
import { fileOfPath } from '@/lib/content/links';
import { paginate } from '@/lib/site/pagination';
import { listingGroups } from '@/lib/site/site-index';
import {
  articlePath,
  feedPath,
  feedsPagePath,
  homePath,
  listingPath,
  manifestPath,
  opmlPath,
  searchPath,
  sitemapIndexPath,
  taxonomyIndexPath,
  type ListingKind,
} from '@/lib/site/urls';
import { SITE } from '@/site.config';

/**
 * The files a build will write, known before it runs: what the editors' check (src/lib/content/content-check.ts)
 * judges body links against, with the audit's rule (src/lib/content/links.ts). The routes of src/pages
 * as URLs (from src/lib/site/urls.ts, their one owner): every published article's page, every
 * listing page (the listings the site index groups, src/lib/site/site-index.ts, paginated) and
 * its feed, the taxonomy indexes, the fixed pages and files, and public/. Files whose names only
 * the build knows (Astro's hashed `_astro/` assets, the search index, the numbered sitemaps) are
 * taken to exist: the post-build audit checks those against the output itself.
 */

const FIXED_FILES = ['404.html', 'robots.txt', '_redirects', '_headers'];
const BUILD_NAMED = /^(_astro\/|pagefind\/|sitemap-\d+\.xml$)/;

/** Whether `file` (a path below public/, `/`-separated) is a file there; each asked once. */
function publicFiles(publicDir: string): (file: string) => boolean {
  const known = new Map<string, boolean>();
  return (file) => {
    let found = known.get(file);
    if (found === undefined) {
      found = !file.split('/').includes('..') && statSync(join(publicDir, file), { throwIfNoEntry: false })?.isFile() === true;
      known.set(file, found);
    }
    return found;
  };
}

export function plannedFiles(
  published: readonly Article[],
  publicDir: string,
  slugs: SlugTable,
  pageSize: number = SITE.pageSize,
): (file: string) => boolean {
  const base = homePath();
  const files = new Set(FIXED_FILES);
  const add = (path: string) => {
    const file = fileOfPath(path, base);
    if (file !== undefined) files.add(file);
  };
  for (const path of [homePath(), searchPath(), feedsPagePath(), opmlPath(), manifestPath(), sitemapIndexPath()]) add(path);
  for (const article of published) add(articlePath(article.slug));
  const listing = (kind: ListingKind, members: readonly Article[], name?: string) => {
    for (const page of paginate(members, pageSize)) add(listingPath(kind, name, page.number, slugs));
    add(feedPath(kind, name, slugs));
  };
  listing('all', published);
  for (const [kind, groups] of Object.entries(listingGroups(published)) as Array<
    [keyof ReturnType<typeof listingGroups>, Map<string, Article[]>]
  >) {
    for (const [name, members] of groups) listing(kind, members, name);
  }
  for (const kind of ['region', 'zone', 'source', 'year'] as const) add(taxonomyIndexPath(kind));
  const inPublic = publicFiles(publicDir);
  return (file) => files.has(file) || BUILD_NAMED.test(file) || inPublic(file);
}

/** The site of SITE, as the check needs it: the build publishes what is due at `now` (the build's clock). */
export function sitePlan(publicDir: string, now: Date): SitePlan {
  return { origin: SITE.url, base: homePath(), now, files: (published, slugs) => plannedFiles(published, publicDir, slugs) };
}
