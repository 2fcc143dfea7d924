// One feed per region, zone, type, source and year listing: /zones/{slug}/rss.xml.
import type { APIRoute } from 'astro';
import { getSiteIndex } from '@/lib/collections';
import type { FeedListing } from '@/lib/feed';
import { taxonomyFeedPaths } from '@/lib/feed-catalog';
import { feedResponse } from '@/lib/feeds';

export async function getStaticPaths() {
  return taxonomyFeedPaths(await getSiteIndex());
}

export const GET: APIRoute = ({ props }) => feedResponse(props as FeedListing);
