import { isScheduled, sortArticles, type Article } from '@/lib/content/article';
import { groupBy } from '@/lib/site/article-groups';
import { articlePath, feedPath, listingPath, type ListingKind } from '@/lib/site/urls';
import { TAXONOMIES } from '@/lib/site/site-index';
import type { SlugTable } from '@/lib/content/slug-types';

/**
 * What a build must contain, derived from the content (the editors' check, src/lib/content/content-check.ts)
 * with the same publication rule and grouping as the build (src/lib/content/article.ts), never from the
 * HTML the audit reads: the post-build audit (src/lib/audit/rules.ts) compares the output with this.
 */

/**
 * When the build ran. The build decides once which scheduled articles are due (its "now",
 * src/lib/site/collections.ts), at a moment the audit cannot see; an article dated inside this window
 * may rightly be published or held back, so it is neither required nor forbidden.
 */
export interface BuildWindow {
  startedAt: Date;
  finishedAt: Date;
}

export interface ExpectedListing {
  kind: ListingKind;
  name?: string;
  /** First page's path: the listing's URL. */
  path: string;
  feed: string;
  /** Article paths the listing's pages must link to. */
  members: Set<string>;
  /** Article paths the listing's feed must carry: those among its latest `feedSize`. */
  inFeed: Set<string>;
}

export interface ExpectedSite {
  /** Published articles: each needs a page, its listings, feeds, the sitemap and the search index. */
  published: Article[];
  /** Dated inside the build window: may be published or not (see BuildWindow). */
  undecided: Article[];
  /** Drafts and scheduled articles: their URLs must be nowhere in the output. */
  hidden: Article[];
  /** Every listing (the whole site's and each region, zone, type, source and year), by its path. */
  listings: Map<string, ExpectedListing>;
}

/** `articles` with their slugs, and `slugs` the names' (both from the check, src/lib/content/slug-assign.ts). */
export function expectedSite(articles: readonly Article[], window: BuildWindow, feedSize: number, slugs: SlugTable = {}): ExpectedSite {
  const published: Article[] = [];
  const undecided: Article[] = [];
  const hidden: Article[] = [];
  for (const article of articles) {
    if (article.draft || isScheduled(article, window.finishedAt)) hidden.push(article);
    else if (isScheduled(article, window.startedAt)) undecided.push(article);
    else published.push(article);
  }
  // An undecided article may sit at the top of a listing and push another out of its feed, so
  // feed windows are counted over both; only published articles are then required.
  const listed = sortArticles([...published, ...undecided]);
  const required = new Set(published.map((article) => article.id));
  const listings = new Map<string, ExpectedListing>();
  const add = (kind: ListingKind, members: Article[], name?: string) => {
    const paths = (list: Article[]) =>
      new Set(list.filter((article) => required.has(article.id)).map((article) => articlePath(article.slug)));
    const path = listingPath(kind, name, 1, slugs);
    listings.set(path, {
      kind,
      name,
      path,
      feed: feedPath(kind, name, slugs),
      members: paths(members),
      inFeed: paths(members.slice(0, feedSize)),
    });
  };
  add('all', listed);
  for (const kind of TAXONOMIES) for (const [name, members] of groupBy(listed, kind)) add(kind, members, name);
  return { published: sortArticles(published), undecided, hidden, listings };
}
