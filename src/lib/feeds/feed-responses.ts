import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { Article } from '@/lib/content/article';
import { timed } from '@/lib/build/stage-stats';
import type { ImageFacts } from '@/lib/build/image-facts';
import { getArticleHtml, getSiteImages, getSiteIndex, isPreview } from '@/lib/site/collections';
import { isRemoteCover } from '@/lib/content/covers';
import type { FeedListing } from '@/lib/feeds/feed-links';
import { feedItem, feedOptions } from '@/lib/feeds/feed-mapping';
import { SITE } from '@/site.config';

/**
 * The feeds of this build. An article is in up to six feeds (site, region, zone, type, source,
 * year), so its item (body parsed, URLs made absolute) is made once and reused by each; cover
 * files are read once for the whole archive (getSiteImages). In preview (npm run dev) nothing is kept, so an
 * edited article shows in its feeds on the next request.
 */

const items = new Map<string, Promise<RSSFeedItem>>();

/**
 * The enclosure's length: the full-size cover file's bytes. A remote cover the build could not
 * read is announced with 0, which is what the RSS Advisory Board's best practices ask for when the
 * size is unknown.
 */
function coverBytes(cover: string | undefined, facts: ReadonlyMap<string, ImageFacts>): number | undefined {
  if (!cover) return undefined;
  return facts.get(cover)?.bytes ?? (isRemoteCover(cover) ? 0 : undefined);
}

async function makeItem(article: Article, facts: ReadonlyMap<string, ImageFacts>): Promise<RSSFeedItem> {
  return feedItem(article, await getArticleHtml(article.id), coverBytes(article.cover, facts));
}

function itemOf(article: Article, sizes: ReadonlyMap<string, ImageFacts>): Promise<RSSFeedItem> {
  if (isPreview) return makeItem(article, sizes);
  let item = items.get(article.id);
  if (!item) {
    item = makeItem(article, sizes);
    items.set(article.id, item);
  }
  return item;
}

/** One listing's feed: its latest SITE.feedSize articles, newest first (timed for `npm run bench`). */
export function feedResponse(listing: FeedListing): Promise<Response> {
  return timed('feeds', () => makeFeed(listing));
}

async function makeFeed(listing: FeedListing): Promise<Response> {
  const index = await getSiteIndex();
  const sizes = await getSiteImages();
  const list = listing.kind === 'all' ? index.all : (index.groups[listing.kind].get(String(listing.name)) ?? []);
  const latest = list.slice(0, SITE.feedSize);
  const feedItems = await Promise.all(latest.map((article) => itemOf(article, sizes)));
  return rss(feedOptions(listing, feedItems, latest[0]?.date));
}
