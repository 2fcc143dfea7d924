import { createHash } from 'node:crypto';

/**
 * `_headers`, the file Netlify and Cloudflare Pages read from the root of the deployed folder:
 * security headers for every response, and a cache policy per kind of file.
 *
 * Both hosts apply every rule whose path matches, and Cloudflare joins two values of the same
 * header with a comma (two Cache-Control values, or two CSPs, which browsers then both enforce).
 * So the security headers are set once, for `{base}*`, and Cache-Control is set by rules whose
 * paths never overlap: the hashed folders, then each other top-level file and folder of the
 * output by name. Paths start with the site's base: with a base such as `/kfq/`, the file goes
 * to the root of the host, with the site in its `kfq/` folder (see docs/output-and-hosting.md).
 */

/** Names that carry a hash of their content: a new build writes new names, so they may be kept for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Everything else (pages, feeds, sitemaps, the search index's entry files): revalidated on every
 * use. A cached page could otherwise point at hashed files a later deploy has removed; a
 * revalidation is a cheap 304 from the CDN.
 */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/** CSP source for an inline script: what a browser compares against the element's text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * One policy for every page (two matching policies would both apply, see above). Scripts: only
 * this site's files, plus the hashes of any inline script the search page has (none compiles
 * WebAssembly: the search page reads the index itself, src/lib/search/index-reader.ts). JSON-LD blocks are data, never run, and need nothing.
 * Images may be remote (a cover may be an https:// URL); nothing may frame the site.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptHashes].join(' ')}`,
    "style-src 'self'",
    "img-src 'self' https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface HeadersOptions {
  /** `/` or `/kfq/`. */
  base: string;
  /** The search index's folder in the output (`pagefind`). */
  bundleDir: string;
  /** Astro's folder of content-hashed scripts and styles (`_astro`). */
  assetsDir: string;
  /** Hashes (scriptHash) of the search page's inline scripts, if any. */
  scriptHashes?: readonly string[];
  /**
   * Folders whose pages bring their own CSP (the web editor's, src/lib/cms/admin-page.ts): the
   * site's policy is detached from them with Cloudflare's `! Header-Name`, because a second
   * policy would not replace the first but add to it, and the stricter would win.
   */
  ownPolicyDirs?: readonly string[];
}

/**
 * The folders of a Pagefind bundle whose files are named by a hash of their content (with the
 * metadata file). Not `fragment/`: a page's fragment is named by its place among the pages
 * (src/lib/search/ranking.ts, pageName), which an article added among older ones changes.
 */
const PAGEFIND_HASHED_FOLDERS = new Set(['index', 'filter']);

/** The `_headers` file for an output folder, given every file in it (relative, `/`-separated). */
export function headersFile(
  files: readonly string[],
  { base, bundleDir, assetsDir, scriptHashes = [], ownPolicyDirs = [] }: HeadersOptions,
): string {
  const rules: Array<[string, string[]]> = [
    [
      `${base}*`,
      [
        `Content-Security-Policy: ${contentSecurityPolicy(scriptHashes)}`,
        'X-Content-Type-Options: nosniff',
        'X-Frame-Options: DENY',
        'Referrer-Policy: strict-origin-when-cross-origin',
        'Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=()',
      ],
    ],
    ...ownPolicyDirs.map((dir): [string, string[]] => [`${base}${dir}/*`, ['! Content-Security-Policy']]),
  ];
  const cache = new Map<string, string>();
  for (const file of files) {
    const [top] = file.split('/');
    if (top === '_headers' || top === '_redirects') continue;
    if (top === assetsDir) {
      cache.set(`${base}${assetsDir}/*`, IMMUTABLE);
      continue;
    }
    if (top === bundleDir) {
      const [folder, ...rest] = file.slice(bundleDir.length + 1).split('/');
      if (rest.length > 0) cache.set(`${base}${bundleDir}/${folder}/*`, PAGEFIND_HASHED_FOLDERS.has(folder) ? IMMUTABLE : REVALIDATE);
      else cache.set(`${base}${file}`, file.endsWith('.pf_meta') ? IMMUTABLE : REVALIDATE);
      continue;
    }
    // Pages, feeds, sitemaps, covers: one rule per top-level folder or file.
    cache.set(file.includes('/') ? `${base}${top}/*` : `${base}${file}`, REVALIDATE);
    if (file === 'index.html') cache.set(base, REVALIDATE);
  }
  for (const [path, value] of [...cache].sort(([a], [b]) => (a < b ? -1 : 1))) rules.push([path, [`Cache-Control: ${value}`]]);
  return `${rules.map(([path, headers]) => [path, ...headers.map((header) => `  ${header}`)].join('\n')).join('\n')}\n`;
}
