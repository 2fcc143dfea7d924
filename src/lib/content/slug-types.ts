/**
 * The shapes of URL slugs as the archive assigns them (src/lib/content/slug-assign.ts) and as the
 * lock file records them (src/lib/content/slug-lock.ts): a leaf module, so that slugs.ts, the
 * registry and the assignment share them without importing one another.
 */

/** The names that make listing URLs: /regions/{slug}/, /zones/{slug}/, /sources/{slug}/. */
export type TermKind = 'region' | 'zone' | 'source';

/** Every kind of name that makes a URL: the terms, and article file names (/news/{slug}/). */
export type NameKind = TermKind | 'news';

export const NAME_KINDS: readonly NameKind[] = ['region', 'zone', 'source', 'news'];

/** Each name's slug, by kind: every name of the archive has one of its own. */
export type SlugTable = { readonly [K in TermKind]?: ReadonlyMap<string, string> };

/** What the lock file holds for one name: its slug, and the slugs it had before (each redirects to it). */
export interface LockEntry {
  slug: string;
  former: string[];
  /** Line in the lock file, for messages; 0 for an entry the check has just added. */
  line: number;
}

/** The lock file: by kind, each name to its entry. */
export type SlugLock = Record<NameKind, Map<string, LockEntry>>;

/** A URL that changed: from a slug the lock recorded to the name's slug now. The build redirects it. */
export interface SlugMove {
  kind: NameKind;
  name: string;
  from: string;
  to: string;
}
