import type { Article } from '@/lib/content/article';
import type { Neighbours } from '@/lib/site/article-groups';
import type { Page } from '@/lib/site/pagination';
import type { ListingKind } from '@/lib/site/urls';

/**
 * What the article and listing routes render, apart from the code that computes it
 * (src/lib/site/collections.ts, listings.ts) and the code that keys it (page-keys.ts), so that
 * each of them can import these types without importing another.
 */

export interface ArticlePageProps {
  article: Article;
  /** Its body's file: named by the digest of the article's file, the registry and the code. */
  bodyFile: string;
  neighbours: Neighbours;
  related: Article[];
}

export interface ListingProps {
  kind: ListingKind;
  /** The region, zone, type, source or year; absent for all news. */
  name?: string;
  /** For a zone, the region it belongs to (the breadcrumb goes through it). */
  region?: string;
  page: Page<Article>;
}
