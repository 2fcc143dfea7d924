import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openBrowserSite, type BrowserSite } from './browser-site';
import { waitForSearch } from '../../scripts/site/search-harness.ts';

/**
 * WCAG 2.1 A and AA, checked by axe-core in Debian's Chromium on every page type of a built
 * fixture site, in each display mode and at a phone's and a desktop's width. axe is injected as
 * an init script (Page.addScriptToEvaluateOnNewDocument), which the page's Content-Security-Policy
 * does not govern, so every page is checked under the policy and styles readers get (bypassCSP
 * would check a page readers never see).
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTHS = [360, 1280];

/**
 * A display mode: the context options that put a browser into it, and what is done on each page
 * before it is checked.
 */
interface Mode {
  name: string;
  context: BrowserContextOptions;
  /** Run in every page before its own scripts: how a reader's earlier choice reaches the page. */
  init?: string;
  /** True once the page is shown in this mode, so a mode that did not apply fails the test. */
  active: (page: Page) => Promise<boolean>;
}

/**
 * The display modes readers can choose: light and dark (the system's setting), and 大字模式 (the
 * header's `#large-text` checkbox), as a reader who ticked it on an earlier page gets it: the
 * choice is in localStorage, and public/large-text.js ticks the box on load.
 */
const MODES: Mode[] = [
  {
    name: 'light',
    context: { colorScheme: 'light' },
    active: (page) => page.evaluate(() => matchMedia('(prefers-color-scheme: light)').matches),
  },
  {
    name: 'dark',
    context: { colorScheme: 'dark' },
    active: (page) => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches),
  },
  {
    name: 'larger-text',
    context: { colorScheme: 'light' },
    init: "localStorage.setItem('devzone-large-text', '1');",
    active: (page) =>
      page
        .waitForFunction(() => (document.getElementById('large-text') as HTMLInputElement | null)?.checked === true)
        .then(
          () => true,
          () => false,
        ),
  },
];

/** Every page type, with what must be on screen before it is checked. */
const PAGES: Array<{ name: string; path: string; status?: number; shows: string; ready?: (page: Page) => Promise<unknown> }> = [
  { name: 'home', path: '/', shows: '.home__latest' },
  { name: 'listing', path: '/news/page/2/', shows: '.pager' },
  { name: 'text article', path: '/news/2023-04-07-kaigong/', shows: '.article__body p' },
  { name: 'picture article', path: '/news/yancheng-gaoxin-changfang/', shows: '.article img[alt]' },
  { name: 'search with results', path: '/search/?q=盐城', shows: '#search-results > li', ready: waitForSearch },
  { name: 'search without results', path: '/search/?q=没有这样的词语', shows: '#search-status', ready: waitForSearch },
  { name: '404', path: '/no-such-page/', status: 404, shows: 'main h1' },
  { name: 'feeds', path: '/feeds/', shows: 'main a[href$=".xml"]' },
];

let site: BrowserSite;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // Enough articles for a second listing page, so the pager is checked too.
  site = await openBrowserSite('a11y', 'test/fixtures/site/news', 24, 5);
  ({ origin, browser } = site);
});

afterAll(() => site?.close());

/** One line per violation and element: what to fix, where, and the WCAG criterion it breaks. */
function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((violation) => {
      const criteria = violation.tags
        .filter((tag) => /^wcag\d{3,}$/.test(tag))
        .map((tag) => tag.replace(/^wcag(\d)(\d)(\d+)$/, '$1.$2.$3'));
      return violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'no impact'}, WCAG ${criteria.join(' ') || violation.tags.join(' ')}): ${node.target.join(' ')}\n  ${node.failureSummary?.replace(/\n/g, '\n  ') ?? violation.help}`,
      );
    })
    .join('\n');
}

async function check(page: Page): Promise<Result[]> {
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    TAGS,
  );
  return results.violations;
}

describe.each(MODES)('WCAG 2.1 AA in $name mode', (mode) => {
  test.each(WIDTHS)('every page type at %i px has no axe violations', async (width) => {
    const context = await browser.newContext({ ...mode.context, viewport: { width, height: 800 } });
    await context.addInitScript({ path: AXE });
    if (mode.init) await context.addInitScript(mode.init);
    const page = await context.newPage();
    const report: string[] = [];
    for (const { name, path, status = 200, shows, ready } of PAGES) {
      const response = await page.goto(`${origin}${path}`);
      expect(response?.status(), path).toBe(status);
      await ready?.(page);
      expect(await page.locator(shows).count(), `${path} shows ${shows}`).toBeGreaterThan(0);
      expect(await mode.active(page), `${path} in ${mode.name} mode`).toBe(true);
      const violations = await check(page);
      if (violations.length) report.push(`${name} (${path}):\n${describeViolations(violations)}`);
    }
    await context.close();
    expect(report.join('\n\n'), report.join('\n\n')).toBe('');
  });
});
