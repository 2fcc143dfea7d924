import { join } from 'node:path';
import rss, { type RSSFeedItem } from '@astrojs/rss';
import type { Article } from '@/lib/content/article';
import { timed } from '@/lib/build/stage-stats';
import { getArticleHtml, getSiteIndex, isPreview } from '@/lib/site/collections';
import { coverSizes, fileSize } from '@/lib/content/covers';
import type { FeedListing } from '@/lib/feeds/feed-links';
import { feedItem, feedOptions } from '@/lib/feeds/feed-mapping';
import { SITE } from '@/site.config';

/**
 * The feeds of this build. An article is in up to six feeds (site, region, zone, type, source,
 * year), so its item (body parsed, URLs made absolute) is made once and reused by each; cover
 * files are stat'ed once for the whole archive. In preview (npm run dev) nothing is kept, so an
 * edited article shows in its feeds on the next request.
 */

let covers: Promise<Map<string, number>> | undefined;
const items = new Map<string, Promise<RSSFeedItem>>();

/** Every cover's byte length, stat'ed once. The build runs in the project root, as `npm run build` does. */
async function loadCoverSizes(): Promise<Map<string, number>> {
  const { all } = await getSiteIndex();
  return coverSizes(all, join(process.cwd(), 'public'), fileSize);
}

async function makeItem(article: Article, sizes: Map<string, number>): Promise<RSSFeedItem> {
  return feedItem(article, await getArticleHtml(article.id), article.cover ? sizes.get(article.cover) : undefined);
}

function itemOf(article: Article, sizes: Map<string, number>): Promise<RSSFeedItem> {
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
  const sizes = await (isPreview ? loadCoverSizes() : (covers ??= loadCoverSizes()));
  const list = listing.kind === 'all' ? index.all : (index.groups[listing.kind].get(String(listing.name)) ?? []);
  const latest = list.slice(0, SITE.feedSize);
  const feedItems = await Promise.all(latest.map((article) => itemOf(article, sizes)));
  return rss(feedOptions(listing, feedItems, latest[0]?.date));
}
