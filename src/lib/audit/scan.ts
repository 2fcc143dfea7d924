import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { inlineScriptKind } from '../build/page-scripts.ts';

/**
 * What the post-build audit (src/lib/audit/rules.ts) reads out of one built file: the URLs it refers
 * to and anything that must never be in the output (script, event handlers, dangerous URL
 * schemes). htmlparser2's streaming tokenizer, with callbacks only for tags: no DOM is built,
 * so 130,000 pages are read one after the other in bounded memory. Relative imports with their
 * extension: the post-build audit's integration loads it with plain Node.
 */

export interface PageScan {
  /** `<link rel="canonical">`, as written. */
  canonical?: string;
  /** Every URL the page refers to (links, images, stylesheets, scripts, feeds, forms, og:image). */
  links: string[];
  /** `<a href>` inside `<main>`: what a listing page lists. */
  mainLinks: string[];
  /** Markup that must never reach a reader, described. */
  unsafe: string[];
  /** Inline executable scripts (their text): only the search page may have them, by CSP hash. */
  inlineScripts: string[];
  /** `<script src>` URLs, as written: outside the search page, only the 大字模式 script. */
  scriptSources: string[];
}

/** Attributes holding a URL (or a list of them, srcset), per element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  form: ['action'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
};

/** `<meta>` properties whose content is a URL of this site (Open Graph). */
const URL_META = new Set(['og:url', 'og:image', 'twitter:image']);

