/**
 * The one rule for whether a link resolves in the built site, shared by the editors' check (the
 * body links of src/lib/content/content-check.ts, before the build) and the post-build audit
 * (src/lib/audit/rules.ts, every URL of the output), so the two never disagree about a link.
 *
 * It lives in the content model because the content model may import nothing else of src/
 * (docs/architecture.md#boundaries) while the audit may import the content model. It is pure:
 * what the site holds (its files, its draft and scheduled articles) is passed in by each caller,
 * the audit from the output it reads, the check from what the build will write
 * (src/lib/site/site-plan.ts). No `@/` imports and none of Node: src/lib/build/output-files.ts,
 * which plain Node loads, re-exports fileOfPath from here.
 */

/**
 * The path of a URL on this site (`origin`), query and fragment dropped and percent-escapes
 * decoded, or undefined for a URL that is not checked: another site's, `mailto:`, `tel:`, an
 * in-page `#fragment`, a bare `?query`. `from` is the URL path of the page the URL is on, for
 * relative URLs (`images/a.jpg` on `/news/a/` is `/news/a/images/a.jpg`).
 */
export function linkPath(url: string, from: string, origin: string): string | undefined {
  let path: string;
  if (url.startsWith('/') && !url.startsWith('//') && !/\/\.\.?(\/|$)/.test(url)) path = url;
  else if (url.startsWith(`${origin}/`)) path = url.slice(origin.length);
  else if (url === '' || url.startsWith('#') || url.startsWith('?')) return undefined;
  else {
    const parsed = URL.parse(url, `${origin}${from}`);
    if (!parsed || parsed.origin !== origin) return undefined;
    path = parsed.pathname;
  }
  path = path.replace(/[?#].*$/s, '');
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // Left encoded: the file lookup will report it.
    }
  }
  return path;
}

/** The output file a URL path is served from (`{base}a/` is `a/index.html`); undefined outside the base. */
export function fileOfPath(path: string, base: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}

/**
 * A root-relative URL as an editor writes it in a body (`/images/a.jpg`, from the site's root)
 * moved under the site's base, as the article page serves it (rebaseHtml, src/lib/site/urls.ts).
 */
export function rebaseUrl(url: string, base: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${base}${url.slice(1)}` : url;
}

/** What the site holds, as far as a link needs to know. */
export interface LinkSite {
  /** `/` or `/kfq/`: every URL of the site starts with it. */
  base: string;
  /** Whether the output has this file (relative to the output folder, `/`-separated). */
  hasFile: (file: string) => boolean;
  /** Whether the path is a draft's or scheduled article's: it must not be linked at all. */
  isHidden: (path: string) => boolean;
}

/**
 * Whether a path on this site (linkPath) resolves: `hidden` for an unpublished article's page
 * (checked first: such a page must be absent, so "missing" would name the wrong fault),
 * `outside-base` for a path the site does not serve, `missing` for one it has no file for.
 */
export type LinkVerdict = 'ok' | 'hidden' | 'outside-base' | 'missing';

export function judgeLink(path: string, site: LinkSite): LinkVerdict {
  if (site.isHidden(path)) return 'hidden';
  const file = fileOfPath(path, site.base);
  if (file === undefined) return 'outside-base';
  return site.hasFile(file) ? 'ok' : 'missing';
}
