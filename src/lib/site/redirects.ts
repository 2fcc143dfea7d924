import type { Article } from '@/lib/content/article';
import { articlePath } from '@/lib/site/urls';
import { legacyPath } from '@/lib/content/article';

/**
 * The `_redirects` file (Netlify and Cloudflare Pages read it from the root of the deployed
 * folder): one `old-path new-path 301` line per published article that has a `legacyUrl`, so
 * links into the portal this site replaces keep working once its domain points here. Only the
 * old URL's path is matched; a query string (`?id=12`) is not part of the match.
 */
export function redirectsFile(articles: readonly Article[]): string {
  const lines = articles
    .filter((article) => article.legacyUrl)
    .map((article) => [legacyPath(article.legacyUrl as string), articlePath(article.slug)])
    // A legacy path that already is the new URL would loop.
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => `${from} ${to} 301`)
    .sort();
  return lines.length ? `${lines.join('\n')}\n` : '';
}
