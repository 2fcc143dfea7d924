import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './browser-site';
import { hasCjkFont, horizontalOverflow, renderedLines } from './reading-measure';

/**
 * Reading comfort, measured in Debian's Chromium: the article's measure on a wide screen, nothing
 * wider than a phone, and the print style. The fixture article (test/fixtures/reading) has a
 * paragraph of Chinese only, for the measure, and a long URL, a long Latin run and a wide table;
 * 12 generated articles fill the listings.
 */

const ARTICLE = '/news/2024-04-08-yuedu/';
const PARAGRAPH = '.article__body p:first-of-type';
// Characters a line may not start with (line-break: strict keeps them at the end of a line).
const NO_LINE_START = /^[。，、：；！？”’）》」』】]/;

let site: BrowserSite;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  site = await openBrowserSite('reading', 'test/fixtures/reading/news', 12, 3);
  ({ origin, browser } = site);
});

afterAll(() => site?.close());

async function open(path: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(`${origin}${path}`);
  // Without a CJK font, Chinese is drawn as boxes of another width and no measure means anything.
  if (!(await hasCjkFont(page))) throw new Error('no CJK font for Chromium: apt-get install fonts-noto-cjk');
  return page;
}

describe('measure', () => {
  test('at 1280 px a line of an article paragraph holds 33 to 42 Chinese characters', async () => {
    const page = await open(ARTICLE, 1280);
    const lines = await renderedLines(page, PARAGRAPH);
    // Every line but the paragraph's last, which ends where the text does.
    const full = lines.slice(0, -1);
    expect(full.length).toBeGreaterThanOrEqual(4);
    for (const line of full) expect([...line].length, line).toBeGreaterThanOrEqual(33);
    for (const line of full) expect([...line].length, line).toBeLessThanOrEqual(42);
    for (const line of lines) expect(line).not.toMatch(NO_LINE_START);
    await page.close();
  });

  test('at 1280 px the title, meta line and body share the body text column', async () => {
    const page = await open(ARTICLE, 1280);
    const widths = await page.evaluate(() =>
      ['.article__title', '.article__meta', '.article__body', '.neighbours'].map((selector) =>
        Math.round(document.querySelector(selector)?.getBoundingClientRect().width ?? 0),
      ),
    );
    const [, , body] = widths;
    expect(widths).toEqual([body, body, body, body]);
    // The column is narrower than the page's 72rem wrap, which is what the measure is for.
    expect(body).toBeLessThan(800);
    await page.close();
  });

  test('at 360 px the paragraph keeps the phone column (about 19 characters a line)', async () => {
    const page = await open(ARTICLE, 360);
    const lines = (await renderedLines(page, PARAGRAPH)).slice(0, -1);
    for (const line of lines) expect([...line].length, line).toBeGreaterThanOrEqual(17);
    for (const line of lines) expect(line).not.toMatch(NO_LINE_START);
    await page.close();
  });
});

describe('no horizontal scrolling at 360 px', () => {
  test('a table too wide for a phone scrolls in its box, its numbers whole', async () => {
    const page = await open(ARTICLE, 360);
    const box = await page.evaluate(() => {
      const scroller = document.querySelector('.article__body .table-scroll');
      return scroller ? { scroll: scroller.scrollWidth, client: scroller.clientWidth } : undefined;
    });
    expect(box?.scroll).toBeGreaterThan(box?.client ?? Infinity);
    expect(await renderedLines(page, '.article__body td:nth-child(2)')).toEqual(['35.6']);
    await page.close();
  });

  test.each([ARTICLE, '/', '/news/', '/zones/', '/feeds/', '/search/'])('%s fits 360 px', async (path) => {
    const page = await open(path, 360);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });
});

describe('print', () => {
  test('shows the article and its source, date and zone; hides navigation, search, neighbours, related news and footer links', async () => {
    const page = await open(ARTICLE, 1280);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        [
          '.site-nav',
          '.site-search',
          '.breadcrumb',
          '.neighbours',
          '.site-footer a',
          '.article__title',
          '.article__meta',
          '.article__body',
        ].map((selector) => {
          // An element that is not there at all is neither shown nor hidden.
          const element = document.querySelector(selector);
          return [selector, element ? element.getClientRects().length > 0 : 'missing'];
        }),
      ),
    );
    expect(shown).toEqual({
      '.site-nav': false,
      '.site-search': false,
      '.breadcrumb': false,
      '.neighbours': false,
      '.site-footer a': false,
      '.article__title': true,
      '.article__meta': true,
      '.article__body': true,
    });
    const style = await page.evaluate(() => {
      const paragraph = document.querySelector('.article__body p');
      const link = document.querySelector('.article__body a[href^="http"]');
      if (!paragraph || !link) throw new Error('the fixture article has a paragraph and a link');
      const style = getComputedStyle(paragraph);
      return { size: style.fontSize, colour: style.color, link: getComputedStyle(link, '::after').content };
    });
    // 1.0625rem of an 11pt root: 11.7pt, 15.58 CSS px.
    expect(parseFloat(style.size)).toBeCloseTo((11 * 1.0625 * 96) / 72, 1);
    expect(style.colour).toBe('rgb(0, 0, 0)');
    expect(style.link).toContain('https://www.kfq.example.gov.cn/kfqxw/yancheng/');
    const lines = await renderedLines(page, PARAGRAPH);
    for (const line of lines.slice(0, -1)) expect([...line].length, line).toBeLessThanOrEqual(42);
    expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});
