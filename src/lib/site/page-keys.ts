import { createHash } from 'node:crypto';
import type { ArticlePageProps, ListingProps } from '@/lib/site/page-props';
import { termSlug } from '@/lib/site/urls';

/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild, astro.config.mjs). A
 * page whose key and code are unchanged since the last build is copied from the cache instead of
 * rendered, so a key must cover everything the page shows, including what it shows about OTHER
 * articles (上一条 / 下一条, related news, a listing's members). Routes therefore build the key
 * from the very values they render, and render nothing else from the content: the rest of a page
 * comes from code and configuration, which Astro hashes itself (the route's module graph, the
 * config and the lockfile).
 */

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Digests of the values pages share, by identity: see sharedKey. */
const shared = new WeakMap<object, string>();

/**
 * The digest of a value many pages show, such as an article (an article is on its own page, its
 * neighbours' and related pages and five listings), computed once per build rather than once per
 * page that shows it. Values are looked up by identity, so they must not change once keyed: the
 * site index builds its articles once and never modifies them (src/lib/site/site-index.ts).
 */
export function sharedKey(value: object): string {
  let key = shared.get(value);
  if (key === undefined) {
    // JSON writes Dates as ISO strings and drops undefined fields, like the pages ignore them.
    key = digest(JSON.stringify(value));
    shared.set(value, key);
  }
  return key;
}

/** A page's key from what it shows, shared values in it given by their sharedKey. */
function pageKey(shown: unknown): string {
  return digest(JSON.stringify(shown));
}

/**
 * An article page's key: its props, each article in them by its sharedKey. The body is covered
 * by its file's name, the content store's digest of the article; the cover and the body's
 * pictures by their facts, whose digest changes with the picture's bytes. The page links to its
 * region, zone and source, whose slugs another article can change
 * (src/lib/content/slug-assign.ts), so they are in the key too.
 */
export function articlePageKey({ article, cover, bodyImages, bodyFile, neighbours, related }: ArticlePageProps): string {
  const { newer, older } = neighbours;
  return pageKey({
    article: sharedKey(article),
    terms: [termSlug('region', article.region), termSlug('zone', article.zone), termSlug('source', article.source)],
    cover,
    bodyImages,
    bodyFile,
    neighbours: { newer: newer && sharedKey(newer), older: older && sharedKey(older) },
    related: related.map(sharedKey),
  });
}

/**
 * A listing page's key: its props, each member article by its sharedKey, its covers by their
 * facts, and the slugs of the names it links to (its own, and a zone's region in the
 * breadcrumb), which another article can change (src/lib/content/slug-assign.ts).
 */
export function listingPageKey({ page, ...listing }: ListingProps): string {
  const { kind, name, region } = listing;
  const terms = [kind === 'all' ? undefined : termSlug(kind, String(name)), region === undefined ? undefined : termSlug('region', region)];
  return pageKey({ ...listing, terms, page: { ...page, items: page.items.map(sharedKey) } });
}
