// The whole site's feed, /news/rss.xml: the latest SITE.feedSize articles (src/lib/feeds.ts).
import { feedResponse } from '@/lib/feeds';

export const GET = () => feedResponse({ kind: 'all' });
