import { SEARCH_FILTERS, type SearchFilterKey, type SearchState } from '@/lib/search/query';
import { isChinesePhrase, phraseTerms, queryParts, queryPhrases } from '@/lib/search/tokens';

/**
 * What the search page knows of the index besides the words: one table (PAGE_TABLE in the bundle
 * folder, written by the build, src/lib/search/page-table.ts) of every page and of the index's
 * chunks. With it the page finds, filters, counts and orders results itself:
 * - a word's pages come from its index chunk (src/lib/search/index-reader.ts), which the
 *   table's chunk list names, and a page's number there is its place in the table;
 * - filter counts are exact for any query, including one of several parts;
 * - results are ranked by the query's parts as phrases (ranking below), a part in the title
 *   first;
 * - newest first is the table's order;
 * - filters alone list pages without the index (the fragments are fetched by name).
 * Nothing here may import a build-only module: it is bundled for the browser.
 */

/** The table's file name: in each search shard's folder in the cache, and in the bundle folder. */
export const PAGE_TABLE = 'pages.json';

/**
 * The table's pages, newest first, column by column (gzip packs a column of like numbers tighter
 * than rows): each page's region and zone (an index in `places`), its type (in `types`) and its
 * length in units of LENGTH_UNIT words (ranking needs no more precision): 173 KB at 100,000
 * articles. A page's name in the index follows from its place in the table (pageName); whether a
 * match is in its title, from the index (index-reader.ts, PageHits).
 */
export interface SiteColumns {
  place: number[];
  type: number[];
  length: number[];
}

/** Words per unit of a page's length in the table. */
export const LENGTH_UNIT = 32;

/**
 * The name of the page at `order` (newest first) of `total`: its name in the index's metadata and its
 * fragment's file name. Counted from the oldest page, so that a new article leaves every other
 * page its name; base 36, so that the index's list of names is short.
 */
export function pageName(order: number, total: number): string {
  return (total - 1 - order).toString(36);
}

export interface SiteTable {
  /** Years newest first, with how many of the pages, in order, are theirs. */
  years: [year: string, pages: number][];
  places: [region: string, zone: string][];
  types: string[];
  pages: SiteColumns;
  /**
   * The index's chunks in word order: the first word each may hold (as Pagefind's metadata
   * names it: chunksFor in index-reader.ts), its file's name in `index/` less `.pf_index`, and
   * its size in KB, rounded up (what a phrase's cover weighs, phraseCover).
   */
  chunks: { from: string[]; file: string[]; kb: number[] };
  /**
   * Search words that find words across many chunks (the words after a common gram), each with
   * one more file that holds all of those words (merge-bundle.ts MergeOptions.groupsOf).
   */
  groups: { term: string[]; file: string[]; kb: number[] };
}

export interface PageInfo {
  /** Its name in the index (pageName): its fragment's file name. */
  name: string;
  /** Position among all pages, newest first. */
  order: number;
  facets: Record<SearchFilterKey, string>;
  /** Its length in words, to LENGTH_UNIT. */
  words: number;
}

/** The values of runs (`[value, length]`), one per item. */
function expand(runs: readonly [string, number][]): string[] {
  return runs.flatMap(([value, length]) => new Array<string>(length).fill(value));
}

/** Every page of the table, newest first (a page's place is also its number in the index), with its filter values. */
export function readTable(table: SiteTable): PageInfo[] {
  const years = expand(table.years);
  const { place, type, length } = table.pages;
  return place.map((at, order) => {
    const [region, zone] = table.places[at] ?? ['', ''];
    const facets = { region, zone, type: table.types[type[order]] ?? '', year: years[order] ?? '' };
    return {
      name: pageName(order, place.length),
      order,
      facets,
      words: (length[order] ?? 1) * LENGTH_UNIT,
    };
  });
}

/** Whether a page has every value the state's filters ask for. */
export function passes(page: PageInfo, filters: SearchState['filters']): boolean {
  return SEARCH_FILTERS.every(({ key }) => !filters[key] || page.facets[key] === filters[key]);
}

/**
 * A query as the searches the page runs, one per space-separated part: its search words, and
 * for a Chinese phrase of two characters or more, the words it is searched by (`cover`,
 * phraseCover) with their offsets in the phrase. Other parts (a Latin word, a lone character,
 * Chinese mixed with digits) are one ordinary search of their terms.
 */
