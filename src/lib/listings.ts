import type { Article } from '@/lib/articles';
import { paginate, type Page } from '@/lib/pagination';
import { pageParam, sectionOf, termSlug, type ListingKind, type TaxonomyKind } from '@/lib/paths';
import type { SiteIndex } from '@/lib/site-index';

/**
 * The static paths of the paginated listings. Every listing route is this plus a component,
 * so the five taxonomies cannot drift apart.
 */

export interface ListingProps {
  kind: ListingKind;
  /** The region, zone, type, source or year; absent for all news. */
  name?: string;
  page: Page<Article>;
}

export interface ListingPath {
  /** `section` and `term` only for taxonomy listings (route [section]/[term]/[...page]). */
  params: { section?: string; term?: string; page: string | undefined };
  props: ListingProps;
}

/** Chinese label of each listing kind, for headings and breadcrumbs. */
export const KIND_LABELS: Record<ListingKind, string> = {
  all: '全部新闻',
  region: '地区',
  zone: '开发区',
  type: '新闻类型',
  source: '来源',
  year: '年份',
};

export function listingPaths(index: SiteIndex, kind: ListingKind, pageSize: number): ListingPath[] {
  const lists: Array<[string | undefined, Article[]]> = kind === 'all' ? [[undefined, index.all]] : [...index.groups[kind]];
  return lists.flatMap(([name, articles]) =>
    paginate(articles, pageSize).map((page) => ({
      params:
        name === undefined
          ? { page: pageParam(page.number) }
          : { section: sectionOf(kind), term: termSlug(kind as TaxonomyKind, name), page: pageParam(page.number) },
      props: { kind, name, page },
    })),
  );
}
