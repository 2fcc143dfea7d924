import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';

/**
 * The page types a reader meets, as paths into a built site: what the page-quality report
 * (scripts/lighthouse.ts) scores and the screenshots (scripts/screenshots.ts) show.
 */

export interface PageType {
  name: string;
  /** A file-name-safe name, for screenshots. */
  key: string;
  path: string;
  /** The search page shows results once its script has searched. */
  searches: boolean;
}

/** The first article page (by URL) with a cover, and the first without: a 图片新闻 and a text article. */
function articles(dist: string): { picture: string; text: string } {
  const found: { picture?: string; text?: string } = {};
  for (const slug of readdirSync(join(dist, 'news')).sort()) {
    const file = join(dist, 'news', slug, 'index.html');
    if (slug === 'page' || (found.picture && found.text)) continue;
    let html: string;
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const kind = load(html)('.article__cover img').length ? 'picture' : 'text';
    found[kind] ??= `/news/${slug}/`;
  }
  if (!found.picture || !found.text) throw new Error('the site needs an article with a cover and one without');
  return { picture: found.picture, text: found.text };
}

export function pageTypes(dist: string, query = '招商引资'): PageType[] {
  const { picture, text } = articles(dist);
  const page = (name: string, key: string, path: string, searches = false): PageType => ({ name, key, path, searches });
  return [
    page('home', 'home', '/'),
    page('listing', 'listing', '/news/'),
    page('text article', 'article', text),
    page('picture article', 'picture', picture),
    page('search with results', 'search', `/search/?q=${encodeURIComponent(query)}`, true),
    page('search without results', 'search-none', `/search/?q=${encodeURIComponent('没有这样的词语')}`, true),
    page('404', '404', '/no-such-page/'),
    page('feeds', 'feeds', '/feeds/'),
  ];
}
