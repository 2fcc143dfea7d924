import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SiteTable } from '@/lib/search/ranking';
import { buildSite, page as readPage, ROOT, type BuildResult } from './helpers';
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

// The sample content (content/news) built once, served on localhost and searched in Chromium.
let build: BuildResult;
let articles: IndexedArticle[];
let origin: string;
let server: Server;
let browser: Browser;
let tab: Page;

beforeAll(async () => {
  build = buildSite(join(ROOT, 'content', 'news'));
  if (build.status !== 0) throw new Error(build.output);
  articles = indexedArticles(build.dist);
  ({ origin, server } = await serve(build.dist));
  browser = await launchChromium();
  tab = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (build) rmSync(dirname(build.dist), { recursive: true, force: true });
});

async function open(path: string): Promise<void> {
  await tab.goto(`${origin}${path}`);
}

describe('the index', () => {
  test('npm run build writes one Pagefind bundle, one page per article, and deletes the records', () => {
    const bundle = join(build.dist, 'pagefind');
    expect(
      readdirSync(bundle, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    ).toEqual(['fragment', 'index']);
    const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));
    expect(entry.version).toBe('1.6.0');
    expect(Object.keys(entry.languages)).toEqual(['und']);
    expect(entry.languages.und.page_count).toBe(articles.length);
    expect(readdirSync(join(bundle, 'fragment'))).toHaveLength(articles.length);
    // Pagefind's own UI is not published: the search page has its own.
    expect(existsSync(join(bundle, 'pagefind-ui.js'))).toBe(false);
    // The page table the search page filters, counts and ranks with: every page once.
    const table = JSON.parse(readFileSync(join(bundle, 'pages.json'), 'utf8')) as SiteTable;
    for (const column of Object.values(table.pages)) expect(column).toHaveLength(articles.length);
    expect(articles.length).toBeGreaterThan(90);
    expect(existsSync(join(build.dist, 'search', 'records'))).toBe(false);
    expect(build.output).toMatch(new RegExp(`indexed ${articles.length} articles in 1 shard .*Pagefind's own zh segmenter does not run`));
  });

  test('pages other than search load no search script, only the 大字模式 one (JSON-LD is data, not executed), and carry a plain search form', () => {
    for (const path of ['/', '/news/', articles[0].url, '/zones/']) {
      const $ = readPage(build.dist, path);
      expect(
        $('script:not([type="application/ld+json"])')
          .map((_, script) => $(script).attr('src'))
          .get(),
        path,
      ).toEqual(['/large-text.js']);
      const form = $('header form[role="search"]');
      expect(form.attr('action')).toBe('/search/');
      expect(form.attr('method')).toBe('get');
      expect(form.find('input[name="q"]').attr('id')).toBe(form.find('label').attr('for'));
    }
    const search = readPage(build.dist, '/search/');
    expect(search('script[type="module"]').length).toBe(1);
    expect(search('header form[role="search"]').length).toBe(0);
    expect(search('html').attr('lang')).toBe('zh-CN');
  });
});

describe('opening the search page', () => {
  test('loads no index: every filter value is in the markup with its number of articles', async () => {
    const requests: string[] = [];
    const listen = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    tab.on('request', listen);
    await open('/search/');
    await tab.waitForLoadState('networkidle');
    tab.off('request', listen);
    expect(requests.filter((path) => path.startsWith('/pagefind/'))).toEqual([]);
    expect(requests.length).toBeLessThanOrEqual(10);
    const options = await tab.locator('select[name="region"] option:not([value=""])').allTextContents();
    const counts = new Map<string, number>();
    for (const article of articles) counts.set(article.region, (counts.get(article.region) ?? 0) + 1);
    expect(options.sort()).toEqual([...counts].map(([region, count]) => `${region}（${count}）`).sort());
    const zones = await tab.locator('select[name="zone"] option:not([value=""])').count();
    expect(zones).toBe(new Set(articles.map((article) => article.zone)).size);
  });
});

