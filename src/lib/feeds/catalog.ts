import { bySize } from '@/lib/site/article-groups';
import { feedTitle, type FeedListing } from '@/lib/feeds/feed-links';
import { FEED_LABELS } from '@/lib/site/labels';
import { listingHeading } from '@/lib/site/listings';
import { feedPath, listingPath, sectionOf, termSlug } from '@/lib/site/urls';
import { type TaxonomyKind } from '@/lib/content/taxonomy';
import { TAXONOMIES, type SiteIndex } from '@/lib/site/site-index';

/**
 * Every feed the site has: the whole site's and one per region, zone, type, source and year
 * listing. The feed routes, the 订阅 page and the OPML file read this, and pages announce feeds
 * with the same paths and titles (feed-links.ts), so a listing cannot have a page without a feed
 * or a feed no one lists.
 */

export interface FeedEntry extends FeedListing {
  /** What the 订阅 page shows: 盐城, 2023 年, 全站新闻. */
  label: string;
  /** The feed's own title, as readers show it. */
  title: string;
  /** The feed's path (see feedPath) and its listing page's path. */
  path: string;
  pagePath: string;
  /** Articles in the listing (the feed holds the latest SITE.feedSize of them). */
  count: number;
}

export function feedEntry(index: SiteIndex, kind: FeedListing['kind'], name?: string): FeedEntry {
  const count = kind === 'all' ? index.all.length : (index.groups[kind].get(String(name))?.length ?? 0);
  return {
    kind,
    name,
    label: kind === 'all' ? FEED_LABELS.siteFeed : listingHeading({ kind, name }),
    title: feedTitle({ kind, name }),
    path: feedPath(kind, name),
    pagePath: listingPath(kind, name),
    count,
  };
}

export interface FeedCatalog {
  site: FeedEntry;
  /** Regions busiest first, each with its zones (busiest first). */
  regions: Array<{ feed: FeedEntry; zones: FeedEntry[] }>;
  types: FeedEntry[];
  sources: FeedEntry[];
  /** Newest year first. */
  years: FeedEntry[];
}

export function feedCatalog(index: SiteIndex): FeedCatalog {
  const entries = (kind: TaxonomyKind, names: Iterable<string>) => [...names].map((name) => feedEntry(index, kind, name));
  return {
    site: feedEntry(index, 'all'),
    regions: bySize(index.groups.region).map(([region]) => ({
      feed: feedEntry(index, 'region', region),
      zones: entries('zone', index.zonesByRegion.get(region) ?? []),
    })),
    types: entries('type', index.groups.type.keys()),
    sources: entries(
      'source',
      bySize(index.groups.source).map(([name]) => name),
    ),
    years: entries(
      'year',
      [...index.groups.year.keys()].sort((a, b) => Number(b) - Number(a)),
    ),
  };
}

/** Every feed in the catalog, in its order: site, then each region followed by its zones, … */
export function allFeeds(catalog: FeedCatalog): FeedEntry[] {
  return [
    catalog.site,
    ...catalog.regions.flatMap(({ feed, zones }) => [feed, ...zones]),
    ...catalog.types,
    ...catalog.sources,
    ...catalog.years,
  ];
}

/** Static paths of the taxonomy feed route, src/pages/[section]/[term]/rss.xml.ts. */
export function taxonomyFeedPaths(index: SiteIndex): Array<{ params: { section: string; term: string }; props: FeedListing }> {
  return TAXONOMIES.flatMap((kind) =>
    [...index.groups[kind].keys()].map((name) => ({
      params: { section: sectionOf(kind), term: termSlug(kind, name) },
      props: { kind, name },
    })),
  );
}
