import type { Article } from '@/lib/content/article';
import type { TaxonomyKind } from '@/lib/content/taxonomy';

/**
 * What is computed across the articles: grouping, 上一条 / 下一条 and related news. All of it is
 * computed once per build (src/lib/site/site-index.ts), never per page.
 */

/** Articles grouped by a field, each group keeping the input order (pass them sorted). */
export function groupBy(articles: readonly Article[], key: TaxonomyKind): Map<string, Article[]> {
  const groups = new Map<string, Article[]>();
  for (const article of articles) {
    const name = String(article[key]);
    const group = groups.get(name);
    if (group) group.push(article);
    else groups.set(name, [article]);
  }
  return groups;
}

/** Groups from the largest down; equal sizes by name, so the order is stable. */
export function bySize(groups: Map<string, Article[]>): Array<[string, Article[]]> {
  return [...groups].sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b, 'zh-CN'));
}

export interface Neighbours {
  /** 上一条: the next newer article of the same zone (the one above it in the zone's listing). */
  newer?: Article;
  /** 下一条: the next older article of the same zone. */
  older?: Article;
}

/** 上一条 / 下一条 for every article of one zone, given that zone's sorted list. */
export function zoneNeighbours(sortedZone: readonly Article[]): Map<string, Neighbours> {
  const result = new Map<string, Neighbours>();
  sortedZone.forEach((article, index) => {
    result.set(article.id, { newer: sortedZone[index - 1], older: sortedZone[index + 1] });
  });
  return result;
}

/**
 * Walks outward from `index` in a sorted list (index-1, index+1, index-2, …): the articles
 * closest in time come first.
 */
function* outward<T>(list: readonly T[], index: number): Generator<T> {
  for (let step = 1; index - step >= 0 || index + step < list.length; step++) {
    if (index - step >= 0) yield list[index - step];
    if (index + step < list.length) yield list[index + step];
  }
}

/**
 * Related news: articles of the same zone closest in time, then of the same region. `zone` and
 * `region` are the sorted lists the article belongs to, with its position in each.
 */
export function relatedArticles(
  article: Article,
  zone: { list: readonly Article[]; index: number },
  region: { list: readonly Article[]; index: number },
  count: number,
): Article[] {
  const picked: Article[] = [];
  for (const candidate of outward(zone.list, zone.index)) {
    if (picked.length >= count) return picked;
    picked.push(candidate);
  }
  for (const candidate of outward(region.list, region.index)) {
    if (picked.length >= count) break;
    if (candidate.zone !== article.zone) picked.push(candidate);
  }
  return picked;
}