describe('filters without a query', () => {
  test('list every article with the values, newest first, from the page table alone', async () => {
    const zone = '苏州工业园区';
    const requests: string[] = [];
    const listen = (request: { url(): string }) => requests.push(new URL(request.url()).pathname);
    tab.on('request', listen);
    await open(`/search/?zone=${encodeURIComponent(zone)}`);
    const status = await waitForSearch(tab);
    tab.off('request', listen);
    const expected = articles.filter((article) => article.zone === zone);
    expect(expected.length).toBeGreaterThan(0);
    expect(status).toContain(`${expected.length} 篇`);
    const dates = await tab.locator('#search-results .article-list__meta span:first-child').allTextContents();
    expect(dates).toEqual([...dates].sort().reverse());
    expect(requests.filter((path) => path.startsWith('/pagefind/') && !path.startsWith('/pagefind/fragment/'))).toEqual([
      '/pagefind/pages.json',
    ]);
  });
});

describe('Chinese queries in Chromium', () => {
  test.each(QUERIES)('%s: recall at least 0.95, best match on the first page', async (query) => {
    const { expected, best } = expectation(articles, query);
    if (tab.url() !== `${origin}/search/`) await open('/search/');
    const { first, all } = await searchAll(tab, query);
    const found = expected.filter((url) => all.includes(url));
    expect(found.length / Math.max(1, expected.length)).toBeGreaterThanOrEqual(expected.length ? 0.95 : 0);
    // Every result contains the query (exact phrase search over bigrams).
    expect(all.filter((url) => !expected.includes(url))).toEqual([]);
    if (best.length) expect(first.slice(0, FIRST_PAGE).some((url) => best.includes(url))).toBe(true);
  });

  test('a query with a space finds articles with both parts, anywhere', async () => {
    await open('/search/');
    const { all } = await searchAll(tab, '经济开发区 产业集群');
    const expected = articles.filter((article) => article.text.includes('经济开发区') && article.text.includes('产业集群'));
    expect(expected.length).toBeGreaterThan(0);
    expect(all.sort()).toEqual(expected.map((article) => article.url).sort());
  });
});

