import { bySize } from '@/lib/site/article-groups';
import { SECTION_LABELS } from '@/lib/site/labels';
import { termSlug } from '@/lib/site/urls';
import type { SiteIndex } from '@/lib/site/site-index';

/** What the index pages (/regions/, /zones/, /sources/, /years/) list, with counts. */

export type TermIndexKind = 'region' | 'zone' | 'source' | 'year';

export interface TermGroup {
  /** Region name heading a group of zones; absent for flat lists. */
  heading?: string;
  /** ASCII key for element ids. */
  key: string;
  terms: Array<{ name: string; count: number }>;
}

export function termIndex(index: SiteIndex, kind: TermIndexKind): { title: string; groups: TermGroup[] } {
  const title = SECTION_LABELS[kind];
  const counted = (names: Iterable<string>) => [...names].map((name) => ({ name, count: index.groups[kind].get(name)?.length ?? 0 }));
  if (kind === 'zone') {
    const regions = bySize(index.groups.region).map(([region]) => region);
    return {
      title,
      groups: regions.map((region) => ({
        heading: region,
        key: termSlug('region', region),
        terms: counted(index.zonesByRegion.get(region) ?? []),
      })),
    };
  }
  // Years newest first; regions and sources busiest first.
  const names =
    kind === 'year'
      ? [...index.groups.year.keys()].sort((a, b) => Number(b) - Number(a))
      : bySize(index.groups[kind]).map(([name]) => name);
  return { title, groups: [{ key: kind, terms: counted(names) }] };
}
