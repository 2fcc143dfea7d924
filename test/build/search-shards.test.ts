import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chunksFor } from '@/lib/search/index-reader';
import { PAGE_TABLE } from '@/lib/search/ranking';
import { queryParts } from '@/lib/search/tokens';
import { buildSite, listFiles, ROOT, tempDir, type BuildResult } from './helpers';
import {
  expectation,
  FIRST_PAGE,
  indexedArticles,
  launchChromium,
  QUERIES,
  searchAll,
  serve,
  shownResults,
  waitForSearch,
  type IndexedArticle,
} from '../../scripts/site/search-harness.ts';

// The sample content built with parts of at most 20 articles, so that the index is built in
// several shards and merged into one, as it is on a large site; then one article edited and the
// site built again with the cache of the first build.
const env = { DEVZONE_SEARCH_SHARD_CAP: '20' };
let work: string;
let build: BuildResult;
let shards: number;
let articles: IndexedArticle[];
let origin: string;
let server: Server;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  work = tempDir('shards');
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  build = buildSite(join(work, 'content', 'news'), { work: join(work, 'site'), env });
  if (build.status !== 0) throw new Error(build.output);
  shards = Number(/indexed \d+ articles in (\d+) shards/.exec(build.output)?.[1]);
  articles = indexedArticles(build.dist);
  ({ origin, server } = await serve(build.dist));
  browser = await launchChromium();
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a search index in several shards', () => {
  test('shards of at most 20 articles, merged into one Pagefind index of every article', () => {
    expect(shards).toBeGreaterThanOrEqual(5);
    expect(build.output).toMatch(
      new RegExp(`indexed ${articles.length} articles in ${shards} shards .*\\(${shards} re-indexed, 0 from the cache`),
    );
    const bundle = join(build.dist, 'pagefind');
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: { und: { page_count: number } } };
    expect(entry.languages.und.page_count).toBe(articles.length);
    expect(readdirSync(join(bundle, 'fragment'))).toHaveLength(articles.length);
    expect(
      readdirSync(bundle, { withFileTypes: true })
        .filter((each) => each.isDirectory())
        .map((each) => each.name)
        .sort(),
    ).toEqual(['fragment', 'index']);
  });

  test.each(['招商引资', '高新区', '经济技术开发区', '南京'])('%s: every article that contains it, and no other', async (query) => {
    await tab.goto(`${origin}/search/`);
    const { all } = await searchAll(tab, query);
    expect(all.sort()).toEqual(expectation(articles, query).expected.sort());
  });

  // Words in one chunk: Pagefind's script reads one chunk for a word, the page every chunk and
  // group of the words that start with it (招商, common, starts words across several).
  test.each(['园区', '新区', '南京', '盐城'])(
    "%s: the search page's reading of the merged index finds what Pagefind's own search of it finds",
    async (query) => {
      const [[term]] = queryParts(query);
      const table = JSON.parse(readFileSync(join(build.dist, 'pagefind', PAGE_TABLE), 'utf8')) as { chunks: { from: string[] } };
      expect(chunksFor(table.chunks.from, term)).toHaveLength(1);
      // Pagefind's script compiles WebAssembly, which the site's policy does not allow (the
      // search page does not load it), so this page is served without the policy.
      const context = await browser.newContext();
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        const headers = response.headers();
        delete headers['content-security-policy'];
        await route.fulfill({ response, headers });
      });
      const page = await context.newPage();
      await page.goto(`${origin}/search/`);
      // A string, so that Vite leaves its import() alone: it runs in the page.
      const theirs = (await page.evaluate(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js');
        await pagefind.options({ baseUrl: '/' });
        const { results } = await pagefind.search(${JSON.stringify(term)});
        return Promise.all(results.map(async (result) => (await result.data()).url));
      })()`)) as string[];
      await context.close();
      await tab.goto(`${origin}/search/`);
      const { all } = await searchAll(tab, query);
      expect(theirs.length).toBeGreaterThan(0);
      expect(all.sort()).toEqual(theirs.sort());
    },
  );

  test('a query with a space: only articles with each part', async () => {
    await tab.goto(`${origin}/search/`);
    const { all } = await searchAll(tab, '经济开发区 产业集群');
    const expected = articles.filter((article) => article.text.includes('经济开发区') && article.text.includes('产业集群'));
    expect(all.sort()).toEqual(expected.map((article) => article.url).sort());
  });

  test('the best match is on the first page, ranked across every shard', async () => {
    // Queries with more results than a page, so that the order decides what the first page holds.
    const queries = QUERIES.filter((query) => expectation(articles, query).expected.length > FIRST_PAGE);
    expect(queries.length).toBeGreaterThan(10);
    const missed: string[] = [];
    for (const query of queries) {
      const { best } = expectation(articles, query);
      await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await waitForSearch(tab);
      const first = await shownResults(tab);
      if (!first.some((url) => best.includes(url))) missed.push(query);
    }
    expect(missed).toEqual([]);
  });

  test.each(['招商', '经济开发区 产业集群', '高新区 招商引资'])(
    '%s: the counts beside the filters are those of the results',
    async (query) => {
      await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      await waitForSearch(tab);
      const parts = query.split(' ');
      const found = articles.filter((article) => parts.every((part) => article.text.includes(part)));
      expect(found.length).toBeGreaterThan(0);
      for (const key of ['region', 'zone'] as const) {
        const expected = new Map<string, number>();
        for (const article of found) expected.set(article[key], (expected.get(article[key]) ?? 0) + 1);
        const shown = new Map<string, number>();
        for (const label of await tab.locator(`select[name="${key}"] option:not([value=""])`).allTextContents()) {
          const [, value, count] = /^(.+)（(\d+)）$/.exec(label) ?? [];
          if (Number(count) > 0) shown.set(value, Number(count));
        }
        expect(Object.fromEntries(shown), key).toEqual(Object.fromEntries(expected));
      }
    },
  );

  test('newest first holds across shards', async () => {
    await tab.goto(`${origin}/search/?q=${encodeURIComponent('招商')}&sort=date`);
    await waitForSearch(tab);
    while (await tab.locator('#search-more').isVisible()) {
      const before = (await shownResults(tab)).length;
      await tab.locator('#search-more').click();
      await tab.waitForFunction((count) => document.querySelectorAll('#search-results > li').length > count, before);
    }
    const dates = await tab.locator('#search-results .article-list__meta span:first-child').allTextContents();
    expect(dates.length).toBe(expectation(articles, '招商').expected.length);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  test("a query loads the page table and only its own words' chunks: none of Pagefind's script, worker, WebAssembly or metadata", async () => {
    const fresh = await browser.newPage();
    const files: string[] = [];
    fresh.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/pagefind/')) files.push(path.slice('/pagefind/'.length));
    });
    await fresh.goto(`${origin}/search/?q=${encodeURIComponent('开发区')}&year=2023`);
    const status = await waitForSearch(fresh);
    const expected = articles.filter((article) => article.text.includes('开发区') && /^\/news\/2023-/.test(article.url));
    expect(status).toContain(`找到 ${expected.length} 篇`);
    expect(files.filter((file) => !file.startsWith('index/') && !file.startsWith('fragment/'))).toEqual(['pages.json']);
    // 开发区: the bigrams 开发 and 发区, in at most two chunks.
    const chunks = files.filter((file) => file.startsWith('index/'));
    expect(chunks.length).toBeGreaterThanOrEqual(1);
    expect(chunks.length).toBeLessThanOrEqual(2);
    await fresh.close();
  });
});

describe('a rebuild after one edited article', () => {
  test('re-indexes only its shard, and writes the same index as a cold build of the edited content, with one Pagefind process', () => {
    const article = join(work, 'content', 'news', '2023', readdirSync(join(work, 'content', 'news', '2023')).sort()[0]);
    appendFileSync(article, '\n新增一段：园区启动增量构建专项行动。\n');
    const warm = buildSite(join(work, 'content', 'news'), { work: join(work, 'site'), env });
    expect(warm.status, warm.output).toBe(0);
    expect(warm.output).toMatch(new RegExp(`in ${shards} shards .*\\(1 re-indexed, ${shards - 1} from the cache`));
    // The merge compresses and writes only the chunks that changed.
    const [, chunks, groups, written] = /(\d+) chunks and (\d+) groups, (\d+) written/.exec(warm.output) ?? [];
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(written)).toBeLessThan((Number(chunks) + Number(groups)) / 2);
    // The cold build with one Pagefind process at a time (SITE.searchProcesses): the same index.
    const cold = buildSite(join(work, 'content', 'news'), { work: join(work, 'cold'), env: { ...env, DEVZONE_SEARCH_PROCESSES: '1' } });
    expect(cold.status, cold.output).toBe(0);
    expect(warm.output).toContain(`up to ${Math.min(2, availableParallelism())} Pagefind process`);
    expect(cold.output).toContain('up to 1 Pagefind process at once');
    const files = listFiles(join(cold.dist, 'pagefind'));
    expect(listFiles(join(warm.dist, 'pagefind'))).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(warm.dist, 'pagefind', file)).equals(readFileSync(join(cold.dist, 'pagefind', file))), file).toBe(true);
    }
  });
});
