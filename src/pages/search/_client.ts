// The search page's script: reads the state from the URL, finds the pages that contain the
// query in the site's Pagefind index (the query turned into search words by
// src/lib/search/tokens.ts, the code the index was built with; the index read by
// src/lib/search/index-reader.ts), and filters, counts and orders them itself with the index's
// page table (src/lib/search/ranking.ts): exact counts, one ranking for every page. Nothing is
// loaded until there is a query or a filter; a query loads the page table and its words' index
// chunks, filters alone the table only. Why not Pagefind's own script and Component UI: they
// load a worker, WebAssembly and the index's metadata before any word (five requests, and at
// 100,000 articles about 350 KB more for every reader on a phone); the UI would pass the
// reader's text to Pagefind, which would segment it with Intl.Segmenter on this zh-CN page; and
// its excerpts would show search tokens, not sentences.
import {
  bodyOf,
  countFacets,
  excerpt,
  filterOptions,
  readSearchState,
  searchQueryString,
  SEARCH_FILTERS,
  type FacetCounts,
  type SearchState,
} from '@/lib/search/query';
import {
  hitsAt,
  occurrences,
  PAGE_TABLE,
  phraseStarts,
  passes,
  queryPlan,
  readTable,
  score,
  type Hits,
  type PageInfo,
  type SiteTable,
  type QueryPart,
} from '@/lib/search/ranking';
import { chunksFor, withoutSignature, wordPages, type WordPages } from '@/lib/search/index-reader';
import { ARTICLE_META_LABELS, SEARCH_SCRIPT_LABELS, searchResultsStatus } from '@/lib/site/labels';

/** What a page's fragment holds (Pagefind writes one per page, gzip-compressed). */
interface Fragment {
  url: string;
  /** The page's text (the build writes it in place of the words Pagefind indexed: page-table.ts readFragment). */
  content: string;
  meta: Record<string, string | undefined>;
}

/** Results shown at first, and added by each press of 显示更多结果. */
const PAGE_SIZE = 10;

/** An element the page's markup (./index.astro) always has. */
function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`search page: no ${selector}`);
  return found;
}

const form = element<HTMLFormElement>('#search-form');
const input = element<HTMLInputElement>('#search-q');
const status = element<HTMLElement>('#search-status');
const list = element<HTMLOListElement>('#search-results');
const more = element<HTMLButtonElement>('#search-more');
const selects = new Map(SEARCH_FILTERS.map(({ key }) => [key, element<HTMLSelectElement>(`#search-form select[name="${key}"]`)]));

/** The search bundle's folder: Pagefind's one index of every published article. */
const bundle = form.dataset.bundle ?? '';

/** What the search page reads of the index: its page table. */
interface Index {
  /** Every page, newest first: a page's place is its number in the index. */
  pages: PageInfo[];
  /** The pages' average length in words, for ranking. */
  averageWords: number;
  chunks: SiteTable['chunks'];
  /** The one file of a search word's words where they span many chunks (SiteTable['groups']), by search word. */
  groups: Map<string, { file: string; kb: number }>;
}

let index: Promise<Index> | undefined;

/** The index's page table, fetched once. */
function loadIndex(): Promise<Index> {
  index ??= fetch(`${bundle}${PAGE_TABLE}`).then(async (response) => {
    if (!response.ok) throw new Error(`search page table: ${response.status}`);
    const table = (await response.json()) as SiteTable;
    const pages = readTable(table);
    let words = 0;
    for (const page of pages) words += page.words;
    const { term, file, kb } = table.groups;
    const groups = new Map(term.map((word, i) => [word, { file: file[i], kb: kb[i] }]));
    return { pages, averageWords: words / Math.max(1, pages.length), chunks: table.chunks, groups };
  });
  index.catch(() => (index = undefined));
  return index;
}

/** The index files to load for the words starting with `term`: its group's, or the chunks that may hold them. */
function filesFor(term: string, { chunks, groups }: Index): { file: string; kb: number }[] {
  const group = groups.get(term);
  return group ? [group] : chunksFor(chunks.from, term).map((i) => ({ file: chunks.file[i], kb: chunks.kb[i] ?? 0 }));
}

/** The KB of the files that hold the words starting with `term`, plus one for each request. */
function filesKb(term: string, index: Index): number {
  return filesFor(term, index).reduce((sum, { kb }) => sum + kb + 1, 0);
}

/**
 * A file the page table names is gone: a deploy has replaced the index since the table was read
 * (chunks are named by their content, fragments by their place in the archive).
 */
class StaleIndex extends Error {}

