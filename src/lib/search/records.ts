import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Article } from '@/lib/content/article';
import { formatDate, formatDateTime, toBeijingIso } from '@/lib/content/dates';
import type { ImageFacts } from '@/lib/build/image-facts';
import { thumbnailUrl } from '@/lib/site/thumbnail-url';
import { articlePath } from '@/lib/site/urls';
import { ARTICLE_META_LABELS } from '@/lib/site/labels';
import { GAP, indexTokens } from '@/lib/search/tokens';

/**
 * What search knows of an article: the fields results show and filter on, and the text it
 * finds words in (title, meta line and body: not navigation, 上一条 / 下一条, related news or the
 * footer). src/integrations/pagefind.ts makes them from the articles the content sync stored
 * (src/lib/build/article-manifest.ts) and turns them into Pagefind's index.
 */
export interface SearchRecord {
  url: string;
  title: string;
  /** `2023-04-07`, Beijing time, as listings show it. */
  date: string;
  /** `2023-04-07T09:30:00+08:00`: sorts as text, so "newest first" is a plain string sort. */
  sortKey: string;
  source: string;
  zone: string;
  region: string;
  type: string;
  year: string;
  image?: string;
  imageAlt?: string;
  /** The meta line as the article page shows it. */
  metaLine: string;
  /** Body text, blocks separated by line breaks. */
  body: string;
}

/**
 * The language the index is filed under. Not `zh`: for zh, ja and th Pagefind runs its own
 * segmenter over every word when indexing, which would split the bigrams again (and costs
 * most of the indexing time and memory). `und` (undetermined) has no stemmer and no segmenter.
 */
export const SEARCH_LANGUAGE = 'und';

/** The meta line of an article page (ArticleBody.astro), as searchable text. */
export function metaLine(fields: Pick<SearchRecord, 'source' | 'zone' | 'region'> & { dateTime: string }): string {
  const { date, source, zone, region } = ARTICLE_META_LABELS;
  return `${date} ${fields.dateTime} ${source} ${fields.source} ${zone} ${fields.zone} ${region} ${fields.region}`;
}

/** Sanitised body HTML as text; block elements end lines, as a browser's innerText does. */
export function htmlToText(html: string): string {
  return toText(fromHtml(html, { fragment: true }))
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** What a record says of an article but its body text: computed for every article of the build, cheaply. */
export type RecordFields = Omit<SearchRecord, 'body'>;

/**
 * An article's record fields. `facts` are its cover's (src/lib/site/site-images.ts): results then
 * show the listing's small thumbnail of it, not the full picture.
 */
export function recordFields(article: Article, facts?: ReadonlyMap<string, ImageFacts>): RecordFields {
  return {
    url: articlePath(article.slug),
    title: article.title,
    date: formatDate(article.date),
    sortKey: toBeijingIso(article.date),
    source: article.source,
    zone: article.zone,
    region: article.region,
    type: article.type,
    year: String(article.year),
    image: article.cover && thumbnailUrl(article.cover, facts?.get(article.cover)),
    imageAlt: article.cover ? article.coverAlt : undefined,
    metaLine: metaLine({ ...article, dateTime: formatDateTime(article.date) }),
  };
}

export function searchRecord(article: Article, bodyHtml: string): SearchRecord {
  return { ...recordFields(article), body: htmlToText(bodyHtml) };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function tokenText(text: string): string {
  return escapeHtml(indexTokens(text).join(' '));
}

/**
 * The page Pagefind indexes for a record: the title (first, and its one heading, so the search
 * page knows a match in the title by its weight, src/lib/search/index-reader.ts), meta line and
 * body as search tokens (the body as text: no heading of its own);
 * what results show as metadata, in attributes, as plain text. Filters, order and ranking come
 * from the page table (src/lib/search/page-table.ts), not from Pagefind. A GAP between the blocks keeps their
 * words apart, so the stored text decodes back into title, meta line and body (the spaces
 * before the closing tags keep a block's last word from running into the next block's first,
 * and Pagefind from also indexing parts of it).
 */
export function searchDocument(record: SearchRecord): string {
  const meta = (attribute: string, key: string, value: string | undefined) =>
    value ? `<meta ${attribute}="${key}[content]" content="${escapeHtml(value)}">` : '';
  const head = [
    meta('data-pagefind-meta', 'title', record.title),
    meta('data-pagefind-meta', 'date', record.date),
    meta('data-pagefind-meta', 'source', record.source),
    meta('data-pagefind-meta', 'zone', record.zone),
    meta('data-pagefind-meta', 'region', record.region),
    meta('data-pagefind-meta', 'image', record.image),
    meta('data-pagefind-meta', 'image_alt', record.imageAlt),
  ].join('');
  return (
    `<!doctype html><html lang="${SEARCH_LANGUAGE}"><head>${head}</head><body data-pagefind-body>` +
    `<h1>${tokenText(record.title)} </h1>` +
    `<p>${GAP} ${tokenText(record.metaLine)} </p>` +
    `<div>${GAP} ${tokenText(record.body)} </div></body></html>`
  );
}
