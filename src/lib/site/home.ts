import { type Article } from '@/lib/content/article';
import { bySize } from '@/lib/site/article-groups';
import type { SiteIndex } from '@/lib/site/site-index';

/** What the home page shows: the latest news, and the busiest regions and zones with theirs. */

export interface HomeBlock {
  name: string;
  count: number;
  latest: Article[];
}

export interface HomeContent {
  latest: Article[];
  regions: HomeBlock[];
  zones: HomeBlock[];
}

export function homeContent(index: SiteIndex, options: { latest: number; blocks: number; blockSize: number }): HomeContent {
  const blocks = (groups: Map<string, Article[]>) =>
    bySize(groups)
      .slice(0, options.blocks)
      .map(([name, list]) => ({ name, count: list.length, latest: list.slice(0, options.blockSize) }));
  return { latest: index.all.slice(0, options.latest), regions: blocks(index.groups.region), zones: blocks(index.groups.zone) };
}
