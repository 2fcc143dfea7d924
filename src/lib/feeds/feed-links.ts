import { listingHeading } from '@/lib/site/listings';
import { feedPath, type ListingKind } from '@/lib/site/urls';
import { xmlText } from '@/lib/feeds/xml';
import { SITE } from '@/site.config';

/**
 * What HTML pages need of the feeds: which listing a feed is of, its title and the
 * <link rel="alternate"> a page announces. Every page imports this (through src/lib/site/head.ts
 * and the layouts), and Astro's incremental build renders a page again when any module its route
 * imports changes; so the RSS mapping (feed-mapping.ts, feed-responses.ts, item-html.ts) lives
 * apart, imported by the feed routes alone, and an edit in how feed items are written leaves every
 * page as it is. The feeds themselves use the same title (feed-mapping.ts).
 */

export interface FeedListing {
  kind: ListingKind;
  /** The region, zone, type, source or year; absent for the whole site. */
  name?: string;
}

/** A feed's title: the site name alone for the whole site, else the listing's heading first. */
export function feedTitle({ kind, name }: FeedListing): string {
  return xmlText(kind === 'all' ? SITE.title : `${listingHeading({ kind, name })} - ${SITE.title}`);
}

/** A <link rel="alternate"> to a feed. */
export interface FeedLink {
  title: string;
  href: string;
}

/**
 * The feeds a page announces: its own listing's first (feed readers subscribe to the first one
 * they find), then the whole site's. Pages that are not a listing announce the site's.
 */
export function feedLinks(...listings: FeedListing[]): FeedLink[] {
  const all: FeedListing[] = [...listings, { kind: 'all' }];
  const unique = all.filter((listing, i) => all.findIndex((other) => other.kind === listing.kind && other.name === listing.name) === i);
  return unique.map((listing) => ({ title: feedTitle(listing), href: feedPath(listing.kind, listing.name) }));
}
