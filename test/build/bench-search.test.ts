import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, ROOT, type BuildResult } from './helpers';
import { measureOpening, measureQuery } from '../../scripts/bench/search-page.ts';
import { statusTexts } from '../../scripts/bench/search-status.ts';
import { host } from '../../scripts/site/host.ts';
import { expectation, indexedArticles, launchChromium, type IndexedArticle } from '../../scripts/site/search-harness.ts';

// `npm run bench:search`'s page driver on the sample content: it must read the search page's
// hooks (URL, #search-status, #search-results) right, or its figures mean nothing. No figure is
// timed here; only what the page reported and what was counted.
let build: BuildResult;
let articles: IndexedArticle[];
let origin: string;
let server: Server;
let browser: Browser;

beforeAll(async () => {
  build = buildSite(join(ROOT, 'content', 'news'));
  if (build.status !== 0) throw new Error(build.output);
  articles = indexedArticles(build.dist);
  ({ origin, server } = await host(build.dist, '/', { gzip: true }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (build) rmSync(dirname(build.dist), { recursive: true, force: true });
});

const measure = (query: string) =>
  measureQuery(browser, `${origin}/search/?q=${encodeURIComponent(query)}`, '/pagefind/', statusTexts(query));

describe('bench:search in Chromium', () => {
  test('opening /search/ settles on the prompt, its requests split into the index and the rest', async () => {
    const opening = await measureOpening(browser, `${origin}/search/`, '/pagefind/', statusTexts(''));
    expect(opening.cost.other.requests).toBeGreaterThan(0);
    expect(opening.cost.requests).toBe(opening.cost.index.requests + opening.cost.other.requests);
    expect(opening.cost.bytes).toBe(opening.cost.index.bytes + opening.cost.other.bytes);
    expect(opening.settledMs).toBeGreaterThan(0);
  });

  test('a query: the count the page reports is the substring scan’s, and the index’s fetches (from its worker) are counted', async () => {
    const query = '招商引资';
    const result = await measure(query);
    const contain = expectation(articles, query).expected.length;
    expect(contain).toBeGreaterThan(10);
    expect(result.results).toBe(contain);
    expect(result.status).toBe(`${statusTexts(query).foundBefore}${contain}${statusTexts(query).foundAfter}`);
    expect(result.firstResultMs).toBeDefined();
    expect(result.finalMs).toBeGreaterThanOrEqual(result.firstResultMs as number);
    // More than the page itself fetches (pagefind.js, pagefind-worker.js): the worker fetches the rest.
    expect(result.cost.index.requests).toBeGreaterThan(2);
    expect(result.cost.index.bytes).toBeGreaterThan(0);
  });

  test('a query that no article contains: the page says so, and the count is 0', async () => {
    const query = '量子计算';
    expect(expectation(articles, query).expected).toEqual([]);
    const result = await measure(query);
    expect(result.status).toBe(statusTexts(query).none);
    expect(result.results).toBe(0);
    expect(result.firstResultMs).toBeDefined();
  });
});
