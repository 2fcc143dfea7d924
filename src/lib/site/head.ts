import type { Article } from '@/lib/content/article';
import { toBeijingIso } from '@/lib/content/dates';
import { feedLinks, type FeedLink } from '@/lib/feeds/feed-links';
import { articleBreadcrumb } from '@/lib/site/listings';
import { pngIcon, SVG_ICON } from '@/lib/site/icons';
import { absoluteUrl, manifestPath, publicFilePath } from '@/lib/site/urls';
import type { ShareImage } from '@/lib/site/picture-slots';
import { breadcrumbJsonLd, newsArticleJsonLd, type JsonLd } from '@/lib/site/structured-data';
import { SITE } from '@/site.config';

/**
 * What a page's <head> says about it beyond title and description: Open Graph tags
 * (https://ogp.me/) for link previews, JSON-LD for search engines and feed links for readers.
 */

export interface MetaTag {
  property: string;
  content: string;
}

export interface PageMeta {
  /** Tags beyond the Open Graph basics every page gets (see openGraph). */
  openGraph?: MetaTag[];
  jsonLd?: JsonLd[];
  feeds?: FeedLink[];
}

/** The Open Graph basics of any page; `extra` (an article's) replaces og:type `website`. */
export function openGraph(page: { title: string; description: string; url?: string }, extra: MetaTag[] = []): MetaTag[] {
  const basics: MetaTag[] = [
    { property: 'og:site_name', content: SITE.title },
    { property: 'og:locale', content: SITE.lang.replace('-', '_') },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    ...(page.url ? [{ property: 'og:url', content: page.url }] : []),
  ];
  const typed = extra.some((tag) => tag.property === 'og:type') ? [] : [{ property: 'og:type', content: 'website' }];
  return [...basics, ...typed, ...extra];
}

export interface LinkTag {
  rel: string;
  href: string;
  type?: string;
  sizes?: string;
}

/**
 * The icon and manifest links of every page (src/lib/site/icons.ts). The PNG comes first with its
 * size and the SVG last, so that browsers able to show the SVG take it: Chrome otherwise prefers
 * a raster icon listed after it. favicon.ico needs no link: browsers that read none of these
 * request it at the root themselves.
 */
export function iconLinks(): LinkTag[] {
  const tab = pngIcon('icons/favicon-32.png');
  const touch = pngIcon('apple-touch-icon.png');
  return [
    { rel: 'icon', href: publicFilePath(tab.file), type: 'image/png', sizes: `${tab.size}x${tab.size}` },
    { rel: 'icon', href: publicFilePath(SVG_ICON), type: 'image/svg+xml' },
    { rel: 'apple-touch-icon', href: publicFilePath(touch.file), sizes: `${touch.size}x${touch.size}` },
    { rel: 'manifest', href: manifestPath() },
  ];
}

/** The og:image tags of a link-preview picture (src/lib/site/pictures.ts shareImage): URL, type, size when known, description. */
function imageTags(share: ShareImage, alt: string): MetaTag[] {
  return [
    { property: 'og:image', content: absoluteUrl(share.url) },
    { property: 'og:image:type', content: share.type },
    ...(share.width && share.height
      ? [
          { property: 'og:image:width', content: String(share.width) },
          { property: 'og:image:height', content: String(share.height) },
        ]
      : []),
    { property: 'og:image:alt', content: alt },
  ];
}

/**
 * An article page's head: og:type article with its cover's link-preview picture (`share`, absent
 * for an article without a cover or with an SVG one) and time, NewsArticle, BreadcrumbList, feeds.
 */
export function articleHead(article: Article, share?: ShareImage): PageMeta {
  const cover = share ? imageTags(share, article.coverAlt ?? '') : [];
  return {
    openGraph: [
      { property: 'og:type', content: 'article' },
      ...cover,
      { property: 'article:published_time', content: toBeijingIso(article.date) },
      { property: 'article:section', content: article.type },
      ...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
    ],
    jsonLd: [newsArticleJsonLd(article, share), breadcrumbJsonLd(articleBreadcrumb(article))],
    feeds: feedLinks({ kind: 'all' }, { kind: 'zone', name: article.zone }),
  };
}
