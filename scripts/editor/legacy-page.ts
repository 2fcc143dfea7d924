// Reads a news page saved from the portal this site replaces: breadcrumb 首页 > 开发区新闻 >
// {region} > {type}, a title, a line 发布时间:… 来源:… 发布开发区:…, the body, 上一条 / 下一条
// and a footer. Keeps the body (as Markdown) and the facts of the meta line; drops the chrome.
//
// HTML is parsed with rehype-parse (parse5, as browsers do) and turned into Markdown with
// rehype-remark and remark-stringify (GFM tables included), rather than with regular
// expressions over markup; only the plain text of the meta line and breadcrumb is matched.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { NEWS_TYPES, type NewsType } from '@/lib/content/taxonomy';
import { decodePage } from './decode-page.ts';

export interface LegacyPage {
  title: string;
  /** As the page wrote it, normalised to `2023-04-07` or `2023-04-07 09:30`. */
  date: string;
  source: string;
  /** As the page wrote it; the registry gives the official name. */
  zone: string;
  region?: string;
  type: NewsType;
  /** From <link rel=canonical>, <meta property=og:url> or a "saved from url" comment, else from the caller's base URL. */
  legacyUrl?: string;
  body: string;
  cover?: string;
  coverAlt?: string;
  /** The encoding the page was read in. */
  encoding: string;
}

export type LegacyPageResult = { ok: true; page: LegacyPage } | { ok: false; reasons: string[] };

const SPACES = /[\s\u3000\u00a0]+/g;
const clean = (text: string) => text.replace(SPACES, ' ').trim();

/** Elements in document order, with their parents (hast keeps no parent links). */
function elements(tree: Root): { all: Element[]; parent: Map<Element, Element | Root> } {
  const all: Element[] = [];
  const parent = new Map<Element, Element | Root>();
  const walk = (node: Element | Root) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      all.push(child);
      parent.set(child, node);
      walk(child);
    }
  };
  walk(tree);
  return { all, parent };
}

/** The innermost element whose text passes `test`: the line itself, not the page around it. */
function innermost(all: Element[], test: (text: string) => boolean): Element | undefined {
  let best: { element: Element; length: number } | undefined;
  for (const element of all) {
    if (element.tagName === 'html' || element.tagName === 'body' || element.tagName === 'head') continue;
    const text = clean(toText(element));
    if (test(text) && (!best || text.length < best.length)) best = { element, length: text.length };
  }
  return best?.element;
}

const LABELS = ['发布时间', '来源', '发布开发区', '作者', '浏览次数', '点击数'];

/** `来源: 盐城经济技术开发区管委会` in the meta line: up to the next label. */
function metaField(text: string, label: string): string | undefined {
  const others = LABELS.filter((other) => other !== label).join('|');
  const match = new RegExp(`${label}\\s*[:：]\\s*(.+?)\\s*(?=(?:${others})\\s*[:：]|$)`).exec(text);
  return match?.[1].trim() || undefined;
}

/** `2023-04-07`, `2023/4/7 09:30`, `2023年4月7日` -> `2023-04-07` or `2023-04-07 09:30`. */
export function normaliseDate(text: string): string | undefined {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const pad = (value: string) => value.padStart(2, '0');
  const time = hour ? ` ${pad(hour)}:${minute}${second ? `:${second}` : ''}` : '';
  return `${year}-${pad(month)}-${pad(day)}${time}`;
}

const STOP = /(上一条|下一条|上一篇|下一篇)\s*[:：]|版权所有|Copyright/i;
const TOOLS = /^【.*(打印|关闭|收藏|返回).*】$/;

/**
 * The body: the elements after the meta line, up to 上一条 / 下一条 or the footer. When the
 * meta line is nested (a <span> in a <div>), its ancestors are climbed until something follows.
 */
function bodyNodes(meta: Element, parent: Map<Element, Element | Root>): RootContent[] {
  let current: Element = meta;
  for (;;) {
    const container = parent.get(current);
    if (!container) return [];
    const siblings = container.children;
    const after = siblings.slice(siblings.indexOf(current as ElementContent) + 1);
    const hasContent = after.some((node) => node.type === 'element' && clean(toText(node)) && !STOP.test(clean(toText(node))));
    if (hasContent || container.type === 'root') {
      const body: RootContent[] = [];
      for (const node of after) {
        if (node.type === 'comment' || node.type === 'doctype') continue;
        const text = clean(toText(node as Element));
        if (node.type === 'element' && STOP.test(text)) break;
        if (node.type === 'element' && TOOLS.test(text)) continue;
        body.push(node);
      }
      return body;
    }
    if (container.type !== 'element') return [];
    current = container;
  }
}

