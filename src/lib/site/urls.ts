import type { SlugOverrides } from '@/lib/content/registry';
import type { NewsType } from '@/lib/content/schema';
import { SITE_SLUGS } from '@/lib/site/registry-slugs';
import { toSlug } from '@/lib/content/slugs';
import { SITE } from '@/site.config';

/**
 * The one owner of URLs. Pages, components and (later) feeds and the sitemap ask this module;
 * nobody else concatenates a path. Every URL ends in `/` and is ASCII.
 *
 *   /                              home
 *   /news/  /news/page/2/          all news, newest first
 *   /news/{slug}/                  an article
 *   /regions/  /regions/{slug}/    regions index, one region's news (…/page/2/)
 *   /zones/    /zones/{slug}/      zones index (grouped by region), one zone's news
 *   /types/{wenzi|tupian}/         文字新闻, 图片新闻
 *   /sources/  /sources/{slug}/    issuing offices (来源)
 *   /years/    /years/{yyyy}/      by year (Beijing time)
 */

export type ListingKind = 'all' | 'region' | 'zone' | 'type' | 'source' | 'year';
export type TaxonomyKind = Exclude<ListingKind, 'all'>;

const SECTION: Record<ListingKind, string> = {
  all: 'news',
  region: 'regions',
  zone: 'zones',
  type: 'types',
  source: 'sources',
  year: 'years',
};

/** The first path segment of a listing kind's pages. */
export function sectionOf(kind: ListingKind): string {
  return SECTION[kind];
}

/** News types have fixed slugs: there are two of them and they never change. */
const TYPE_SLUGS: Record<NewsType, string> = { 文字新闻: 'wenzi', 图片新闻: 'tupian' };

/** Article slugs that would collide with listing URLs under /news/. */
const RESERVED_ARTICLE_SLUGS = new Set(['page']);

const slugCache = new Map<string, string>();

/**
 * The slug a region, zone, type, source or year name gets in URLs. A region or zone may have a
 * slug override in the registry: `slugs` defaults to the overrides of the registry being built
 * (src/lib/site/registry-slugs.ts, read once like SITE), and the check passes the registry it reads.
 */
export function termSlug(kind: TaxonomyKind, name: string, slugs: SlugOverrides = SITE_SLUGS): string {
  if (kind === 'year') return String(name);
  if (kind === 'type') return TYPE_SLUGS[name as NewsType] ?? toSlug(name);
  const override = kind === 'region' || kind === 'zone' ? slugs[kind]?.get(name) : undefined;
  if (override) return override;
  let slug = slugCache.get(name);
  if (slug === undefined) {
    slug = toSlug(name);
    slugCache.set(name, slug);
  }
  return slug;
}

/**
 * An article's slug: the `slug` frontmatter field if set, else its file name without `.md`
 * (folders are not part of it, so editors can reorganise folders without breaking links).
 */
export function articleSlug(fileId: string, frontmatterSlug?: string): string {
  if (frontmatterSlug) return frontmatterSlug;
  const base = fileId.split('/').pop() ?? fileId;
  return toSlug(base);
}

/** Whether a slug may name an article: not empty, not only digits, not a listing word. */
export function isUsableArticleSlug(slug: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && !/^\d+$/.test(slug) && !RESERVED_ARTICLE_SLUGS.has(slug);
}

const base = SITE.base.endsWith('/') ? SITE.base : `${SITE.base}/`;

function join(...segments: string[]): string {
  return `${base}${segments.filter(Boolean).join('/')}${segments.length ? '/' : ''}`;
}

export function homePath(): string {
  return base;
}

export function articlePath(slug: string): string {
  return join('news', slug);
}

/** The `[...page]` route parameter for page N: undefined for the first page, `page/N` after. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/** A listing page's path; the first page has no `/page/1/` twin. */
export function listingPath(kind: ListingKind, name?: string | number, page = 1): string {
  const segments = [SECTION[kind]];
  if (kind !== 'all') segments.push(termSlug(kind, String(name)));
  const rest = pageParam(page);
  if (rest) segments.push(rest);
  return join(...segments);
}

/** The index page of a taxonomy: /regions/, /zones/, /sources/, /years/. */
export function taxonomyIndexPath(kind: Exclude<TaxonomyKind, 'type'>): string {
  return join(SECTION[kind]);
}

/** The path part of an old URL (`legacyUrl`): what a CDN matches a `_redirects` line against. */
export function legacyPath(legacyUrl: string): string {
  return new URL(legacyUrl, 'http://legacy.invalid').pathname;
}

/** An absolute URL on the site's origin, for canonical links and (later) feeds. */
export function absoluteUrl(path: string): string {
  return new URL(path, SITE.url).href;
}

/**
 * A listing's RSS feed: the listing's own URL plus `rss.xml`, so a reader who knows a page's
 * address knows its feed: /news/rss.xml (the whole site), /zones/{slug}/rss.xml, …
 */
export function feedPath(kind: ListingKind, name?: string | number): string {
  return `${listingPath(kind, name)}rss.xml`;
}

/** The 订阅 page: every feed, by region and zone, then by type, source and year. */
export function feedsPagePath(): string {
  return join('feeds');
}

/** Every feed in one OPML file, for importing into a feed reader. */
export function opmlPath(): string {
  return `${base}feeds.opml`;
}

/** The XSL stylesheet that turns a feed opened in a browser into a readable page (public/rss.xsl). */
export function feedStylesheetPath(): string {
  return `${base}rss.xsl`;
}

/** The sitemap index @astrojs/sitemap writes (its default file name, under the site's base). */
export function sitemapIndexPath(): string {
  return `${base}sitemap-index.xml`;
}

/**
 * A file under public/ as editors write it (`/images/covers/a.jpg`), as served: under the
 * site's base path. An http(s) URL is returned unchanged.
 */
export function publicFilePath(file: string): string {
  return /^https?:\/\//i.test(file) ? file : `${base}${file.replace(/^\/+/, '')}`;
}

/**
 * Article HTML with its root-relative URLs (`/images/a.jpg`, `/news/other/`, as editors write
 * them, from the site's root) moved under the site's base, so a site served from `/kfq/` keeps
 * its pictures and links. Works on the sanitiser's output (src/lib/content/markdown.ts), where every
 * `<` in text is escaped and attribute values are double-quoted, so only real attributes match.
 */
export function rebaseHtml(html: string, siteBase: string = base): string {
  if (siteBase === '/') return html;
  return html.replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/(\s(?:href|src|cite|poster)=")\/(?!\/)/g, `$1${siteBase}`));
}

/** The search page. Other pages reach it with a plain form (`?q=`), so they need no script. */
export function searchPath(): string {
  return join('search');
}

/** Where the build writes Pagefind's bundle (src/integrations/pagefind.ts) and search loads it. */
export function pagefindBundlePath(): string {
  return join('pagefind');
}