/** The un-gzipped bytes of a file of the bundle (Pagefind gzips its index chunks and fragments). */
async function gunzipped(path: string): Promise<Uint8Array> {
  const response = await fetch(`${bundle}${path}`);
  if (response.status === 404) throw new StaleIndex(`search ${path}: gone`);
  if (!response.ok || !response.body) throw new Error(`search ${path}: ${response.status}`);
  return new Uint8Array(await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
}

/**
 * The pages of the words that start with `term`, with their positions, from the index files that
 * hold them (filesFor). `loaded` keeps each file one query needs, so that two words of a file
 * fetch it once.
 */
async function lookUp(term: string, index: Index, loaded: Map<string, Promise<Uint8Array>>): Promise<WordPages> {
  const data = await Promise.all(
    filesFor(term, index).map(({ file }) => {
      const path = `index/${file}.pf_index`;
      let bytes = loaded.get(path);
      if (!bytes) loaded.set(path, (bytes = gunzipped(path).then((raw) => withoutSignature(raw, path))));
      return bytes;
    }),
  );
  const found: WordPages = new Map();
  for (const chunk of data) wordPages(chunk, term, found);
  return found;
}

/** A page's fragment: gzip, then Pagefind's signature, then JSON. */
async function fragment(page: PageInfo): Promise<Fragment> {
  const path = `fragment/${page.name}.pf_fragment`;
  return JSON.parse(new TextDecoder().decode(withoutSignature(await gunzipped(path), path))) as Fragment;
}

/** What the searches of one part of a query found: its hits in each page that contains it, by page number. */
type PartFound = Map<number, Hits>;

/**
 * A part's searches. A Chinese phrase: the pages of each word of its cover (ranking.ts,
 * phraseCover), whose positions say where the phrase starts in each page. Anything else: the
 * pages with a word starting with each of its terms, and where they stand in a row.
 */
async function findPart(part: QueryPart, index: Index, loaded: Map<string, Promise<Uint8Array>>): Promise<PartFound> {
  const words = await Promise.all((part.cover?.map(({ term }) => term) ?? part.terms).map((term) => lookUp(term, index, loaded)));
  const [first, ...others] = words;
  /** Per page with every word: the hits of the part. */
  const hits = new Map<number, Hits>();
  for (const [page, { at }] of first) {
    const found = [at];
    let titleEnd = first.get(page)?.titleEnd ?? -1;
    for (const other of others) {
      const there = other.get(page);
      if (!there) break;
      found.push(there.at);
      titleEnd = Math.max(titleEnd, there.titleEnd);
    }
    if (found.length < words.length) continue;
    if (part.cover) {
      const offsets = part.cover.map(({ offset }) => offset);
      const starts = phraseStarts(found, offsets);
      // In the title when the cover's last word is (the phrase spans its position, offsets.at(-1) after its start).
      if (starts.length > 0) hits.set(page, hitsAt(starts, (offsets.at(-1) ?? 0) + 1, titleEnd));
    } else hits.set(page, occurrences(found.flat(), part.terms.length, titleEnd));
  }
  return hits;
}

/** What the searches of a query found: the pages with every part (by number), and each part's own findings. */
interface Found {
  pages: Set<number>;
  parts: PartFound[];
}

async function find(plan: readonly QueryPart[], index: Index): Promise<Found> {
  const loaded = new Map<string, Promise<Uint8Array>>();
  const parts = await Promise.all(plan.map((part) => findPart(part, index, loaded)));
  const [first, ...rest] = parts;
  const pages = new Set([...first.keys()].filter((page) => rest.every((part) => part.has(page))));
  return { pages, parts };
}

/** `pages` in relevance order; newest first among equals. */
function byRelevance(pages: PageInfo[], found: Found, index: Index): PageInfo[] {
  const totals = { total: index.pages.length, averageWords: index.averageWords };
  const frequencies = found.parts.map((part) => part.size);
  const scores = new Map(
    pages.map((page) => [
      page.order,
      score(
        found.parts.map((part) => part.get(page.order) ?? { count: 0, inTitle: false }),
        frequencies,
        { ...totals, words: page.words },
      ),
    ]),
  );
  return pages.sort((a, b) => (scores.get(b.order) ?? 0) - (scores.get(a.order) ?? 0) || a.order - b.order);
}

function stateFromForm(): SearchState {
  return readSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
}

function showState(state: SearchState): void {
  input.value = state.q;
  for (const [key, select] of selects) {
    const value = state.filters[key] ?? '';
    // A value from a shared link may not be an option yet: it is until the counts arrive.
    if (value && ![...select.options].some((option) => option.value === value)) select.add(new Option(value, value));
    select.value = value;
  }
  element<HTMLInputElement>(`#search-form input[name="sort"][value="${state.order === 'date' ? 'date' : ''}"]`).checked = true;
}

/**
 * The options the page came with: every value with its number of articles (./index.astro). A
 * search with neither query nor filter shows them again without loading the index.
 */
const openingOptions = new Map([...selects].map(([key, select]) => [key, [...select.options].map((option) => option.cloneNode(true))]));

/** Each filter's options with the number of results each value would leave. */
function showCounts(counts: FacetCounts, state: SearchState): void {
  for (const [key, select] of selects) {
    const chosen = state.filters[key] ?? '';
    select.replaceChildren(new Option(SEARCH_SCRIPT_LABELS.any, ''));
    for (const [value, count] of filterOptions(key, counts[key], chosen)) {
      const option = new Option(SEARCH_SCRIPT_LABELS.option(value, count), value);
      option.disabled = count === 0 && value !== chosen;
      select.add(option);
    }
    select.value = chosen;
  }
}

function resultItem(data: Fragment, query: string): HTMLLIElement {
  const { meta } = data;
  const item = document.createElement('li');
  item.className = 'article-list__item';
  if (meta.image) {
    const image = document.createElement('img');
    image.className = 'article-list__cover';
    image.src = meta.image;
    image.alt = meta.image_alt ?? '';
    image.width = 192;
    image.height = 108;
    image.loading = 'lazy';
    item.append(image);
  }
  const text = document.createElement('div');
  text.className = 'article-list__text';
  const heading = document.createElement('h2');
  heading.className = 'article-list__title';
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = meta.title ?? data.url;
  heading.append(link);
  const line = document.createElement('p');
  line.className = 'article-list__meta';
  for (const key of ['date', 'source', 'zone', 'region'] as const) {
    const value = meta[key];
    if (!value) continue;
    const span = document.createElement('span');
    // The date goes unnamed, as in the site's own article lists.
    span.textContent = key === 'date' ? value : `${ARTICLE_META_LABELS[key]}：${value}`;
    line.append(span);
  }
  const summary = document.createElement('p');
  summary.className = 'article-list__summary';
  const body = bodyOf(data.content, meta.title ?? '', meta.region ?? '');
  for (const piece of excerpt(body, query)) {
    if (piece.mark) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      summary.append(mark);
    } else summary.append(piece.text);
  }
  text.append(heading, line, summary);
  item.append(text);
  return item;
}

