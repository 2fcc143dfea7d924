import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AA_TEXT, contrastRatio } from '@/lib/site/contrast';
import { openBrowserSite, type BrowserSite } from './browser-site';

/**
 * Dark mode and 大字模式 in Debian's Chromium: computed colours of the dark scheme meet AA, and
 * the larger-text checkbox works with JavaScript off, scaling the text and giving every link and
 * button of the header, breadcrumb, pager and footer a target of at least 44x44 px; with
 * JavaScript, public/large-text.js carries the choice to the next page under the site's CSP.
 */

const ARTICLE = '/news/2024-04-08-yuedu/';
const PAGES = [ARTICLE, '/', '/news/', '/zones/', '/search/'];
// Everything a reader clicks in the page's frame (the article body's inline links are exempt, as
// WCAG 2.5.8 allows). The checkbox's target is its label, which holds it; the search field's
// label is for screen readers only.
const TARGETS =
  ':is(.site-header, .breadcrumb, .pager, .site-footer) :is(a, button, label:not(.visually-hidden), input:not([type=checkbox]))';

let site: BrowserSite;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  site = await openBrowserSite('modes', 'test/fixtures/reading/news', 30, 5);
  ({ origin, browser } = site);
});

afterAll(() => site?.close());

/** `rgb(r, g, b)` as `#rrggbb`; an `rgba` with any transparency is refused (no one colour to compare). */
function hex(rgb: string): string {
  const match = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(rgb);
  if (!match || (match[4] !== undefined && Number(match[4]) < 1)) throw new Error(`not an opaque colour: ${rgb}`);
  return `#${match
    .slice(1, 4)
    .map((channel) => Number(channel).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** Text colour and the colour behind it (the nearest ancestor with an opaque background) of the first `selector`. */
async function colours(page: Page, selector: string): Promise<{ fg: string; bg: string }> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    if (!element) throw new Error(`no ${selector}`);
    let behind: Element | null = element;
    while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement;
    return { fg: getComputedStyle(element).color, bg: behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)' };
  }, selector);
}

async function ratio(page: Page, selector: string): Promise<number> {
  const { fg, bg } = await colours(page, selector);
  return contrastRatio(hex(fg), hex(bg));
}

/** Boxes of the visible elements matching `selector` that are smaller than 44x44 px. */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (box.top < 0) continue; // the skip link, off screen until focused
      if (box.width < 44 || box.height < 44)
        small.push(`${element.textContent?.trim()}: ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  }, selector);
}

describe('dark mode', () => {
  test.each(PAGES)('%s: body text, muted text, links, navigation and footer meet 4.5:1 on a dark background', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await page.goto(`${origin}${path}`);
    const body = await colours(page, 'body');
    // Dark indeed: a background near black, under light text.
    expect(contrastRatio(hex(body.bg), '#000000')).toBeLessThan(1.5);
    expect(contrastRatio(hex(body.fg), hex(body.bg))).toBeGreaterThanOrEqual(AA_TEXT);
    for (const selector of ['.site-name', '.site-slogan', '.site-nav a', '.site-footer', '.site-footer a', '.text-size'])
      expect(await ratio(page, selector), selector).toBeGreaterThanOrEqual(AA_TEXT);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light dark');
    await page.close();
  });

  test('the article: meta line and body; its images are not inverted or filtered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await page.goto(`${origin}${ARTICLE}`);
    for (const selector of ['.article__meta', '.article__body p', '.breadcrumb a', '.neighbours a'])
      expect(await ratio(page, selector), selector).toBeGreaterThanOrEqual(AA_TEXT);
    const filters = await page.evaluate(() => [...document.querySelectorAll('img')].map((img) => getComputedStyle(img).filter));
    for (const filter of filters) expect(filter).toBe('none');
    await page.close();
  });

  test('printed, a dark-mode reader still gets black text without a background', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await page.goto(`${origin}${ARTICLE}`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const printed = await page.evaluate(() => ({
      text: getComputedStyle(document.querySelector('.article__body p') as Element).color,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(printed).toEqual({ text: 'rgb(0, 0, 0)', background: 'rgba(0, 0, 0, 0)' });
    await page.close();
  });
});

describe('大字模式 without JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  });
  afterAll(() => context?.close());

  const rootSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

  test('the control is a labelled checkbox, 44x44 px, and a click on its label scales the root font by 1.25', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/news/`);
    const box = page.getByRole('checkbox', { name: '大字模式' });
    await expect(box.isChecked()).resolves.toBe(false);
    expect(await smallTargets(page, '.text-size')).toEqual([]);
    expect(await rootSize(page)).toBe(16);
    await page.getByText('大字模式').click();
    await expect(box.isChecked()).resolves.toBe(true);
    expect(await rootSize(page)).toBe(20);
    expect(await smallTargets(page, '.text-size')).toEqual([]);
    // Higher contrast: body text pure black.
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await page.close();
  });

  test('keyboard: Tab reaches the checkbox, Space toggles it', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    for (let step = 0; step < 10 && !(await page.evaluate(() => document.activeElement?.id === 'large-text')); step++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('large-text');
    // The focus ring is drawn on the label.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.text-size') as Element).outlineStyle)).toBe('solid');
    await page.keyboard.press('Space');
    expect(await rootSize(page)).toBe(20);
    await page.keyboard.press('Space');
    expect(await rootSize(page)).toBe(16);
    await page.close();
  });

  test.each([
    [ARTICLE, 1280],
    ['/news/', 1280],
    ['/news/', 360],
    ['/news/2/', 360],
    ['/zones/', 360],
  ])('%s at %s px: every link and button of the header, breadcrumb, pager and footer is at least 44x44', async (path, width) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${origin}${path}`);
    await page.getByText('大字模式').click();
    expect(await page.locator(TARGETS).count()).toBeGreaterThan(10);
    expect(await smallTargets(page, TARGETS)).toEqual([]);
    await page.close();
  });

  test('in dark mode too, text turns pure white on black', async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${origin}${ARTICLE}`);
    await page.getByText('大字模式').click();
    expect(await colours(page, 'body')).toEqual({ fg: 'rgb(255, 255, 255)', bg: 'rgb(0, 0, 0)' });
    expect(await ratio(page, '.article__meta')).toBeGreaterThanOrEqual(AA_TEXT);
    await page.close();
  });
});

describe('大字模式 with JavaScript', () => {
  test('the choice carries to the next page and back off again, with no CSP violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.goto(`${origin}/news/`);
    expect(await page.locator('script[src]').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual([
      '/large-text.js',
    ]);
    await page.getByText('大字模式').click();
    await page.goto(`${origin}/zones/`);
    await page.waitForLoadState('load');
    expect(await page.getByRole('checkbox', { name: '大字模式' }).isChecked()).toBe(true);
    expect(await rootSize()).toBe(20);
    await page.getByText('大字模式').click();
    await page.goto(`${origin}${ARTICLE}`);
    await page.waitForLoadState('load');
    expect(await page.getByRole('checkbox', { name: '大字模式' }).isChecked()).toBe(false);
    expect(await rootSize()).toBe(16);
    expect(errors).toEqual([]);
    await context.close();
  });
});