/**
 * Old CMS tables often have no <th>: their first row is the header, as Markdown needs one
 * (otherwise the converter writes an empty header row above it).
 */
function headerRows(nodes: RootContent[]): void {
  for (const table of selectAll('table', { type: 'root', children: nodes })) {
    if (select('th', table)) continue;
    const first = select('tr', table);
    for (const cell of first?.children ?? []) if (cell.type === 'element' && cell.tagName === 'td') cell.tagName = 'th';
  }
}

// Cells are not padded to line up: widths of Chinese characters would misalign them anyway.
const toMarkdown = unified()
  .use(rehypeRemark)
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', fences: true, rule: '-' });

/** Old links resolved against the page's URL, so they keep pointing at the old site's files. */
function absolutise(nodes: RootContent[], base: string | undefined): void {
  const fix = (node: RootContent) => {
    if (node.type !== 'element') return;
    for (const attribute of ['src', 'href'] as const) {
      const value = node.properties[attribute];
      if (typeof value !== 'string' || !base || /^(javascript|mailto|data):/i.test(value)) continue;
      try {
        node.properties[attribute] = new URL(value, base).href;
      } catch {
        // leave what cannot be resolved as it was
      }
    }
    // The portal indented paragraphs with full-width spaces (U+3000 U+3000); Markdown does not.
    if (node.tagName === 'p' && node.children[0]?.type === 'text')
      node.children[0].value = node.children[0].value.replace(/^[\s\u3000\u00a0]+/, '');
    node.children.forEach((child) => fix(child as RootContent));
  };
  nodes.forEach(fix);
}

/** The body's pictures in document order, with the address the page wrote (before absolutise). */
function bodyImages(nodes: RootContent[]): LegacyImage[] {
  return selectAll('img[src]', { type: 'root', children: nodes }).map((element) => ({
    element,
    src: String(element.properties.src),
    alt: typeof element.properties.alt === 'string' ? element.properties.alt.trim() : '',
    keep: true,
  }));
}

/** The nodes without the pictures the importer dropped. */
function withoutDropped(nodes: RootContent[], dropped: Set<Element>): RootContent[] {
  const kept: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'element' && dropped.has(node)) continue;
    if (node.type === 'element') node.children = withoutDropped(node.children, dropped) as ElementContent[];
    kept.push(node);
  }
  return kept;
}

/** `<!-- saved from url=(0052)http://… -->`: the address Chrome writes into a page it saves. */
function savedFromUrl(text: string): string | undefined {
  const match = /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(text.slice(0, 4096));
  return match?.[1];
}