export interface QueryPart {
  text: string;
  terms: string[];
  cover: { term: string; offset: number }[] | undefined;
}

/**
 * The offsets of the search words that find a phrase, from the word at each of its characters
 * but the last (`lengths`: how many characters each has, tokens.ts phraseTerms): the first, one
 * that reaches the phrase's last character, and between them each word starting no later than
 * the character after the one before ends. Together they cover each of its characters, and
 * where each stands at its offset from one position in a page, the page has the whole phrase
 * there: two words whose characters meet are always of one run of Chinese text in the index (a
 * run ends with its last character alone, and something other than a run's word stands between
 * two runs, src/lib/search/tokens.ts). Of the covers, the one whose words `cost` least in all
 * (the bytes of the index files that hold them: a bigram in most articles fills chunks of its
 * own, a rare word shares a small chunk); at equal costs, the later word before each. A phrase
 * of bigrams alone is searched by every second bigram and the last, rather than all of them.
 */
export function phraseCover(lengths: readonly number[], cost: (offset: number) => number = () => 1): number[] {
  // least[i]: the least cost of a cover of the characters before i + lengths[i] that takes word i; from[i]: the word taken before it.
  const least: number[] = [];
  const from: number[] = [];
  lengths.forEach((_, i) => {
    let before = -1;
    for (let j = 0; j < i; j++) if (j + lengths[j] >= i && (before < 0 || least[j] <= least[before])) before = j;
    from.push(before);
    least.push(i > 0 && before < 0 ? Infinity : cost(i) + (before < 0 ? 0 : least[before]));
  });
  const characters = lengths.length + 1;
  let last = -1;
  lengths.forEach((length, i) => {
    if (i + length >= characters && (last < 0 || least[i] < least[last])) last = i;
  });
  const offsets: number[] = [];
  for (let i = last; i >= 0; i = from[i]) offsets.unshift(i);
  return offsets;
}

/** The query's parts; `cost` (of a search word, see phraseCover) chooses each phrase's cover. */
export function queryPlan(query: string, cost?: (term: string) => number): QueryPart[] {
  return queryPhrases(query).map((text) => {
    const terms = queryParts(text).flat();
    if (!isChinesePhrase(text)) return { text, terms, cover: undefined };
    const words = phraseTerms(text);
    const offsets = phraseCover(
      words.map(({ length }) => length),
      cost && ((offset) => cost(words[offset].term)),
    );
    return { text, terms, cover: offsets.map((offset) => ({ term: words[offset].term, offset })) };
  });
}

/**
 * Where a phrase starts in a page: the positions of its cover's first word where each other
 * word of the cover stands at its offset (`positions`: of each word of the cover, in order).
 */
export function phraseStarts(positions: readonly (readonly number[])[], offsets: readonly number[]): number[] {
  const [first = [], ...others] = positions;
  const sets = others.map((list) => new Set(list));
  return first.filter((start) => sets.every((set, i) => set.has(start + offsets[i + 1] - offsets[0])));
}

/**
 * Where a part occurs in a page, from the positions of the words an ordinary search matched
 * (index-reader.ts): a place where all `terms` words stand in a row is one occurrence; a part
 * of one word occurs wherever it matched. `titleEnd`: the last of those positions in the
 * title (the page starts with its title; -1: none).
 */
export function occurrences(positions: readonly number[], terms: number, titleEnd: number): Hits {
  const at = new Set(positions);
  const starts = positions.filter((start) => {
    let run = 1;
    while (run < terms && at.has(start + run)) run++;
    return run === terms;
  });
  return hitsAt(starts, terms, titleEnd);
}

/** How often a part occurs in a page, and whether in its title. */
export interface Hits {
  count: number;
  inTitle: boolean;
}

/**
 * The hits of a part of `words` words that starts at `starts`; in the title when its last word
 * is: at or before `titleEnd`, the last position in the title of the words matched (the title
 * comes first, and a hit's last word is one of the words matched).
 */
export function hitsAt(starts: readonly number[], words: number, titleEnd: number): Hits {
  return { count: starts.length, inTitle: starts.some((start) => start + words - 1 <= titleEnd) };
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
  hits: readonly Hits[],
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
