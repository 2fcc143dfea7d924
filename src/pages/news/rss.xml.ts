// The whole site's feed, /news/rss.xml: the latest SITE.feedSize articles (src/lib/feeds/feed-responses.ts).
import { feedResponse } from '@/lib/feeds/feed-responses';

export const GET = () => feedResponse({ kind: 'all' });
