/**
 * A cheap stand-in for bodyLinks (src/lib/content/body-links.ts) on the check's fast path: the
 * URLs a body may link to, found with regular expressions instead of the Markdown parser (which
 * costs about a millisecond an article). The check (src/lib/content/content-check.ts) judges
 * them once it knows the published articles; only an article with a candidate that does not
 * resolve, or whose candidates are `uncertain`, is parsed exactly.
 *
 * The rule that keeps the verdict unchanged: every URL bodyLinks would return for the body either
 * is one of `urls` (the same string), or is a GitHub literal autolink whose text is inside one of
 * `loose`, or the body is `uncertain`. Why each kind of link bodyLinks finds is covered:
 *
 * - Inline links and images: the destination follows `](` with nothing between, in any container
 *   (a link text may span lines, `](` may not). After optional spaces comes either `<…>` or a run
 *   that ends at whitespace or an unbalanced `)`: read here by the same rule. What the parser does
 *   to a destination that this reading would not copy makes the body uncertain: a line break
 *   before it (the next line may carry a `>` of a block quote the parser strips), a backslash
 *   (escapes, and escaped parentheses that move its end), an entity reference `&…;`, or a `<` with
 *   no `>` on its line.
 * - Reference links and images: their URL is a definition's, `[label]: url`, whose `]:` is just
 *   as adjacent; its destination is read by the same rule. Collapsed and shortcut references
 *   need nothing more.
 * - Autolinks `<scheme:…>`: the parser takes the text between the brackets as it is.
 * - Raw HTML (`<a href>`, `<img src>`, read by htmlparser2): every `href` or `src` followed by
 *   `=` and a value, quoted either way or not, tried at every `href` and `src`. A value or a gap around `=` that spans lines (the
 *   parser strips block-quote and list prefixes from an HTML block's lines) or holds `&` (which
 *   htmlparser2 decodes) makes the body uncertain.
 * - Email autolinks, literal or in brackets, are `mailto:` URLs, which the check never follows.
 * - GitHub's literal autolinks (`https://…`, `www.…`): their URL is a prefix of a run that starts
 *   there and ends at whitespace or `<` (`http://` put before a `www.` one), so its host is read
 *   from a prefix of the run's text up to the first `/`, `?`, `#` or `\`. Such a link is on the
 *   site only if that text names the site's host once URL parsing has mapped it; see looseMayBeOnSite.
 *
 * A candidate found where the parser sees no link (in code, in prose) costs an exact parse of
 * its article if it does not resolve; it never adds a problem, because problems come only from
 * the exact parse. A body with neither `]` nor `<` has no candidate: bodyLinks does not parse it.
 */

export interface LinkCandidates {
  /** URLs as written, each exactly what the parser would report for the link it may be. */
  urls: string[];
  /** Runs that may hold a literal autolink (`https://…`, `www.…`), as written. */
  loose: string[];
  /** Whether some link may differ from every candidate: the body must be parsed to be judged. */
  uncertain: boolean;
}

/** The same gate as bodyLinks: without `]` or `<` the body is not parsed, so has no link to check. */
const MAYBE_LINK = /[\]<]/;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g;
const HTML_NAME = /href|src/gi;
/** At a name found by HTML_NAME: `>` too, for the prefix of a block quote's next line. */
const HTML_VALUE = /(?:href|src)([\s>]*)=([\s>]*)("[^"]*"|'[^']*'|[^\s>]+)/iy;
const LITERAL = /(?:https?:\/\/|www\.)[^\s<]*/gi;

/** The destination after `](` or `]:` starting at `start`; undefined when the body is uncertain. */
function destination(body: string, start: number): string | undefined {
  let at = start;
  while (body[at] === ' ' || body[at] === '\t') at++;
  if (body[at] === '\n' || body[at] === '\r') return undefined;
  if (body[at] === '<') {
    const end = body.indexOf('>', at);
    const url = end < 0 ? undefined : body.slice(at + 1, end);
    return url === undefined || /[\n\r<\\]/.test(url) || ENTITY.test(url) ? undefined : url;
  }
  let depth = 0;
  let end = at;
  for (; end < body.length; end++) {
    const char = body.charCodeAt(end);
    if (char <= 0x20 || char === 0x7f) break;
    if (char === 0x5c) return undefined; // `\`
    if (char === 0x28) depth++;
    else if (char === 0x29 && depth-- === 0) break;
  }
  const url = body.slice(at, end);
  return ENTITY.test(url) ? undefined : url;
}

export function linkCandidates(body: string): LinkCandidates {
  const found: LinkCandidates = { urls: [], loose: [], uncertain: false };
  if (!MAYBE_LINK.test(body)) return found;
  const urls = new Set<string>();
  for (let at = body.indexOf(']'); at >= 0; at = body.indexOf(']', at + 1)) {
    const next = body[at + 1];
    if (next !== '(' && next !== ':') continue;
    const url = destination(body, at + 2);
    if (url === undefined) return { urls: [], loose: [], uncertain: true };
    if (url !== '') urls.add(url);
  }
  for (const [, url] of body.matchAll(AUTOLINK)) urls.add(url as string);
  // Tried at every name, not match after match: a value such as title='href="' must not hide the next one.
  for (const { index } of body.matchAll(HTML_NAME)) {
    HTML_VALUE.lastIndex = index;
    const match = HTML_VALUE.exec(body);
    if (!match) continue;
    const [, before, after, quoted = ''] = match;
    const quote = quoted[0] === '"' || quoted[0] === "'";
    // A quote that never closes: htmlparser2 reads on, past what is seen here.
    if (quote && (quoted.length < 2 || !quoted.endsWith(quoted[0] as string))) return { urls: [], loose: [], uncertain: true };
    const value = quote ? quoted.slice(1, -1) : quoted;
    if (/[\n\r]/.test(`${before}${after}${value}`) || value.includes('&')) return { urls: [], loose: [], uncertain: true };
    if (value !== '') urls.add(value);
  }
  found.urls = [...urls];
  found.loose = [...new Set(body.match(LITERAL) ?? [])];
  return found;
}

/**
 * Whether a literal autolink inside `run` (LinkCandidates.loose) may be on the site whose host
 * name is `hostname`. The URL parser takes the host from the text up to the first `/`, `?`, `#`
 * or `\`, decodes its percent-escapes and maps it (IDNA: compatibility forms such as full-width
 * letters, case, ignorable characters dropped): that text, decoded and mapped the same way
 * (NFKC, lower case, default-ignorable code points removed), must hold the host name for the
 * link to be the site's. The autolink may end before the run does, but only before punctuation,
 * which composes with nothing: its host text maps to a prefix of this one. An escape of a byte beyond ASCII is not decoded here, so it counts as
 * a possible match.
 */
export function looseMayBeOnSite(run: string, hostname: string): boolean {
  const host = run.replace(/^https?:\/\//i, '').split(/[/?#\\]/, 1)[0] ?? '';
  if (/%[89a-f][0-9a-f]/i.test(host)) return true;
  const decoded = host.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return decoded.normalize('NFKC').toLowerCase().replace(/\p{Default_Ignorable_Code_Point}/gu, '').includes(hostname.toLowerCase());
}
