// The search page's script: reads the state from the URL, asks Pagefind's JS API with the query
// turned into search tokens (src/lib/search/tokens.ts, the code the index was built with), and
// shows the results as the site's article lists. The index comes in shards (src/lib/search/shards.ts),
// one Pagefind bundle each under the bundle folder; the first one opened provides Pagefind itself
// and the others are merged into it (mergeIndex) as searches need them: a year filter opens only
// that year's shards. Why not Pagefind's Component UI: it passes the
// reader's text straight to Pagefind, which would segment it with Intl.Segmenter on this zh-CN
// page; and its excerpts would show search tokens, not sentences.
import {
  bodyOf,
  dateOrderShards,
  excerpt,
  FACET_FILTER,
  facetFilter,
  filterOptions,
  keepRequired,
  orderByRanking,
  pagefindCalls,
  readSearchState,
  searchQueryString,
  SEARCH_FILTERS,
  SHARD_FILTER,
  shardsFor,
  splitFacetCounts,
  type FacetCounts,
  type PagefindCall,
  type SearchState,
} from '@/lib/search/query';
import { decodeTokens } from '@/lib/search/tokens';
import { ARTICLE_META_LABELS, SEARCH_SCRIPT_LABELS, searchResultsStatus } from '@/lib/site/labels';

type Counts = Record<string, Record<string, number>>;
interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Counts;
}
interface Pagefind {
  options(options: object): Promise<void>;
  mergeIndex(path: string, options: object): Promise<void>;
  search(term: string | null, options: object): Promise<PagefindResponse>;
  filters(): Promise<Counts>;
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

/** The shards' keys, newest first (written by ./index.astro). */
const shards = (form.dataset.shards ?? '').split(' ').filter(Boolean);
const shardPath = (key: string) => `${form.dataset.bundle}${key}/`;

/**
 * Pagefind's options for a shard: SHARD_FILTER valued with its key, and result URLs as the index
 * has them (they are full paths, base included; Pagefind would otherwise put the folder above the
 * bundle in front of them, the base a second time on a site under a sub-path).
 */
const shardOptions = (key: string) => ({ mergeFilter: { [SHARD_FILTER]: key }, baseUrl: '/' });

let pagefind: Promise<Pagefind> | undefined;
/** Shards opened so far: the first, which Pagefind came from, then those merged into it. */
const opened = new Set<string>();
/** The last merge: the next one waits for it, so that no shard is merged twice. */
let merging: Promise<unknown> = Promise.resolve();

/**
 * Pagefind with the shards `state` needs merged and their filter indexes loaded (searches only
 * count filter values once they are).
 */
function loadPagefind(state: SearchState): Promise<Pagefind> {
  const needed = shardsFor(shards, state);
  if (needed.length === 0) return Promise.reject(new Error('no search index'));
  const ready = merging.then(async () => {
    if (!pagefind) {
      const first = needed[0];
      opened.add(first);
      pagefind = import(/* @vite-ignore */ `${shardPath(first)}pagefind.js`).then(async (pf: Pagefind) => {
        await pf.options(shardOptions(first));
        return pf;
      });
    }
    const pf = await pagefind;
    const fresh = needed.filter((key) => !opened.has(key));
    for (const key of fresh) opened.add(key);
    await Promise.all(fresh.map((key) => pf.mergeIndex(shardPath(key), shardOptions(key))));
    await pf.filters();
    return pf;
  });
  merging = ready.catch(() => undefined);
  return ready;
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

async function call(pf: Pagefind, request: PagefindCall, state: SearchState): Promise<PagefindResponse> {
  const ask = (shard?: string) =>
    pf.search(request.term, {
      filters: { ...facetFilter(state.filters), ...(shard ? { [SHARD_FILTER]: shard } : {}) },
      sort: request.byDate ? { date: 'desc' } : {},
    });
  const response = await ask();
  if (!request.byDate) return response;
  const order = dateOrderShards([...opened], response.filters[SHARD_FILTER]);
  const parts = await Promise.all(order.map((key) => ask(key)));
  return { results: parts.flatMap((part) => part.results), filters: response.filters };
}

function resultItem(data: PagefindData, query: string): HTMLLIElement {
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
  const body = bodyOf(decodeTokens(data.content), meta.title ?? '', meta.region ?? '');
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
let shown: PagefindResult[] = [];
let shownCount = 0;
let shownQuery = '';

async function showMore(run: number): Promise<void> {
  const next = shown.slice(shownCount, shownCount + PAGE_SIZE);
  const data = await Promise.all(next.map((result) => result.data()));
  if (run !== current) return;
  list.append(...data.map((entry) => resultItem(entry, shownQuery)));
  shownCount += next.length;
  more.hidden = shownCount >= shown.length;
}

async function search(state: SearchState): Promise<void> {
  const run = ++current;
  showState(state);
  const calls = pagefindCalls(state);
  list.replaceChildren();
  more.hidden = true;
  if (!calls) {
    status.textContent = state.q ? SEARCH_SCRIPT_LABELS.unsearchable : SEARCH_SCRIPT_LABELS.prompt;
    // Nothing to search: the options the page came with, and no index loaded.
    for (const [key, select] of selects) select.replaceChildren(...(openingOptions.get(key) ?? []));
    showState(state);
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const pf = await loadPagefind(state);
    const [response, ranking, required] = await Promise.all([
      call(pf, calls.results, state),
      calls.ranking ? call(pf, calls.ranking, state) : undefined,
      Promise.all((calls.require ?? []).map((request) => call(pf, request, state))),
    ]);
    if (run !== current) return;
    const byId = new Map(response.results.map((result) => [result.id, result]));
    const ordered = ranking
      ? orderByRanking(
          response.results.map((result) => result.id),
          ranking.results.map((result) => result.id),
        )
      : [...byId.keys()];
    const ids = keepRequired(
      ordered,
      required.map((part) => part.results.map((result) => result.id)),
    );
    shown = ids.flatMap((id) => byId.get(id) ?? []);
    shownCount = 0;
    shownQuery = state.q;
    showCounts(splitFacetCounts(response.filters[FACET_FILTER]), state);
    await showMore(run);
    if (run !== current) return;
    status.textContent = searchResultsStatus({
      query: state.q,
      filtered: Object.values(state.filters).length > 0,
      byDate: state.order === 'date',
      count: shown.length,
    });
  } catch {
    if (run === current) status.textContent = SEARCH_SCRIPT_LABELS.unavailable;
  } finally {
    if (run === current) list.removeAttribute('aria-busy');
  }
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
