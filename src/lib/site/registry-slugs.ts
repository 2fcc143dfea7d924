import type { SlugTable } from '@/lib/content/slug-types';

/**
 * The slugs of the archive being built (src/lib/content/slug-assign.ts): src/lib/site/urls.ts uses
 * them as termSlug's default, so every page, feed and search filter gets the same URL for a name
 * without each caller passing the table. Whoever reads the whole archive sets them before asking
 * for a URL: the site index (src/lib/site/collections.ts) for the pages, the audit
 * (src/lib/audit/runner.ts) from its check. Until then a name gets the slug it spells.
 */
let current: SlugTable = {};

export function siteSlugs(): SlugTable {
  return current;
}

export function useSiteSlugs(table: SlugTable): void {
  current = table;
}
