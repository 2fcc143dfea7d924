import { ARTICLE_META_LABELS, SECTION_LABELS } from '@/lib/site/labels';
import { queryPhrases } from '@/lib/search/tokens';

/**
 * The search page's state and what it asks Pagefind, as pure functions: the page script
 * (src/pages/search/_client.ts) only wires them to the DOM. Nothing here may import a
 * build-only module: it is bundled for the browser.
 */

/** Filters the search page offers, in the order it shows them, with their labels. */
export const SEARCH_FILTERS = [
  { key: 'region', label: SECTION_LABELS.region },
  { key: 'zone', label: ARTICLE_META_LABELS.zone },
  { key: 'type', label: SECTION_LABELS.type },
  { key: 'year', label: SECTION_LABELS.year },
] as const;
export type SearchFilterKey = (typeof SEARCH_FILTERS)[number]['key'];

export type FacetCounts = Partial<Record<SearchFilterKey, Record<string, number>>>;

/** How many of `items` have each value of each filter: the counts the search page opens with. */
export function countFacets(items: Iterable<Record<SearchFilterKey, string>>): FacetCounts {
  const counts: FacetCounts = {};
  for (const item of items) {
    for (const { key } of SEARCH_FILTERS) {
      const values = (counts[key] ??= {});
      values[item[key]] = (values[item[key]] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * A filter's options in the order the page lists them: years newest first, names in pinyin
 * order. The value a state has chosen is always there, with 0 if no result has it (a shared
 * link may name a value this search does not find).
 */
export function filterOptions(key: SearchFilterKey, counts: Record<string, number> | undefined, chosen = ''): [string, number][] {
  const values = Object.entries(counts ?? {}).sort(([a], [b]) => (key === 'year' ? b.localeCompare(a) : a.localeCompare(b, 'zh-CN')));
  if (chosen && !values.some(([value]) => value === chosen)) values.unshift([chosen, 0]);
  return values;
}

export type SearchOrder = 'relevance' | 'date';

export interface SearchState {
  q: string;
  filters: Partial<Record<SearchFilterKey, string>>;
  order: SearchOrder;
}

/** The state a URL's query string describes: `?q=招商引资&zone=…&sort=date`. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const { key } of SEARCH_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { q: (params.get('q') ?? '').trim(), filters, order: params.get('sort') === 'date' ? 'date' : 'relevance' };
}

/** The query string for a state, empty fields left out, so shared links stay short. */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const { key } of SEARCH_FILTERS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  if (state.order === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The body out of a search record's decoded text, which starts with the title and the meta
 * line (ending `地区 {region}`), so that excerpts come from the body.
 */
export function bodyOf(decoded: string, title: string, region: string): string {
  const marker = ` ${ARTICLE_META_LABELS.region} ${region} `;
  const at = decoded.indexOf(marker, title.length);
  return at < 0 ? decoded : decoded.slice(at + marker.length);
}

export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * About `length` characters of `text` around the first place a query phrase occurs, every
 * occurrence of a phrase marked; the start of the text when none occurs. Pieces, not HTML, so
 * the page inserts them as text and no article text is ever parsed as markup.
 */
export function excerpt(text: string, query: string, length = 90): ExcerptPiece[] {
  const phrases = queryPhrases(query).map((phrase) => phrase.toLowerCase());
  const lower = text.toLowerCase();
  const first = Math.min(...phrases.map((phrase) => lower.indexOf(phrase)).filter((at) => at >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 4)) : 0;
  let end = Math.min(text.length, start + length);
  const pieces: ExcerptPiece[] = [];
  if (start > 0) pieces.push({ text: '…', mark: false });
  let at = start;
  while (at < end) {
    const hits = phrases.map((phrase) => ({ phrase, index: lower.indexOf(phrase, at) })).filter(({ index }) => index >= 0 && index < end);
    if (hits.length === 0) break;
    const hit = hits.reduce((a, b) => (b.index < a.index || (b.index === a.index && b.phrase.length > a.phrase.length) ? b : a));
    if (hit.index > at) pieces.push({ text: text.slice(at, hit.index), mark: false });
    // A phrase that starts inside the excerpt is shown whole.
    const stop = hit.index + hit.phrase.length;
    end = Math.max(end, stop);
    pieces.push({ text: text.slice(hit.index, stop), mark: true });
    at = stop;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
