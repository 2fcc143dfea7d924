import type { Article } from '@/lib/content/article';
import type { SlugMove } from '@/lib/content/slug-types';
import { absoluteUrl, articlePath, feedPath, homePath, namePath, slugListingPath } from '@/lib/site/urls';
import { legacyPath } from '@/lib/content/article';
import { paginate } from '@/lib/site/pagination';
import type { SiteIndex } from '@/lib/site/site-index';

/**
 * The site's redirects: from the old portal's URLs (each published article's `legacyUrl`) to the
 * articles, and from the URLs names had before (src/lib/content/slug-assign.ts: a slug pinned
 * after the name was published) to their URLs now, in the two forms hosts read:
 *
 * - `_redirects` (Netlify and Cloudflare Pages read it from the root of the deployed folder): one
 *   `old-path new-path 301` line each. Only the old URL's path is matched; a query string
 *   (`?id=12`) is not part of the match.
 * - a Cloudflare Bulk Redirects list as CSV, for archives with more redirects than Cloudflare
 *   Pages applies from `_redirects` (2,000 static ones; it ignores the rest). The build writes it
 *   beside the output folder, not into it (src/integrations/bulk-redirects.ts): a host serves
 *   every file of the output, and this one is for the dashboard, not for readers.
 */

export interface Redirect {
  /** Host of the old URL; undefined for a root-relative `legacyUrl`, which is on the site's own host. */
  host?: string;
  /** Path of the old URL: what `_redirects` matches. */
  from: string;
  /** The article's URL path, base included. */
  to: string;
}

/** Every redirect of `articles`, and the redirects `moved` of names, sorted by old path. */
export function articleRedirects(articles: readonly Article[], moved: readonly Redirect[] = []): Redirect[] {
  return [
    ...articles
      .filter((article) => article.legacyUrl)
      .map((article): Redirect => {
        const legacyUrl = article.legacyUrl as string;
        // A port cannot be part of a Bulk Redirects source URL, so only the host name is kept.
        const host = URL.canParse(legacyUrl) ? new URL(legacyUrl).hostname : undefined;
        return { host, from: legacyPath(legacyUrl), to: articlePath(article.slug) };
      })
      // A legacy path that already is the new URL would loop.
      .filter(({ from, to }) => from !== to),
    ...moved,
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

/**
 * The redirects of the names that moved and have a page now: an article's old URL, or every page
 * of a listing's old URL (each of its pages, and its feed) to the same page of the new one.
 */
export function slugRedirects(index: Pick<SiteIndex, 'all' | 'groups' | 'slugMoves'>, pageSize: number): Redirect[] {
  const published = new Set(index.all.map((article) => article.slug));
  return index.slugMoves.flatMap(({ kind, name, from, to }: SlugMove): Redirect[] => {
    if (kind === 'news') return published.has(to) ? [{ from: articlePath(from), to: articlePath(to) }] : [];
    const members = index.groups[kind].get(name);
    if (!members?.length) return [];
    return [
      ...paginate(members, pageSize).map((page) => ({
        from: slugListingPath(kind, from, page.number),
        to: slugListingPath(kind, to, page.number),
      })),
      { from: `${namePath(kind, from)}rss.xml`, to: feedPath(kind, name) },
    ];
  });
}

export function redirectsFile(articles: readonly Article[], moved: readonly Redirect[] = []): string {
  const lines = articleRedirects(articles, moved).map(({ from, to }) => `${from} ${to} 301`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** File name of the Bulk Redirects CSV where the route writes it; the build then moves it (bulkRedirectsPath). */
export const BULK_REDIRECTS_FILE = 'cloudflare-bulk-redirects.csv';

/** Where the Bulk Redirects CSV of the output folder `outDir` ends up: beside it (`dist.cloudflare-bulk-redirects.csv`). */
export function bulkRedirectsPath(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}.${BULK_REDIRECTS_FILE}`;
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The CSV Cloudflare's dashboard imports into a Bulk Redirect List: no header row (the import
 * refuses one), then per redirect `source,target,status,preserve query string,include
 * subdomains,subpath matching,preserve path suffix`. The source is host and path without a
 * scheme, so it matches both http and https; the target is the article's absolute URL. Every
 * option is off: the old query string (`?id=12`) is not carried over, and only the exact old
 * path on the exact old host is redirected, as `_redirects` does.
 */
export function bulkRedirectsCsv(articles: readonly Article[], moved: readonly Redirect[] = []): string {
  const siteHost = new URL(absoluteUrl(homePath())).hostname;
  const rows = articleRedirects(articles, moved).map(({ host, from, to }) =>
    [`${host ?? siteHost}${from}`, absoluteUrl(to), '301', 'false', 'false', 'false', 'false'].map(csvField).join(','),
  );
  return rows.length ? `${rows.join('\n')}\n` : '';
}
