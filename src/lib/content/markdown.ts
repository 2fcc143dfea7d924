import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { markdownParser } from '@/lib/content/body-links';

/**
 * Markdown to safe HTML, once per article per content change: the loader stores the result,
 * and pages (and later feeds) reuse that string rather than rendering again.
 *
 * Raw HTML is allowed in Markdown because imported archives are full of it, then sanitised
 * with GitHub's allow-list (hast-util-sanitize): no <script>, <style>, <iframe>, event
 * handlers, `style` attributes, or URLs other than http(s), mailto and relative ones.
 */

const SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  // Drop these elements with everything inside them, rather than keeping their text.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'textarea', 'select'],
};

/**
 * Fits a body into its page: the page's title is the only <h1>, so body headings move one
 * level down (# becomes <h2>), and tables get a scrolling wrapper so that on a phone a wide
 * table scrolls by itself instead of widening the page, without losing table semantics.
 */
function fitToPage(nodes: RootContent[]): RootContent[] {
  return nodes.map((node) => {
    if (node.type !== 'element') return node;
    const element: Element = { ...node, children: fitToPage(node.children) as Element['children'] };
    const level = /^h([1-5])$/.exec(element.tagName);
    if (level) return { ...element, tagName: `h${Number(level[1]) + 1}` };
    if (element.tagName === 'table') {
      return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [element] };
    }
    return element;
  });
}

/**
 * In-page links (`#fn-1`) to the ids the sanitiser prefixed (`user-content-fn-1`, so that a body
 * can never claim an id of the page such as `main`): the same rewrite GitHub does in the browser,
 * done here because our pages have no script. Footnotes are the common case; remark-rehype is
 * told not to add the prefix itself, or ids would get it twice and footnote links would break.
 */
function linkToPrefixedIds(tree: Root): Root {
  const ids = new Set<string>();
  const anchors: Element[] = [];
  visit(tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && node.properties.href.startsWith('#')) anchors.push(node);
  });
  for (const anchor of anchors) {
    const target = CLOBBER_PREFIX + decodeFragment(String(anchor.properties.href).slice(1));
    if (ids.has(target)) anchor.properties.href = `#${target}`;
  }
  return tree;
}

const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? 'user-content-';

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Footnote markers and the footnote list are not part of a summary or the search text. */
function isFootnoteApparatus(node: Element): boolean {
  return node.properties.dataFootnotes !== undefined || node.properties.dataFootnoteRef !== undefined;
}

function withoutFootnotes(nodes: RootContent[]): RootContent[] {
  return nodes.flatMap<RootContent>((node) => {
    if (node.type !== 'element') return [node];
    if (isFootnoteApparatus(node)) return [];
    return [{ ...node, children: withoutFootnotes(node.children) as Element['children'] }];
  });
}

const FOOTNOTES = { clobberPrefix: '', footnoteLabel: '注释', footnoteBackLabel: '返回正文' };

// The parser the check reads body links with (src/lib/content/body-links.ts), so both see the same links.
const base = markdownParser;
const plain = base().use(remarkRehype, FOOTNOTES).use(rehypeSanitize, SCHEMA);
// parse5 (inside rehype-raw) is the slow part, so it runs only on bodies that have raw HTML.
const withRaw = base()
  .use(remarkRehype, { ...FOOTNOTES, allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, SCHEMA);
const stringifier = unified().use(rehypeStringify);

const RAW_HTML = /<[a-zA-Z!/?]/;

export interface RenderedBody {
  html: string;
  /** The body as plain text, whitespace collapsed: for the summary of an article that has none. */
  text: string;
  /**
   * The `src` of each picture of the site's own in the body, written from the site's root
   * (`/images/a.jpg`), once each: the pages show them through the image pipeline (src/lib/site/pictures.ts).
   */
  images: string[];
}

/** The distinct root-relative `src` of the tree's `<img>` elements. */
function localImages(tree: Root): string[] {
  const found = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    const src = node.tagName === 'img' ? node.properties.src : undefined;
    if (typeof src === 'string' && /^\/(?!\/)/.test(src)) found.add(src);
  });
  return [...found];
}

export function renderMarkdown(markdown: string): RenderedBody {
  const processor = RAW_HTML.test(markdown) ? withRaw : plain;
  const sanitised = processor.runSync(processor.parse(markdown)) as Root;
  const tree = linkToPrefixedIds({ ...sanitised, children: fitToPage(sanitised.children) });
  const prose: Root = { ...tree, children: withoutFootnotes(tree.children) };
  return {
    html: stringifier.stringify(tree),
    text: toText(prose).replace(/\s+/g, ' ').trim(),
    images: localImages(tree),
  };
}

/** An article's Markdown body and the file it came from (named if rendering it fails). */
export interface MarkdownFile {
  file: string;
  body: string;
}

/**
 * Renders each file's body, in order: the content loader's task, on worker threads for a large
 * sync (src/lib/build/worker-pool.ts) or in place for a few files.
 */
export function renderMarkdownFiles(files: readonly MarkdownFile[]): RenderedBody[] {
  return files.map(({ file, body }) => {
    try {
      return renderMarkdown(body);
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
}

/**
 * A listing summary from the body text: the first sentences up to `limit` characters, ending at
 * a full stop when one is near the end, else cut with an ellipsis.
 */
export function summarize(text: string, limit = 120): string {
  const chars = Array.from(text);
  if (chars.length <= limit) return text;
  const head = chars.slice(0, limit).join('');
  const stop = Math.max(head.lastIndexOf('。'), head.lastIndexOf('！'), head.lastIndexOf('？'));
  if (stop >= limit / 2) return head.slice(0, stop + 1);
  return `${head.trimEnd()}…`;
}