function canonicalUrl(tree: Root): string | undefined {
  const link = select('link[rel~=canonical][href]', tree)?.properties.href;
  const og = select('meta[property="og:url"][content]', tree)?.properties.content;
  const url = typeof link === 'string' ? link : typeof og === 'string' ? og : undefined;
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * A saved page read up to its body: the facts, the body as HTML nodes and its pictures. The
 * importer rewrites or drops pictures here (see legacy-images.ts), then `finishLegacyPage`
 * writes the Markdown. `reasons` lists what is wrong with the page; it is finished only without any.
 */
export interface LegacyDraft {
  title: string;
  date?: string;
  source?: string;
  zone?: string;
  region?: string;
  type: NewsType;
  legacyUrl?: string;
  encoding: string;
  nodes: RootContent[];
  images: LegacyImage[];
  reasons: string[];
}

/** An <img> of the body. The importer sets `element.properties.src`, or `keep: false` to drop it. */
export interface LegacyImage {
  element: Element;
  /** As the page wrote it: relative addresses are relative to the saved file (and to the page's URL). */
  src: string;
  alt: string;
  keep: boolean;
}

/**
 * Reads one saved page. `fallbackUrl` is where the page lived when it does not say so itself
 * (no canonical link, no "saved from url" comment): the importer builds it from --base-url and the file's path.
 */
export function parseLegacyPage(
  bytes: Uint8Array,
  fallbackUrl?: string,
): { ok: true; draft: LegacyDraft } | { ok: false; reasons: string[] } {
  const decoded = decodePage(bytes);
  if (!decoded.ok) return { ok: false, reasons: [decoded.reason] };
  const tree = unified().use(rehypeParse).parse(decoded.text);
  const { all, parent } = elements(tree);

  const meta = innermost(all, (text) => /发布时间\s*[:：]/.test(text));
  if (!meta)
    return { ok: false, reasons: ['找不到“发布时间”一行，不是旧网站的新闻页面 / no 发布时间 line: not a news page of the old portal'] };
  const metaText = clean(toText(meta));
  const reasons: string[] = [];
  const date = normaliseDate(metaField(metaText, '发布时间') ?? '');
  const source = metaField(metaText, '来源');
  const zone = metaField(metaText, '发布开发区');
  if (!date) reasons.push(`“发布时间”不是日期：${metaText} / 发布时间 is not a date`);
  if (!source) reasons.push('缺少“来源” / no 来源 on the meta line');
  if (!zone) reasons.push('缺少“发布开发区” / no 发布开发区 on the meta line');

  const title =
    clean(toText(select('h1', tree) ?? { type: 'root', children: [] })) ||
    clean(toText(select('title', tree) ?? { type: 'root', children: [] })).split(/\s*(?:_|\||-\s)\s*/)[0];
  if (!title) reasons.push('找不到标题 / no title');

  const crumb = innermost(all, (text) => text.includes('首页') && text.includes('开发区新闻') && /[>＞»›]/.test(text));
  const items = crumb ? clean(toText(crumb)).split(/\s*[>＞»›]\s*/) : [];
  const at = items.findIndex((item) => item.endsWith('开发区新闻'));
  const region = at >= 0 ? items[at + 1] : undefined;
  const typeItem = at >= 0 ? items[at + 2] : undefined;
  const type: NewsType = NEWS_TYPES.find((name) => name === typeItem) ?? '文字新闻';

  const legacyUrl = canonicalUrl(tree) ?? savedFromUrl(decoded.text) ?? fallbackUrl;
  const nodes = bodyNodes(meta, parent);
  const images = bodyImages(nodes);
  absolutise(nodes, legacyUrl);
  headerRows(nodes);
  return {
    ok: true,
    draft: { title, date, source, zone, region, type, legacyUrl, encoding: decoded.encoding, nodes, images, reasons },
  };
}

/** The article from a draft: the body in Markdown, the first picture kept as a 图片新闻's cover. */
export function finishLegacyPage(draft: LegacyDraft): LegacyPageResult {
  const { title, date, source, zone, region, type, legacyUrl, encoding } = draft;
  const dropped = new Set(draft.images.filter((image) => !image.keep).map((image) => image.element));
  const nodes = withoutDropped(draft.nodes, dropped);
  const body = toMarkdown.stringify(toMarkdown.runSync({ type: 'root', children: nodes })).trim();
  const reasons = [...draft.reasons];
  if (!body) reasons.push('正文为空 / the body is empty');
  if (reasons.length || !date || !source || !zone) return { ok: false, reasons };

  const image = draft.images.find((candidate) => candidate.keep);
  const cover = type === '图片新闻' && image ? String(image.element.properties.src) : undefined;
  // Without the page's own address its pictures' relative addresses point nowhere: say how to fix it.
  if (cover !== undefined && !/^(https?:)?\/\//i.test(cover) && !cover.startsWith('/') && !legacyUrl) {
    return {
      ok: false,
      reasons: [
        `封面图 ${cover} 是相对地址，页面没有写明自己的网址：请用 --base-url 指明旧网站上的位置 / the cover ${cover} is a relative address and the page does not say where it lived: give --base-url`,
      ],
    };
  }
  return {
    ok: true,
    page: { title, date, source, zone, region, type, legacyUrl, body, cover, coverAlt: cover ? image?.alt || title : undefined, encoding },
  };
}

/** Reads one saved page as it is, its pictures still pointing at the old site (see parseLegacyPage). */
export function readLegacyPage(bytes: Uint8Array, fallbackUrl?: string): LegacyPageResult {
  const parsed = parseLegacyPage(bytes, fallbackUrl);
  return parsed.ok ? finishLegacyPage(parsed.draft) : parsed;
}
