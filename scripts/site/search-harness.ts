import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { load } from 'cheerio';
import { chromium, type Browser, type Page } from 'playwright-core';
import { outputFiles } from '../../src/lib/build/output-files.ts';
import { host } from './host.ts';

/**
 * What the search tests (test/build/search.test.ts) and the recall report
 * (scripts/search-recall.ts) share: a static server for a built site, Debian's Chromium, the
 * regression queries, what each should find, and how the search page is driven.
 */

/** Queries over the sample content (content/news, from scripts/corpus/): 2 to 8 characters. */
export const QUERIES = [
  // words and phrases from the corpus' tags and prose
  '招商',
  '招商引资',
  '项目建设',
  '科技创新',
  '营商环境',
  '产业集群',
  '高质量发展',
  '数字经济',
  '人才引进',
  '绿色发展',
  '先进制造业',
  '政策解读',
  '新能源汽车',
  '集成电路',
  '生物医药',
  '人工智能',
  '动力电池',
  '集中开工',
  '重大项目',
  '链长制',
  '产城融合',
  '企业服务专员',
  '拿地即开工',
  '营商环境监督员',
  '固定资产投资',
  '同比增长',
  '高新技术产业',
  // phrases across word boundaries, without spaces
  '开发区产业',
  '经济开发区',
  '高质量发展项目',
  // zone and region names and their short forms
  '高新区',
  '经开区',
  '保税区',
  '苏州工业园区',
  '合肥高新区',
  '盐城经开区',
  '昆山开发区',
  '江宁开发区',
  '张家港保税区',
  '经济技术开发区',
  '南京',
  '盐城',
];

/** Results on the first page of the search page (src/pages/search/_client.ts PAGE_SIZE). */
export const FIRST_PAGE = 10;

export interface IndexedArticle {
  url: string;
  title: string;
  zone: string;
  region: string;
  text: string;
}

/** Every article of a built site with the text search indexes: title, meta line and body. */
export function indexedArticles(dist: string): IndexedArticle[] {
  return outputFiles(join(dist, 'news'))
    .filter((file) => file.endsWith('index.html') && !file.startsWith('page/') && file !== 'index.html')
    .map((file) => {
      const $ = load(readFileSync(join(dist, 'news', file), 'utf8'));
      const title = $('.article__title').text().trim();
      const meta = $('.article__meta dd')
        .map((_, field) => $(field).text().trim())
        .get();
      const [, , zone, region] = meta;
      const text = [title, ...meta, $('.article__body').text()].join('\n');
      return { url: `/news/${file.replace(/index\.html$/, '')}`, title, zone, region, text };
    });
}

export interface Expectation {
  /** Articles whose text contains the query (a plain substring scan). */
  expected: string[];
  /** The best matches: any of them on the first page will do. */
  best: string[];
}

function occurrences(text: string, query: string): number {
  return text.split(query).length - 1;
}

/**
 * Best match: the articles whose title contains the query; when no title does, the articles
 * that contain it most often.
 */
export function expectation(articles: IndexedArticle[], query: string): Expectation {
  const matching = articles.filter((article) => article.text.includes(query));
  const inTitle = matching.filter((article) => article.title.includes(query));
  const most = Math.max(0, ...matching.map((article) => occurrences(article.text, query)));
  const best = inTitle.length ? inTitle : matching.filter((article) => occurrences(article.text, query) === most);
  return { expected: matching.map((article) => article.url), best: best.map((article) => article.url) };
}

/**
 * Serves a built site on localhost as the CDN would (scripts/site/host.ts), its `_headers` (the
 * CSP included) applied, so the search runs under the policy readers get.
 */
export function serve(dist: string): Promise<{ origin: string; server: Server }> {
  return host(dist, '/');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The search page's status line once a search has finished. */
export async function waitForSearch(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return !document.querySelector('#search-results')?.hasAttribute('aria-busy') && /找到|没有|共 \d+ 篇/.test(status);
  });
  return (await page.locator('#search-status').textContent()) ?? '';
}

/** Result links in the order shown. */
export async function shownResults(page: Page): Promise<string[]> {
  return page
    .locator('#search-results .article-list__title a')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Types `query` into the search page's box, submits, then shows every result. */
export async function searchAll(page: Page, query: string): Promise<{ first: string[]; all: string[]; status: string }> {
  await page.locator('#search-q').fill(query);
  await page.locator('#search-q').press('Enter');
  const status = await waitForSearch(page);
  const first = await shownResults(page);
  while (await page.locator('#search-more').isVisible()) {
    const before = (await shownResults(page)).length;
    await page.locator('#search-more').click();
    await page.waitForFunction((count) => document.querySelectorAll('#search-results > li').length > count, before);
  }
  return { first, all: await shownResults(page), status };
}