/** Attributes a browser reads a URL from, whatever the element. */
const URLISH = new Set(['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'background', 'srcset']);

/** Elements that have no business in a page of this site: each can run or load foreign code, or navigate away. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style', 'portal']);

/**
 * Whether a URL would run code or smuggle content in: `javascript:`, `vbscript:` or `data:`,
 * also when hidden behind whitespace, control characters or letter case, as browsers forgive.
 * (Entities are already decoded by the tokenizer.)
 */
export function isDangerousUrl(url: string): boolean {
  // Every such URL has a scheme, so a colon (entities are decoded by now); most URLs have none.
  if (!url.includes(':') || url.startsWith('https://') || url.startsWith('http://')) return false;
  // eslint-disable-next-line no-control-regex
  const scheme = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(scheme);
}

/**
 * The URLs in a `srcset`, as the HTML standard splits it: a URL runs to the next whitespace (so
 * it may contain commas), trailing commas end it, and descriptors run to the next comma.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at])) at++;
    const start = at;
    while (at < srcset.length && !/\s/.test(srcset[at])) at++;
    let url = srcset.slice(start, at);
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      for (; at < srcset.length; at++) {
        const char = srcset[at];
        if (char === '(') depth++;
        else if (char === ')') depth--;
        else if (char === ',' && depth <= 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** Reads one HTML page (or a fragment, such as a feed item's body). */
export function scanHtml(html: string): PageScan {
  const scan: PageScan = { links: [], mainLinks: [], unsafe: [], inlineScripts: [], scriptSources: [] };
  let mainDepth = 0;
  let script: { data: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'main') mainDepth++;
        if (FORBIDDEN_ELEMENTS.has(name)) scan.unsafe.push(`<${name}> element`);
        for (const attribute in attributes) {
          if (attribute.startsWith('on')) scan.unsafe.push(`${attribute}= event handler on <${name}>`);
          else if (attribute === 'style') scan.unsafe.push(`style= attribute on <${name}> (the CSP forbids inline style)`);
          else if (URLISH.has(attribute) && isDangerousUrl(attributes[attribute])) {
            scan.unsafe.push(`${attribute}="${attributes[attribute].slice(0, 40)}" on <${name}>`);
          }
        }
        for (const attribute of URL_ATTRIBUTES[name] ?? []) {
          const value = attributes[attribute];
          if (value === undefined || isDangerousUrl(value)) continue;
          if (attribute === 'srcset') scan.links.push(...srcsetUrls(value));
          else scan.links.push(value);
        }
        if (name === 'a' && mainDepth > 0 && attributes.href !== undefined) scan.mainLinks.push(attributes.href);
        if (name === 'link' && /(^|\s)canonical(\s|$)/i.test(attributes.rel ?? '') && attributes.href !== undefined) {
          scan.canonical = attributes.href;
        }
        if (name === 'meta') {
          const property = attributes.property ?? attributes.name ?? '';
          if (URL_META.has(property) && attributes.content) scan.links.push(attributes.content);
          if (/^refresh$/i.test(attributes['http-equiv'] ?? '')) scan.unsafe.push('<meta http-equiv="refresh">');
        }
        if (name === 'script' && attributes.src !== undefined) scan.scriptSources.push(attributes.src);
        const kind = name === 'script' ? inlineScriptKind(attributes) : undefined;
        if (kind) script = { data: kind === 'data', text: '' };
      },
      ontext(text) {
        if (script) script.text += text;
      },
      onclosetag(name) {
        if (name === 'main' && mainDepth > 0) mainDepth--;
        if (name === 'script' && script) {
          if (!script.data) scan.inlineScripts.push(script.text);
          else if (!isJson(script.text)) scan.unsafe.push('a JSON-LD <script> that is not valid JSON (its text escaped the block?)');
          script = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return scan;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export type XmlKind = 'feed' | 'sitemap-index' | 'sitemap' | 'other';

export interface XmlScan {
  kind: XmlKind;
  /** Every URL the file refers to: channel and item links, enclosures, sources, OPML outlines, stylesheet. */
  links: string[];
  /** `<item><link>` of a feed; `<loc>` of a sitemap or sitemap index. */
  entries: string[];
  /** The HTML bodies of feed items (`content:encoded`), read as pages are. */
  bodies: PageScan[];
}

const XML_KINDS: Record<string, XmlKind> = { rss: 'feed', urlset: 'sitemap', sitemapindex: 'sitemap-index' };

/** Reads one XML file of the output: an RSS feed, a sitemap (index) or the OPML list. */
export function scanXml(xml: string): XmlScan {
  const scan: XmlScan = { kind: 'other', links: [], entries: [], bodies: [] };
  const stack: string[] = [];
  let text = '';
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        const href = /^\?xml-stylesheet\b.*\bhref="([^"]*)"/.exec(data)?.[1];
        if (name === '?xml-stylesheet' && href) scan.links.push(href);
      },
      onopentag(name, attributes) {
        if (stack.length === 0) scan.kind = XML_KINDS[name] ?? 'other';
        stack.push(name);
        text = '';
        for (const attribute of ['href', 'url', 'xmlUrl', 'htmlUrl']) {
          const value = attributes[attribute];
          if (value !== undefined) scan.links.push(value);
        }
      },
      ontext(chunk) {
        text += chunk;
      },
      onclosetag(name) {
        const parent = stack[stack.length - 2];
        const value = text.trim();
        if (name === 'loc') scan.entries.push(value);
        else if (name === 'link' && value) {
          scan.links.push(value);
          if (parent === 'item') scan.entries.push(value);
        } else if (name === 'url' && parent === 'image') scan.links.push(value);
        else if (name === 'content:encoded') scan.bodies.push(scanHtml(text));
        stack.pop();
        text = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return scan;
}

/** Whether a URL resolves the same from every page: an absolute path or URL (not `//host`, not `./x`). */
export function isPageIndependent(url: string): boolean {
  return (url.startsWith('/') && !url.startsWith('//') && !/\/\.\.?(\/|$)/.test(url)) || /^https?:\/\//.test(url);
}

/** Pagefind writes each fragment gzip-compressed; inside, this signature precedes the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export interface Fragment {
  url?: string;
  meta?: { image?: string };
}

/** The JSON text of a Pagefind fragment file (`fragment/*.pf_fragment`), or undefined when it is not one. */
export function fragmentJson(bytes: Buffer): string | undefined {
  const text = gunzipSync(bytes).toString('utf8');
  return text.startsWith(FRAGMENT_SIGNATURE) ? text.slice(FRAGMENT_SIGNATURE.length) : undefined;
}

/** One page record of a Pagefind bundle: its `fragment/*.pf_fragment` file, decompressed. */
export function readFragment(bytes: Buffer): Fragment {
  const json = fragmentJson(bytes);
  if (json === undefined) throw new Error('not a Pagefind fragment');
  return JSON.parse(json) as Fragment;
}

/** What one file of the output holds for the audit, by its kind. */
export type FileScan =
  | { type: 'page'; file: string; scan: PageScan }
  | { type: 'xml'; file: string; scan: XmlScan }
  | { type: 'text'; file: string; text: string }
  | { type: 'fragment'; file: string; url?: string; image?: string; error?: string };

/** Reads and scans one output file (`kind` from outputKind); runs in a worker thread or inline. */
export function scanOutputFile(outDir: string, file: string, kind: FileScan['type']): FileScan {
  const path = join(outDir, file);
  if (kind === 'fragment') {
    try {
      const fragment = readFragment(readFileSync(path));
      return { type: kind, file, url: fragment.url, image: fragment.meta?.image };
    } catch (error) {
      return { type: kind, file, error: (error as Error).message };
    }
  }
  const text = readFileSync(path, 'utf8');
  if (kind === 'page') return { type: kind, file, scan: scanHtml(text) };
  if (kind === 'xml') return { type: kind, file, scan: scanXml(text) };
  return { type: kind, file, text };
}

/**
 * Reads and scans `files` of `outDir`, each scan as JSON (the form the scan cache keeps,
 * src/lib/audit/scan-cache.ts): the audit's task on worker threads, and inline for a small site.
 */
export function scanOutputFiles({
  outDir,
  files,
}: {
  outDir: string;
  files: ReadonlyArray<[file: string, kind: FileScan['type']]>;
}): string[] {
  return files.map(([file, kind]) => JSON.stringify(scanOutputFile(outDir, file, kind)));
}

/** Links that resolve the same from any page, counted over a batch: `[url, first file, count]`. */
export type SharedLinks = Array<[url: string, file: string, count: number]>;

/**
 * Takes out of the page scans of a batch the links that mean the same on every page: pages share
 * most of their links (header, footer, feeds), so such a URL is counted here, once per batch,
 * with the first page that has it, instead of being looked up once per page.
 */
export function shareLinks(scans: readonly FileScan[]): SharedLinks {
  const shared = new Map<string, [file: string, count: number]>();
  for (const scan of scans) {
    if (scan.type !== 'page') continue;
    scan.scan.links = scan.scan.links.filter((url) => {
      if (!isPageIndependent(url)) return true;
      const seen = shared.get(url);
      if (seen) seen[1]++;
      else shared.set(url, [scan.file, 1]);
      return false;
    });
  }
  return [...shared].map(([url, [file, count]]) => [url, file, count]);
}
