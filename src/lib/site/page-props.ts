import type { ImageFacts } from '@/lib/build/image-facts';
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
  /** Its cover's facts (size, digest): absent without a cover, or for a remote one the build could not read. */
  cover?: ImageFacts;
  /** The facts of the site's own pictures in its body, by `src` (the page shows them through the image pipeline). */
  bodyImages: Record<string, ImageFacts>;
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
  /** The facts of the page's covers, by cover (the listing shows each as a thumbnail). */
  covers: Record<string, ImageFacts>;
}
