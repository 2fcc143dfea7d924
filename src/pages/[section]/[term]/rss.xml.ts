// One feed per region, zone, type, source and year listing: /zones/{slug}/rss.xml.
import type { APIRoute } from 'astro';
import { getSiteIndex } from '@/lib/site/collections';
import type { FeedListing } from '@/lib/feeds/feed-links';
import { taxonomyFeedPaths } from '@/lib/feeds/catalog';
import { feedResponse } from '@/lib/feeds/feed-responses';

export async function getStaticPaths() {
  return taxonomyFeedPaths(await getSiteIndex());
}

export const GET: APIRoute = ({ props }) => feedResponse(props as FeedListing);
