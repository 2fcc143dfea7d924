import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

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

const base = () => unified().use(remarkParse).use(remarkGfm);
const plain = base().use(remarkRehype).use(rehypeSanitize, SCHEMA);
// parse5 (inside rehype-raw) is the slow part, so it runs only on bodies that have raw HTML.
const withRaw = base().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSanitize, SCHEMA);
const stringifier = unified().use(rehypeStringify);

const RAW_HTML = /<[a-zA-Z!/?]/;

export interface RenderedBody {
  html: string;
  /** The body as plain text, whitespace collapsed: for summaries and (later) search. */
  text: string;
}

export function renderMarkdown(markdown: string): RenderedBody {
  const processor = RAW_HTML.test(markdown) ? withRaw : plain;
  const sanitised = processor.runSync(processor.parse(markdown)) as Root;
  const tree: Root = { ...sanitised, children: fitToPage(sanitised.children) };
  return {
    html: stringifier.stringify(tree),
    text: toText(tree).replace(/\s+/g, ' ').trim(),
  };
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