describe('the search page', () => {
  test('shows results as sentences with the query marked, and their metadata', async () => {
    await open('/search/?q=招商引资');
    await waitForSearch(tab);
    const first = tab.locator('#search-results > li').first();
    await expect.poll(() => first.locator('mark').first().textContent()).toBe('招商引资');
    const summary = (await first.locator('.article-list__summary').textContent()) ?? '';
    expect(summary).toMatch(/\p{Script=Han}{10}/u);
    expect(summary).not.toMatch(/q[0-9a-y]{6}/);
    const meta = (await first.locator('.article-list__meta').textContent()) ?? '';
    expect(meta).toMatch(/\d{4}-\d{2}-\d{2}.*来源：.*发布开发区：.*地区：/);
  });

  test('a filter narrows the results, shows counts and goes into the URL', async () => {
    await open('/search/?q=高新区');
    await waitForSearch(tab);
    const before = await tab.locator('#search-status').textContent();
    const zone = tab.locator('select[name="zone"]');
    const label = await zone.locator('option:not([value=""])').first().textContent();
    const [, name, count] = /^(.+)（(\d+)）$/.exec(label ?? '') ?? [];
    expect(Number(count)).toBeGreaterThan(0);
    await zone.selectOption(name);
    const status = await waitForSearch(tab);
    expect(status).not.toBe(before);
    expect(status).toContain(`找到 ${count} 篇`);
    expect(new URL(tab.url()).searchParams.get('zone')).toBe(name);
    const urls = await shownResults(tab);
    for (const url of urls) expect(articles.find((article) => article.url === url)?.zone).toBe(name);
  });

  test('newest first orders by date; the order is in the URL and survives a reload', async () => {
    await open('/search/?q=链长制');
    await waitForSearch(tab);
    await tab.getByLabel('最新发布').check();
    await waitForSearch(tab);
    expect(new URL(tab.url()).searchParams.get('sort')).toBe('date');
    const dates = await tab.locator('#search-results .article-list__meta span:first-child').allTextContents();
    expect(dates.length).toBe(FIRST_PAGE);
    expect(dates).toEqual([...dates].sort().reverse());
    const shown = await shownResults(tab);
    await tab.reload();
    await waitForSearch(tab);
    expect(await shownResults(tab)).toEqual(shown);
    expect(await tab.getByLabel('最新发布').isChecked()).toBe(true);
  });

  test('a shared URL reloads the same search: query, filters and results', async () => {
    const zone = '苏州工业园区';
    await open(`/search/?q=${encodeURIComponent('项目建设')}&zone=${encodeURIComponent(zone)}`);
    const status = await waitForSearch(tab);
    expect(await tab.locator('#search-q').inputValue()).toBe('项目建设');
    expect(await tab.locator('select[name="zone"]').inputValue()).toBe(zone);
    const expected = articles.filter((article) => article.text.includes('项目建设') && article.zone === zone);
    expect(expected.length).toBeGreaterThan(0);
    expect(status).toContain(`找到 ${expected.length} 篇`);
  });

  test('works with the keyboard alone, and announces results to screen readers', async () => {
    await open('/search/');
    const live = tab.locator('#search-status');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    expect(await live.getAttribute('role')).toBe('status');
    // Tab from the top of the page until the search box has focus.
    for (let step = 0; step < 30 && !(await tab.evaluate(() => document.activeElement?.id === 'search-q')); step++)
      await tab.keyboard.press('Tab');
    await tab.keyboard.type('产城融合');
    await tab.keyboard.press('Enter');
    expect(await waitForSearch(tab)).toMatch(/^找到 \d+ 篇包含“产城融合”的新闻/);
    // On to the region filter, and pick a region with the arrow keys.
    for (let step = 0; step < 5 && !(await tab.evaluate(() => document.activeElement?.getAttribute('name') === 'region')); step++)
      await tab.keyboard.press('Tab');
    await tab.keyboard.press('ArrowDown');
    await expect.poll(() => new URL(tab.url()).searchParams.get('region')).not.toBeNull();
    await waitForSearch(tab);
    // 显示更多结果 moves focus to the first new result.
    await open('/search/?q=同比增长');
    await waitForSearch(tab);
    await tab.locator('#search-more').focus();
    await tab.keyboard.press('Enter');
    await expect
      .poll(() => tab.evaluate(() => document.activeElement?.closest('li') === document.querySelectorAll('#search-results > li')[10]))
      .toBe(true);
  });

  test('a page left open across a deploy: an index file gone, it reads the new page table and searches again', async () => {
    await open(`/search/?q=${encodeURIComponent('招商')}`);
    await waitForSearch(tab);
    // The deploy: the chunk the next query needs is no longer there (the first request for it).
    let gone = 0;
    await tab.route('**/pagefind/index/**', (route) => (gone++ === 0 ? route.fulfill({ status: 404, body: '' }) : route.continue()));
    const tables: string[] = [];
    const listen = (request: { url(): string }) => {
      if (request.url().endsWith('/pagefind/pages.json')) tables.push(request.url());
    };
    tab.on('request', listen);
    await tab.locator('#search-q').fill('园区');
    await tab.locator('#search-q').press('Enter');
    await tab.waitForFunction(() => document.querySelector('#search-status')?.textContent?.includes('园区'));
    const status = await waitForSearch(tab);
    tab.off('request', listen);
    await tab.unroute('**/pagefind/index/**');
    expect(gone).toBeGreaterThan(1);
    expect(tables).toHaveLength(1);
    expect(status).toContain(`找到 ${expectation(articles, '园区').expected.length} 篇`);
  });

  test('no results: a helpful message', async () => {
    await open('/search/?q=高质量发展项目');
    expect(await waitForSearch(tab)).toContain('没有找到包含“高质量发展项目”的新闻');
    expect(await tab.locator('#search-results > li').count()).toBe(0);
  });

  test('the header box of any page leads to the search', async () => {
    await open(articles[0].url);
    await tab.getByLabel('搜索新闻').fill('营商环境');
    await tab.getByLabel('搜索新闻').press('Enter');
    await tab.waitForURL(/\/search\/\?q=/);
    expect(await waitForSearch(tab)).toContain('营商环境');
  });
});