let current = 0;
let shown: PageInfo[] = [];
let shownCount = 0;
let shownQuery = '';

async function showMore(run: number): Promise<void> {
  const next = shown.slice(shownCount, shownCount + PAGE_SIZE);
  const data = await Promise.all(next.map(fragment));
  if (run !== current) return;
  list.append(...data.map((entry) => resultItem(entry, shownQuery)));
  shownCount += next.length;
  more.hidden = shownCount >= shown.length;
}

async function search(state: SearchState): Promise<void> {
  const run = ++current;
  showState(state);
  const plan = queryPlan(state.q);
  const filtered = Object.keys(state.filters).length > 0;
  list.replaceChildren();
  more.hidden = true;
  if (plan.length === 0 && !filtered) {
    status.textContent = state.q ? SEARCH_SCRIPT_LABELS.unsearchable : SEARCH_SCRIPT_LABELS.prompt;
    // Nothing to search: the options the page came with, and no index loaded.
    for (const [key, select] of selects) select.replaceChildren(...(openingOptions.get(key) ?? []));
    showState(state);
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    try {
      await showResults(state, plan, run);
    } catch (error) {
      // A search page left open across a deploy: read the new table and search again, once.
      if (!(error instanceof StaleIndex)) throw error;
      index = undefined;
      list.replaceChildren();
      await showResults(state, plan, run);
    }
  } catch {
    if (run === current) status.textContent = SEARCH_SCRIPT_LABELS.unavailable;
  } finally {
    if (run === current) list.removeAttribute('aria-busy');
  }
}

/** The results of a query, filters or both: found, filtered, counted, ordered, and the first shown. */
async function showResults(state: SearchState, plan: readonly QueryPart[], run: number): Promise<void> {
  // Filters alone list pages from the table; a query reads its words' index files as well.
  const index = await loadIndex();
  // Each phrase searched by the words whose index files weigh least (phraseCover).
  const found =
    plan.length > 0
      ? await find(
          queryPlan(state.q, (term) => filesKb(term, index)),
          index,
        )
      : undefined;
  if (run !== current) return;
  const { pages } = index;
  const matching = found ? [...found.pages].flatMap((page) => pages[page] ?? []) : [...pages];
  const results = matching.filter((page) => passes(page, state.filters));
  shown = found && state.order === 'relevance' ? byRelevance(results, found, index) : results.sort((a, b) => a.order - b.order);
  shownCount = 0;
  shownQuery = state.q;
  showCounts(countFacets(results.map((page) => page.facets)), state);
  await showMore(run);
  if (run !== current) return;
  status.textContent = searchResultsStatus({
    query: plan.length > 0 ? state.q : '',
    filtered: Object.keys(state.filters).length > 0,
    byDate: state.order === 'date',
    count: shown.length,
  });
}

function go(state: SearchState): void {
  history.pushState(null, '', `${location.pathname}${searchQueryString(state)}`);
  void search(state);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(stateFromForm());
});
form.addEventListener('change', (event) => {
  if (event.target !== input) go(stateFromForm());
});
more.addEventListener('click', () => {
  const first = shownCount;
  void showMore(current).then(() => {
    // Keyboard and screen-reader users continue at the first new result.
    list.children[first]?.querySelector('a')?.focus();
    status.textContent = SEARCH_SCRIPT_LABELS.shown(shownCount, shown.length);
  });
});
window.addEventListener('popstate', () => void search(readSearchState(new URLSearchParams(location.search))));

void search(readSearchState(new URLSearchParams(location.search)));
