import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild, astro.config.mjs). A
 * page whose key and code are unchanged since the last build is copied from the cache instead of
 * rendered, so a key must cover everything the page shows, including what it shows about OTHER
 * articles (上一条 / 下一条, related news, a listing's members). Routes therefore build the key
 * from the very values they render, and render nothing else from the content: the rest of a page
 * comes from code and configuration, which Astro hashes itself (the route's module graph, the
 * config and the lockfile).
 */
export function pageKey(shown: unknown): string {
  // JSON writes Dates as ISO strings and drops undefined fields, like the pages ignore them.
  return createHash('sha256').update(JSON.stringify(shown)).digest('base64url');
}
