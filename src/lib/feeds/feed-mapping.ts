import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import type { Article } from '@/lib/content/article';
import { coverType } from '@/lib/content/covers';
import { toRfc822 } from '@/lib/content/dates';
import { feedTitle, type FeedListing } from '@/lib/feeds/feed-links';
import { feedHtml } from '@/lib/feeds/item-html';
import { FEED_LABELS } from '@/lib/site/labels';
import { listingHeading } from '@/lib/site/listings';
import { absoluteUrl, articlePath, feedPath, feedStylesheetPath, listingPath, publicFilePath } from '@/lib/site/urls';
import { xmlText } from '@/lib/feeds/xml';
import { SITE } from '@/site.config';

/**
 * What goes into an RSS feed, mapped field by field for @astrojs/rss (which writes and escapes
 * the XML). One function makes an article's item, whichever feed it appears in, and one makes
 * every feed's channel, so the site feed and the feed of a zone cannot drift apart.
 */

const NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
};

/**
 * Writes the elements @astrojs/rss has no option for (its `customData`), with the same library
 * and escaping @astrojs/rss itself uses, rather than by string concatenation.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/**
 * An article's GUID: a non-permalink tag: URI from the slug. The slug is the article's URL name,
 * so it survives moving the file between folders, and the prefix is fixed in site config, so it
 * survives moving the site to another domain or path; a permalink GUID would change with either
 * and show every article to every subscriber again.
 */
export function feedGuid(slug: string): string {
  return `${SITE.feedGuidPrefix}${slug}`;
}

/**
 * An article as a feed item. `html` is the page's sanitised body; `coverBytes` is the full-size
 * cover file's length (src/lib/feeds/feed-responses.ts), given when the article has a cover.
 */
export function feedItem(article: Article, html: string, coverBytes?: number): RSSFeedItem {
  const link = absoluteUrl(articlePath(article.slug));
  const cover = article.cover ? { url: absoluteUrl(publicFilePath(article.cover)), alt: xmlText(article.coverAlt ?? '') } : undefined;
  const source = xmlText(article.source);
  return {
    title: xmlText(article.title),
    link,
    description: xmlText(article.summary),
    content: feedHtml(html, link, cover),
    categories: [article.region, article.zone, article.type].map(xmlText),
    // RSS's <source> names "the channel the item came from": the 来源's own feed on this site.
    source: { title: source, url: absoluteUrl(feedPath('source', article.source)) },
    enclosure:
      cover && article.cover && coverBytes !== undefined
        ? { url: cover.url, length: coverBytes, type: coverType(article.cover) }
        : undefined,
    // The GUID replaces the permalink one @astrojs/rss would write; pubDate is in Beijing time;
    // dc:creator is where feed readers look for a byline.
    customData: builder.build({
      guid: { '#text': feedGuid(article.slug), '@_isPermaLink': 'false' },
      pubDate: toRfc822(article.date),
      'dc:creator': source,
    }),
  };
}

/**
 * Everything @astrojs/rss needs for one feed. `newest` is the newest item's date: it is the
 * feed's lastBuildDate, so rebuilding an unchanged site writes byte-identical feeds (an empty
 * feed has none).
 */
export function feedOptions(listing: FeedListing, items: RSSFeedItem[], newest?: Date): RSSOptions {
  const { kind, name } = listing;
  return {
    title: feedTitle(listing),
    description: xmlText(kind === 'all' ? SITE.description : FEED_LABELS.description(SITE.title, listingHeading({ kind, name }))),
    site: absoluteUrl(listingPath(kind, name)),
    items,
    // A fresh object each time: @astrojs/rss deletes `content` from the one it is given.
    xmlns: { ...NAMESPACES },
    stylesheet: feedStylesheetPath(),
    customData: builder.build({
      language: 'zh-cn',
      ...(newest && { lastBuildDate: toRfc822(newest) }),
      'atom:link': { '@_href': absoluteUrl(feedPath(kind, name)), '@_rel': 'self', '@_type': 'application/rss+xml' },
    }),
  };
}
