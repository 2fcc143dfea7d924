import { Parser } from 'htmlparser2';

/**
 * What the post-build audit (src/lib/audit.ts) reads out of one built file: the URLs it refers
 * to and anything that must never be in the output (script, event handlers, dangerous URL
 * schemes). htmlparser2's streaming tokenizer, with callbacks only for tags: no DOM is built,
 * so 130,000 pages are read one after the other in bounded memory.
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

/** Elements that have no business in a page of this site: each can run or load foreign code, or navigate away. */
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'style', 'portal']);

/** Script types a browser does not execute: JSON-LD and other data blocks. */
const DATA_SCRIPT = /^application\/(ld\+)?json$/i;

/**
 * Whether a URL would run code or smuggle content in: `javascript:`, `vbscript:` or `data:`,
 * also when hidden behind whitespace, control characters or letter case, as browsers forgive.
 * (Entities are already decoded by the tokenizer.)
 */
export function isDangerousUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const scheme = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '').toLowerCase();
  return /^(javascript|vbscript|data|livescript):/.test(scheme);
}

/** The URLs in a `srcset`: each candidate is a URL, then an optional descriptor. */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\S*\s)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** Reads one HTML page (or a fragment, such as a feed item's body). */
export function scanHtml(html: string): PageScan {
  const scan: PageScan = { links: [], mainLinks: [], unsafe: [], inlineScripts: [] };
  let mainDepth = 0;
  let script: { data: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'main') mainDepth++;
        if (FORBIDDEN_ELEMENTS.has(name)) scan.unsafe.push(`<${name}> element`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute.startsWith('on')) scan.unsafe.push(`${attribute}= event handler on <${name}>`);
          else if (attribute === 'style') scan.unsafe.push(`style= attribute on <${name}> (the CSP forbids inline style)`);
          else if (/^(href|src|action|formaction|data|poster|xlink:href|background|srcset)$/.test(attribute) && isDangerousUrl(value)) {
            scan.unsafe.push(`${attribute}="${value.slice(0, 40)}" on <${name}>`);
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
        if (name === 'script' && attributes.src === undefined) script = { data: DATA_SCRIPT.test(attributes.type ?? ''), text: '' };
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
  /** The HTML bodies of feed items (`content:encoded`), to be read as pages are. */
  bodies: string[];
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
        else if (name === 'content:encoded') scan.bodies.push(text);
        stack.pop();
        text = '';
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return scan;
}
