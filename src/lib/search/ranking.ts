import { SEARCH_FILTERS, type SearchFilterKey, type SearchState } from '@/lib/search/query';
import { isChinesePhrase, queryParts, queryPhrases } from '@/lib/search/tokens';

/**
 * What the search page knows of every page of the index besides Pagefind's own index: one table
 * (PAGE_TABLE in the bundle folder, written by the build from Pagefind's fragments,
 * src/lib/search/page-table.ts). With it the page filters, counts and orders results itself:
 * - filter counts are exact for any query, including one of several parts (Pagefind's counts
 *   are those of one search, and a query of several parts is several searches);
 * - results are ranked by the query's parts as phrases (ranking below), a part in the title
 *   first, rather than by Pagefind's score of its separate bigrams;
 * - newest first is the table's order;
 * - filters alone list pages without Pagefind (the fragments are fetched by hash).
 * Nothing here may import a build-only module: it is bundled for the browser.
 */

/** The table's file name: in each search shard's folder in the cache, and in the bundle folder. */
export const PAGE_TABLE = 'pages.json';

/**
 * One page: its Pagefind hash (a result's `id`, its fragment's file name), its region and zone
 * (an index in `places`), its type (in `types`), how many search words its title has (the first
 * words of the page), and how many words it has in all.
 */
export type SiteRow = [hash: string, place: number, type: number, titleWords: number, words: number];

export interface SiteTable {
  /** Years newest first, with how many of the pages, in order, are theirs. */
  years: [year: string, pages: number][];
  places: [region: string, zone: string][];
  types: string[];
  /** Newest first. */
  pages: SiteRow[];
}

export interface PageInfo {
  hash: string;
  /** Position among all pages, newest first. */
  order: number;
  facets: Record<SearchFilterKey, string>;
  titleWords: number;
  words: number;
}

/** The values of runs (`[value, length]`), one per item. */
function expand(runs: readonly [string, number][]): string[] {
  return runs.flatMap(([value, length]) => new Array<string>(length).fill(value));
}

/** Every page of the table by hash, with its filter values and place newest first. */
export function readTable(table: SiteTable): Map<string, PageInfo> {
  const years = expand(table.years);
  const pages = new Map<string, PageInfo>();
  table.pages.forEach(([hash, place, type, titleWords, words], order) => {
    const [region, zone] = table.places[place] ?? ['', ''];
    const facets = { region, zone, type: table.types[type] ?? '', year: years[order] ?? '' };
    pages.set(hash, { hash, order, facets, titleWords, words });
  });
  return pages;
}

/** Whether a page has every value the state's filters ask for. */
export function passes(page: PageInfo, filters: SearchState['filters']): boolean {
  return SEARCH_FILTERS.every(({ key }) => !filters[key] || page.facets[key] === filters[key]);
}

/**
 * A query as the searches the page runs: one per space-separated part, its Pagefind terms, and
 * whether it is a Chinese phrase of two or more bigrams (then only pages where the bigrams stand
 * side by side contain it, which a quoted, exact Pagefind search finds; an ordinary search would
 * also find them apart).
 */
export interface QueryPart {
  text: string;
  terms: string[];
  exact: boolean;
}

export function queryPlan(query: string): QueryPart[] {
  return queryPhrases(query).map((text) => {
    const terms = queryParts(text).flat();
    return { text, terms, exact: isChinesePhrase(text) && terms.length > 1 };
  });
}

/**
 * Where a part occurs in a page, from the positions of the words an ordinary search matched
 * (Pagefind's `words`): a place where all `terms` words stand in a row is one occurrence; a part
 * of one word occurs wherever it matched. In the title when it starts and ends within the
 * title's words (the page starts with its title).
 */
export function occurrences(positions: readonly number[], terms: number, titleWords: number): { count: number; inTitle: boolean } {
  const at = new Set(positions);
  let count = 0;
  let inTitle = false;
  for (const start of positions) {
    let run = 1;
    while (run < terms && at.has(start + run)) run++;
    if (run < terms) continue;
    count++;
    if (start + terms <= titleWords) inTitle = true;
  }
  return { count, inTitle };
}

/** BM25's parameters, as Pagefind's defaults. */
const K1 = 1.2;
const B = 0.75;
/** A part in the title outweighs any number of occurrences in the body: headlines first. */
const TITLE = K1 + 1 + 1;

/**
 * The score of a page for a query: BM25 over the parts, with each part's document frequency
 * (`pages` that contain it),
 * the page's length against the average, and a part in the title weighing more than any
 * number of occurrences below it.
 */
export function score(
  hits: readonly { count: number; inTitle: boolean }[],
  frequencies: readonly number[],
  { words, total, averageWords }: { words: number; total: number; averageWords: number },
): number {
  let sum = 0;
  hits.forEach(({ count, inTitle }, i) => {
    const frequency = frequencies[i] ?? 0;
    const idf = Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5));
    const saturation = (count * (K1 + 1)) / (count + K1 * (1 - B + (B * words) / Math.max(1, averageWords)));
    sum += idf * (saturation + (inTitle ? TITLE : 0));
  });
  return sum;
}
