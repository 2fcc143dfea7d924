import { sortArticles, type Article } from '@/lib/content/article';
import { bySize, groupBy, relatedArticles, zoneNeighbours, type Neighbours } from '@/lib/site/article-groups';
import { NEWS_TYPES } from '@/lib/content/taxonomy';
import type { TaxonomyKind } from '@/lib/content/taxonomy';
import type { SlugMove } from '@/lib/content/slug-types';

/**
 * Everything the pages need to know about the whole archive, computed once per build from the
 * visible articles: the order, every listing's members, 上一条 / 下一条 and related news.
 * Article pages then look their share up instead of scanning the archive each.
 */
export interface SiteIndex {
  /** Newest first (see compareArticles). */
  all: Article[];
  byId: Map<string, Article>;
  groups: Record<TaxonomyKind, Map<string, Article[]>>;
  /** Zone names of each region, largest zone first. */
  zonesByRegion: Map<string, string[]>;
  neighbours: Map<string, Neighbours>;
  related: Map<string, Article[]>;
  /** URLs of names that moved (src/lib/content/slug-assign.ts): each redirects to the name's URL now. */
  slugMoves: SlugMove[];
}

export const TAXONOMIES: readonly TaxonomyKind[] = ['region', 'zone', 'type', 'source', 'year'];

function positions(list: readonly Article[]): Map<string, number> {
  return new Map(list.map((article, index) => [article.id, index]));
}

/**
 * Every taxonomy listing's articles, by kind and name, in the order of `all`: the listings the
 * build writes (also what the check expects it to write, src/lib/site/site-plan.ts).
 */
export function listingGroups(all: readonly Article[]): SiteIndex['groups'] {
  const groups = Object.fromEntries(TAXONOMIES.map((key) => [key, groupBy(all, key)])) as SiteIndex['groups'];
  // Both type listings exist even before a type has its first article: every header links to them.
  for (const type of NEWS_TYPES) if (!groups.type.has(type)) groups.type.set(type, []);
  return groups;
}

export function buildSiteIndex(articles: readonly Article[], relatedCount: number, slugMoves: SlugMove[] = []): SiteIndex {
  const all = sortArticles(articles);
  const groups = listingGroups(all);

  const neighbours = new Map<string, Neighbours>();
  for (const zoneList of groups.zone.values()) for (const [id, pair] of zoneNeighbours(zoneList)) neighbours.set(id, pair);

  const zoneIndex = new Map([...groups.zone.values()].flatMap((list) => [...positions(list)]));
  const regionIndex = new Map([...groups.region.values()].flatMap((list) => [...positions(list)]));
  const related = new Map<string, Article[]>();
  for (const article of all) {
    related.set(
      article.id,
      relatedArticles(
        article,
        { list: groups.zone.get(article.zone) ?? [], index: zoneIndex.get(article.id) ?? 0 },
        { list: groups.region.get(article.region) ?? [], index: regionIndex.get(article.id) ?? 0 },
        relatedCount,
      ),
    );
  }

  const zonesByRegion = new Map<string, string[]>();
  for (const [zone, list] of bySize(groups.zone)) {
    const region = list[0].region;
    zonesByRegion.set(region, [...(zonesByRegion.get(region) ?? []), zone]);
  }

  return { all, byId: new Map(all.map((article) => [article.id, article])), groups, zonesByRegion, neighbours, related, slugMoves };
}
