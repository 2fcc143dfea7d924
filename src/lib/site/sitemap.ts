import type { Article } from '@/lib/content/article';
import { toBeijingIso } from '@/lib/content/dates';
import { absoluteUrl, articlePath } from '@/lib/site/urls';

/**
 * What the sitemap (src/integrations/sitemap.ts) says of a page beyond its URL. An article's
 * `lastmod` is when it was last corrected (`updated`), else when it was published: the page has
 * not changed since. Listing, index and home pages get none: every article published into one
 * changes it (page 2 onward shifts with each), so its only true lastmod would be its newest
 * member's, which crawlers learn from that article's own entry and from the feeds; a lastmod that
 * moves with every publication only teaches search engines to ignore the site's lastmod.
 */

/** A sitemap entry as @astrojs/sitemap hands it to `serialize`: an absolute URL and more. */
export interface SitemapEntry {
  url: string;
  lastmod?: string;
}

/** Each article's absolute URL, as the sitemap lists it, with its lastmod. */
export function articleLastmods(articles: Iterable<Article>): Map<string, string> {
  const lastmods = new Map<string, string>();
  for (const article of articles) lastmods.set(absoluteUrl(articlePath(article.slug)), toBeijingIso(article.updated ?? article.date));
  return lastmods;
}

/** The entry with its lastmod when it is an article's page; any other entry unchanged. */
export function withLastmod<T extends SitemapEntry>(entry: T, lastmods: ReadonlyMap<string, string>): T {
  const lastmod = lastmods.get(entry.url);
  return lastmod === undefined ? entry : { ...entry, lastmod };
}
