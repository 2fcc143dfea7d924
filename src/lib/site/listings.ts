import type { Article } from '@/lib/content/article';
import { LISTING_LABELS, NAV_LABELS, SECTION_LABELS } from '@/lib/site/labels';
import { listingPageKey } from '@/lib/site/page-keys';
import type { ListingProps } from '@/lib/site/page-props';
import { paginate } from '@/lib/site/pagination';
import { homePath, listingPath, pageParam, sectionOf, taxonomyIndexPath, termSlug, type ListingKind } from '@/lib/site/urls';
import { type TaxonomyKind } from '@/lib/content/taxonomy';
import type { SiteIndex } from '@/lib/site/site-index';
import type { ImageFacts } from '@/lib/build/image-facts';
import { coverFacts } from '@/lib/site/site-images';

/**
 * The paginated listings: their static paths, headings and breadcrumbs. Every listing route is
 * this plus one layout, so the five taxonomies cannot drift apart.
 */

/** The section names, for src/lib/feeds/opml.ts, which imports them from here. */

export interface ListingPath {
  /** `section` and `term` only for taxonomy listings (route [section]/[term]/[...page]). */
  params: { section?: string; term?: string; page: string | undefined };
  props: ListingProps;
  /** The incremental build's key (src/lib/site/page-keys.ts): a listing page shows its props only. */
  cacheKey: string;
}

/** `images`: the facts of every cover (getSiteImages in src/lib/site/collections.ts). */
export function listingPaths(
  index: SiteIndex,
  kind: ListingKind,
  pageSize: number,
  images: ReadonlyMap<string, ImageFacts>,
): ListingPath[] {
  const lists: Array<[string | undefined, Article[]]> = kind === 'all' ? [[undefined, index.all]] : [...index.groups[kind]];
  return lists.flatMap(([name, articles]) =>
    paginate(articles, pageSize).map((page) => {
      const region = kind === 'zone' ? articles[0]?.region : undefined;
      const props: ListingProps = { kind, name, region, page, covers: coverFacts(page.items, images) };
      return {
        params:
          name === undefined
            ? { page: pageParam(page.number) }
            : { section: sectionOf(kind), term: termSlug(kind as TaxonomyKind, name), page: pageParam(page.number) },
        props,
        cacheKey: listingPageKey(props),
      };
    }),
  );
}

export interface Crumb {
  label: string;
  /** Absent for the current page. */
  href?: string;
}

/** The heading of a listing, and the name of its links: 全部新闻, 盐城, 2023 年 … */
export function listingHeading({ kind, name }: Pick<ListingProps, 'kind' | 'name'>): string {
  return kind === 'all' ? LISTING_LABELS.allNews : kind === 'year' ? LISTING_LABELS.year(String(name)) : String(name);
}

/** 首页 > `trail`: every breadcrumb starts at the home page. */
export function breadcrumb(...trail: Crumb[]): Crumb[] {
  return [{ label: NAV_LABELS.home, href: homePath() }, ...trail];
}

/** 首页 > 开发区新闻 > (地区 | region | 来源 | 年份) > this listing. */
export function listingBreadcrumb({ kind, name, region }: Pick<ListingProps, 'kind' | 'name' | 'region'>): Crumb[] {
  if (kind === 'all') return breadcrumb({ label: SECTION_LABELS.all });
  const middle =
    kind === 'zone'
      ? region
        ? [{ label: region, href: listingPath('region', region) }]
        : []
      : kind === 'type'
        ? []
        : [{ label: SECTION_LABELS[kind], href: taxonomyIndexPath(kind) }];
  return breadcrumb({ label: SECTION_LABELS.all, href: listingPath('all') }, ...middle, { label: listingHeading({ kind, name }) });
}

/** 首页 > 开发区新闻 > region > type: an article's breadcrumb, on the page and in its JSON-LD. */
export function articleBreadcrumb(article: Pick<Article, 'region' | 'type'>): Crumb[] {
  return breadcrumb(
    { label: SECTION_LABELS.all, href: listingPath('all') },
    { label: article.region, href: listingPath('region', article.region) },
    { label: article.type, href: listingPath('type', article.type) },
  );
}
