// Recall report: builds the sample content (content/news), indexes the same article pages a
// second time with stock Pagefind (its zh segmenter, the reader's query as typed) and runs the
// regression queries of scripts/site/search-harness.ts against both in Chromium. Prints a
// Markdown table: how many articles contain each query, and what each search found.
//
//   npm run search:recall [-- --content DIR | --dist BUILT_SITE]
//
// With more than 1,000 articles it only counts each query's results instead of
// paging through every one of them.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { buildSite, ROOT } from './site/build.ts';
import {
  expectation,
  FIRST_PAGE,
  indexedArticles,
  launchChromium,
  QUERIES,
  searchAll,
  serve,
  waitForSearch,
} from './site/search-harness.ts';

const { values } = parseArgs({
  options: { content: { type: 'string', default: join(ROOT, 'content', 'news') }, dist: { type: 'string' } },
});
// --dist reuses a site already built by `npm run build` (large corpora take minutes to build).
const build = values.dist ? { status: 0, output: '', dist: resolve(values.dist) } : buildSite(resolve(values.content));
if (build.status !== 0) {
  console.error(build.output);
  process.exit(1);
}

// Stock Pagefind over the built article pages, navigation and related news left out.
const stockStarted = performance.now();
const { index } = await pagefind.createIndex({ excludeSelectors: ['header', 'nav', 'footer', '.related'] });
if (!index) throw new Error('Pagefind created no index');
const added = await index.addDirectory({ path: build.dist, glob: 'news/*/index.html' });
await index.writeFiles({ outputPath: join(build.dist, 'pagefind-stock') });
await pagefind.close();
const stockSeconds = ((performance.now() - stockStarted) / 1000).toFixed(1);

const articles = indexedArticles(build.dist);
const { origin, server } = await serve(build.dist);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${origin}/search/`);

const large = articles.length > 1000;
const stockSearch = (query: string) =>
  page.evaluate(
    async ([term, countOnly]) => {
      const bundle = '/pagefind-stock/pagefind.js';
      const pf = await import(bundle);
      const response = await pf.search(term);
      if (countOnly) return { count: response.results.length, urls: [] };
      const data = await Promise.all(response.results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
      return { count: data.length, urls: data.map((entry: { url: string }) => entry.url) };
    },
    [query, large] as const,
  );

/** Our search page: every result (or, on a large corpus, the count and the first page). */
async function oursSearch(query: string): Promise<{ count: number; urls: string[] }> {
  if (!large) {
    const { all } = await searchAll(page, query);
    return { count: all.length, urls: all };
  }
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  const status = await waitForSearch(page);
  return { count: Number(/找到 (\d+) 篇/.exec(status)?.[1] ?? 0), urls: [] };
}

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);
const rows: string[] = [];
let totals = { expected: 0, stock: 0, ours: 0, stockBest: 0, oursBest: 0, withBest: 0 };
for (const query of QUERIES) {
  const { expected, best } = expectation(articles, query);
  const stockResult = await stockSearch(query);
  const oursResult = await oursSearch(query);
  if (large) {
    rows.push(`| ${query} | ${expected.length} | ${stockResult.count} | ${oursResult.count} |`);
    continue;
  }
  const [stock, ours] = [stockResult.urls, oursResult.urls];
  const found = (urls: string[]) => expected.filter((url) => urls.includes(url)).length;
  const bestFirst = (urls: string[]) => best.length > 0 && urls.slice(0, FIRST_PAGE).some((url) => best.includes(url));
  totals = {
    expected: totals.expected + expected.length,
    stock: totals.stock + found(stock),
    ours: totals.ours + found(ours),
    stockBest: totals.stockBest + Number(bestFirst(stock)),
    oursBest: totals.oursBest + Number(bestFirst(ours)),
    withBest: totals.withBest + Number(best.length > 0),
  };
  const mark = (ok: boolean) => (best.length === 0 ? '–' : ok ? 'yes' : 'no');
  rows.push(
    `| ${query} | ${expected.length} | ${stock.length} | ${found(stock)} (${percent(found(stock), expected.length)}) | ${mark(bestFirst(stock))} ` +
      `| ${ours.length} | ${found(ours)} (${percent(found(ours), expected.length)}) | ${mark(bestFirst(ours))} |`,
  );
}
await browser.close();
server.close();
// A build made here goes; a site given with --dist stays.
if (!values.dist) rmSync(dirname(build.dist), { recursive: true, force: true });

console.log(
  `${articles.length} articles; stock index: ${added.page_count} pages, zh segmenter, built in ${stockSeconds}s; results on the first page: ${FIRST_PAGE}\n`,
);
if (large) {
  console.log('| query | contain it | stock: results | bigrams: results |\n|---|---|---|---|');
  for (const row of rows) console.log(row);
  process.exit(0);
}
console.log(
  '| query | contain it | stock: results | stock: found | stock: best on p. 1 | bigrams: results | bigrams: found | bigrams: best on p. 1 |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(
  `| all ${QUERIES.length} | ${totals.expected} | | ${totals.stock} (${percent(totals.stock, totals.expected)}) | ${totals.stockBest}/${totals.withBest} ` +
    `| | ${totals.ours} (${percent(totals.ours, totals.expected)}) | ${totals.oursBest}/${totals.withBest} |`,
);
