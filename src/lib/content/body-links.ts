import { Parser } from 'htmlparser2';
import type { Definition, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The links (`<a href>`) and images (`<img src>`) an article's body will have on its page, each
 * with its line in the body: what the check (src/lib/content/content-check.ts) judges with the
 * links rule the post-build audit applies to the built page (src/lib/content/links.ts).
 *
 * The body is parsed by the parser the renderer uses (src/lib/content/markdown.ts imports it from
 * here), so a link in a code block is not a link and a reference link has its definition's URL.
 * Raw HTML is read with htmlparser2 (entities decoded, as the audit reads the page); of its
 * elements the sanitiser keeps only `<a href>` and `<img src>` among the URLs the audit follows.
 */

/** The Markdown parser of every body: CommonMark with GitHub's extensions (tables, footnotes, autolinks). */
export const markdownParser = () => unified().use(remarkParse).use(remarkGfm);

export interface BodyLink {
  kind: 'link' | 'image';
  /** As written (Markdown escapes and HTML entities decoded). */
  url: string;
  /** 1-based line in the body. */
  line: number;
}

const parser = markdownParser();

/**
 * Signs that a body may hold a link or image: `](` or `]:` (Markdown), `<` (HTML, autolinks) or
 * `][`/`]` for references. A body with none of `]` and `<` has no URL the site could lack
 * (GitHub's bare autolinks are always http(s) or mailto), so it is not parsed at all.
 */
const MAYBE_LINK = /[\]<]/;

/** The `<a href>` and `<img src>` of a piece of raw HTML starting on `line`. */
function htmlLinks(html: string, line: number, found: BodyLink[]): void {
  if (!/<(a|img)\b/i.test(html)) return;
  const tokenizer = new Parser(
    {
      onopentag(name, attributes) {
        const kind = name === 'a' ? 'link' : name === 'img' ? 'image' : undefined;
        const url = kind === 'link' ? attributes.href : kind === 'image' ? attributes.src : undefined;
        if (kind && url !== undefined) {
          const before = html.slice(0, tokenizer.startIndex);
          found.push({ kind, url, line: line + (before.match(/\n/g)?.length ?? 0) });
        }
      },
    },
    { decodeEntities: true },
  );
  tokenizer.end(html);
}

export function bodyLinks(body: string): BodyLink[] {
  if (!MAYBE_LINK.test(body)) return [];
  const tree = parser.parse(body) as Root;
  const found: BodyLink[] = [];
  const definitions = new Map<string, Definition>();
  const referenced = new Map<string, BodyLink['kind']>();
  const walk = (node: Nodes) => {
    const line = node.position?.start.line ?? 1;
    if (node.type === 'link' || node.type === 'image') found.push({ kind: node.type, url: node.url, line });
    else if (node.type === 'html') htmlLinks(node.value, line, found);
    else if (node.type === 'definition') {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    } else if (node.type === 'linkReference' || node.type === 'imageReference') {
      if (!referenced.has(node.identifier)) referenced.set(node.identifier, node.type === 'linkReference' ? 'link' : 'image');
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  // A definition is rendered only where it is used, so only used ones are links; its URL is on its own line.
  for (const [identifier, kind] of referenced) {
    const definition = definitions.get(identifier);
    if (definition) found.push({ kind, url: definition.url, line: definition.position?.start.line ?? 1 });
  }
  return found.sort((a, b) => a.line - b.line);
}
