import { taxonomySlug } from '@/lib/content/slugs';
import type { NameKind, SlugTable } from '@/lib/content/slug-types';
import type { TaxonomyKind } from '@/lib/content/taxonomy';
import { siteSlugs } from '@/lib/site/registry-slugs';
import { SITE } from '@/site.config';

/**
 * The one owner of URLs. Pages, components, feeds, search and the audit ask this module; nobody
 * else concatenates a path (the slugs themselves come from src/lib/content/slugs.ts). Every URL ends in `/` and is ASCII.
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

export type ListingKind = 'all' | TaxonomyKind;

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

/**
 * The slug a region, zone, type, source or year name gets in URLs: from the slugs of the archive
 * being built (src/lib/site/registry-slugs.ts) unless `slugs` is given.
 */
export function termSlug(kind: TaxonomyKind, name: string, slugs: SlugTable = siteSlugs()): string {
  return taxonomySlug(kind, name, slugs);
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
export function listingPath(kind: ListingKind, name?: string | number, page = 1, slugs?: SlugTable): string {
  return slugListingPath(kind, kind === 'all' ? undefined : termSlug(kind, String(name), slugs), page);
}

/** A listing page's path by its slug rather than its name: where a name's old URL was. */
export function slugListingPath(kind: ListingKind, slug: string | undefined, page = 1): string {
  const segments = [SECTION[kind]];
  if (slug !== undefined) segments.push(slug);
  const rest = pageParam(page);
  if (rest) segments.push(rest);
  return join(...segments);
}

/** The path of a name's page by its slug: an article's, or a listing's first page. */
export function namePath(kind: NameKind, slug: string): string {
  return kind === 'news' ? articlePath(slug) : slugListingPath(kind, slug);
}

/** The index page of a taxonomy: /regions/, /zones/, /sources/, /years/. */
export function taxonomyIndexPath(kind: Exclude<TaxonomyKind, 'type'>): string {
  return join(SECTION[kind]);
}

/** An absolute URL on the site's origin, for canonical links, feeds and structured data. */
export function absoluteUrl(path: string): string {
  return new URL(path, SITE.url).href;
}

/**
 * A listing's RSS feed: the listing's own URL plus `rss.xml`, so a reader who knows a page's
 * address knows its feed: /news/rss.xml (the whole site), /zones/{slug}/rss.xml, …
 */
export function feedPath(kind: ListingKind, name?: string | number, slugs?: SlugTable): string {
  return `${listingPath(kind, name, 1, slugs)}rss.xml`;
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

/** The web manifest (src/lib/site/manifest.ts), for browsers that install the site. */
export function manifestPath(): string {
  return `${base}manifest.webmanifest`;
}

/** Where an ICP filing number (ICP 备案号) is looked up: the MIIT's filing system, as filed sites link it. */
export const ICP_FILING_URL = 'https://beian.miit.gov.cn/';

/**
 * A police filing (公安备案号)'s record on the national police filing site, found by the number's
 * digits, as the site gives the link to the sites it files.
 */
export function policeFilingUrl(recordCode: string): string {
  return `http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${encodeURIComponent(recordCode)}`;
}

/**
 * The one script of every page (public/large-text.js): it remembers the 大字模式 checkbox across
 * pages. The post-build audit allows no other script outside the search page.
 */
export function largeTextScriptPath(): string {
  return publicFilePath('large-text.js');
}

/**
 * The web editor (src/integrations/cms.ts, docs/cms.md): static files the build copies, never
 * linked from the site, kept out of the sitemap, search and robots.
 */
export function cmsPath(): string {
  return join('admin');
}

/** The search page. Other pages reach it with a plain form (`?q=`), so they need no script. */
export function searchPath(): string {
  return join('search');
}

/** Where the build writes Pagefind's bundle (src/integrations/pagefind.ts) and search loads it. */
export function pagefindBundlePath(): string {
  return join('pagefind');
}
