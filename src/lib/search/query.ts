import { shardYears } from '@/lib/search/shards';
import { ARTICLE_META_LABELS, SECTION_LABELS } from '@/lib/site/labels';
import { isChinesePhrase, queryParts, queryPhrases } from '@/lib/search/tokens';

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

/**
 * The one Pagefind filter every record carries, valued `region:盐城`, `zone:…`, `type:…`,
 * `year:2023` (one value per SEARCH_FILTERS key). Pagefind writes one file per filter in every
 * shard, and a search loads the file of every filter in every shard it asks: one filter instead
 * of four costs each shard one request instead of four. Counts are per value either way.
 */
export const FACET_FILTER = 'facet';

/** A record's value of FACET_FILTER for one of its fields. */
export function facetValue(key: SearchFilterKey, value: string): string {
  return `${key}:${value}`;
}

/** The FACET_FILTER values a state's filters need (every one of them: Pagefind's `all`). */
export function facetFilter(filters: SearchState['filters']): Record<string, { all: string[] }> {
  const values = SEARCH_FILTERS.flatMap(({ key }) => {
    const value = filters[key];
    return value ? [facetValue(key, value)] : [];
  });
  return values.length > 0 ? { [FACET_FILTER]: { all: values } } : {};
}

export type FacetCounts = Partial<Record<SearchFilterKey, Record<string, number>>>;

/** FACET_FILTER's counts (`{'region:盐城': 3, …}`) as counts per filter. */
export function splitFacetCounts(counts: Record<string, number> | undefined): FacetCounts {
  const split: FacetCounts = {};
  for (const [value, count] of Object.entries(counts ?? {})) {
    const at = value.indexOf(':');
    const key = SEARCH_FILTERS.find((filter) => filter.key === value.slice(0, at))?.key;
    if (!key) continue;
    (split[key] ??= {})[value.slice(at + 1)] = count;
  }
  return split;
}

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

/** One call of Pagefind's search(): the term (null lists everything the filters let through). */
export interface PagefindCall {
  term: string | null;
  /** Sort by the articles' date, newest first, instead of by relevance. */
  byDate: boolean;
}

/**
 * What to ask Pagefind for a state. `results` gives the result set, its order and the filter
 * counts. A Chinese phrase (招商引资) is a quoted (exact) search: Pagefind then keeps
 * only pages where the tokens stand next to each other, which for bigrams means pages that
 * contain the phrase itself. Exact searches come back unranked, so for relevance order a
 * second, ordinary search (`ranking`) supplies the order. Anything else (parts separated by
 * spaces, Chinese mixed with numbers) is an ordinary search: every token must occur. Each
 * Chinese phrase among several parts is also searched exactly (`require`), and only results
 * found by each of those are shown: an ordinary search alone would also find pages with the
 * phrase's bigrams apart, and Pagefind leaves out of it any token an index lacks (a part of the
 * index that has no page with a bigram would then ignore it).
 * Returns undefined when there is nothing to search for.
 */
export function pagefindCalls(state: SearchState): { results: PagefindCall; ranking?: PagefindCall; require?: PagefindCall[] } | undefined {
  const parts = queryParts(state.q);
  const byDate = state.order === 'date';
  if (parts.length === 0) return Object.keys(state.filters).length > 0 ? { results: { term: null, byDate: true } } : undefined;
  const plain = parts.flat().join(' ');
  if (parts.length === 1 && isChinesePhrase(state.q)) {
    const results = { term: `"${plain}"`, byDate };
    return byDate ? { results } : { results, ranking: { term: plain, byDate: false } };
  }
  const require = queryPhrases(state.q)
    .filter((part) => isChinesePhrase(part))
    .map((part) => ({ term: `"${queryParts(part).flat().join(' ')}"`, byDate: false }));
  return require.length > 0 ? { results: { term: plain, byDate }, require } : { results: { term: plain, byDate } };
}

/** `ids` without those missing from any of `required` (each a list of the ids a search found). */
export function keepRequired(ids: readonly string[], required: readonly (readonly string[])[]): string[] {
  const sets = required.map((list) => new Set(list));
  return ids.filter((id) => sets.every((set) => set.has(id)));
}

/**
 * The filter the search page gives each shard's index when it merges it (Pagefind's
 * `mergeFilter`), valued with the shard's key: a search can then be limited to one shard.
 */
export const SHARD_FILTER = 'shard';

/**
 * The shards (keys, newest first, as the search page lists them) a state needs: those of the
 * chosen year, or all of them. A year no shard has needs them all, so that the filters still
 * show every year's count.
 */
export function shardsFor(shards: readonly string[], state: SearchState): string[] {
  const year = state.filters.year;
  const matching = year ? shards.filter((key) => shardYears(key).includes(year)) : [];
  return matching.length > 0 ? matching : [...shards];
}

/**
 * The shards to ask, newest first, for a search in date order. Pagefind orders merged results
 * by score, and in a sorted search a result's score is its rank within its own shard; so the
 * page asks each shard that has results (`counts`, the SHARD_FILTER counts of the same search)
 * for its own, already in date order, and puts them one after the other: shards never overlap
 * in time.
 */
export function dateOrderShards(loaded: readonly string[], counts: Record<string, number> | undefined): string[] {
  return loaded.filter((key) => (counts ? (counts[key] ?? 0) > 0 : true)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** `ids` ordered as they come in `ranking`; ids the ranking lacks keep their order, after. */
export function orderByRanking(ids: readonly string[], ranking: readonly string[]): string[] {
  const rank = new Map(ranking.map((id, index) => [id, index]));
  return ids
    .map((id, index) => ({ id, key: rank.get(id) ?? ranking.length + index }))
    .sort((a, b) => a.key - b.key)
    .map(({ id }) => id);
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
