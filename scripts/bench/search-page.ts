// Drives the search page in Chromium for `npm run bench:search` the way a reader meets it: by URL
// (`/search/?q=…`, where the header form leads) and through the hooks the page keeps whatever its
// design: #search-status, the #search-results list, its `li` items and `aria-busy` while it
// searches. Each measurement gets a fresh browser context, so nothing is cached between them.
import type { Browser, Page, Request } from 'playwright-core';
import { NetworkLedger, type NetworkCost } from './network.ts';
import { CPU_THROTTLING, type OpeningFigures } from './search-report.ts';
import { reportedCount, type StatusTexts } from './search-status.ts';

/** How long the network must stay quiet for the opened page to count as settled. */
const QUIET_MS = 2000;
/** A search that has not finished by then is reported as such (Pagefind fetches nothing more). */
const SEARCH_TIMEOUT_MS = 10 * 60 * 1000;

interface Probe {
  page: Page;
  ledger: NetworkLedger<Request>;
  /** Waits for the sizes of the requests that have finished so far. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new context and page with the network watched, the cache disabled and the CPU throttled.
 * Requests are followed through Playwright's, not the page's DevTools session, since Playwright
 * also attaches to the page's workers, where Pagefind fetches its index; their byte counts are
 * the protocol's encodedDataLength (headers plus body, as `Request.sizes()` splits it).
 */
async function openProbe(browser: Browser, indexPath: string): Promise<Probe> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const ledger = new NetworkLedger<Request>((url) => new URL(url).pathname.startsWith(indexPath));
  const pending = new Set<Promise<void>>();
  context.on('request', (request) => ledger.sent(request, request.url(), request.timing().startTime));
  context.on('requestfinished', (request) => {
    const sized = request.sizes().then(
      (sizes) => ledger.finished(request, doneMs(request), sizes.responseHeadersSize + sizes.responseBodySize),
      () => ledger.failed(request, doneMs(request)),
    );
    pending.add(sized);
    void sized.finally(() => pending.delete(sized));
  });
  context.on('requestfailed', (request) => ledger.failed(request, doneMs(request)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  // DevTools' CPU throttling, as the issue's targets are measured; Chromium answers "only supported
  // for pages, not workers" when it is sent to a worker's session, so it is set on the page only.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  return {
    page,
    ledger,
    settled: async () => {
      await Promise.all([...pending]);
    },
    close: () => context.close(),
  };
}

/** When a request ended, in milliseconds since the epoch (now, when the browser did not say). */
function doneMs(request: Request): number {
  const { startTime, responseEnd } = request.timing();
  return responseEnd >= 0 ? startTime + responseEnd : Date.now();
}

interface Marks {
  /** performance.now() when the first result was in the list, or the status said there was none. */
  first?: number;
  /** performance.now() when the list was no longer busy and the status final. */
  final?: number;
}

/**
 * Runs in the page before its own scripts (an init script): notes, in page time (from navigation
 * start), when the first result appears and when the search is over, as the DOM changes.
 */
function observeSearch(texts: StatusTexts): void {
  const marks: Marks = {};
  (window as unknown as { benchMarks: Marks }).benchMarks = marks;
  const check = () => {
    const list = document.querySelector('#search-results');
    if (!list) return;
    const status = (document.querySelector('#search-status')?.textContent ?? '').trim();
    const none = status === texts.none;
    const found =
      status.length > texts.foundBefore.length + texts.foundAfter.length &&
      status.startsWith(texts.foundBefore) &&
      status.endsWith(texts.foundAfter);
    if (marks.first === undefined && (list.querySelector('li') || none)) marks.first = performance.now();
    if (marks.final === undefined && !list.hasAttribute('aria-busy') && (found || none || status === texts.unavailable)) {
      marks.final = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-busy'],
  });
}

export interface QueryMeasure {
  cost: NetworkCost;
  firstResultMs?: number;
  finalMs?: number;
  results?: number;
  status: string;
}

/** Opens `url` (a search page with a query) and measures it until its first page of results. */
export async function measureQuery(browser: Browser, url: string, indexPath: string, texts: StatusTexts): Promise<QueryMeasure> {
  const { page, ledger, settled, close } = await openProbe(browser, indexPath);
  try {
    await page.addInitScript(observeSearch, texts);
    await page.goto(url, { waitUntil: 'commit' });
    const finished = await page
      .waitForFunction(() => (window as unknown as { benchMarks?: Marks }).benchMarks?.final !== undefined, undefined, {
        timeout: SEARCH_TIMEOUT_MS,
        polling: 100,
      })
      .then(() => true)
      .catch(() => false);
    const seen = await page.evaluate(() => ({
      marks: (window as unknown as { benchMarks?: Marks }).benchMarks ?? {},
      origin: performance.timeOrigin,
      status: (document.querySelector('#search-status')?.textContent ?? '').trim(),
      dataCount: document.querySelector('#search-results')?.getAttribute('data-count'),
    }));
    const { first, final } = seen.marks;
    const sentBy = final === undefined ? Infinity : seen.origin + final;
    await finish(ledger, sentBy);
    await settled();
    return {
      cost: ledger.cost(sentBy),
      firstResultMs: first,
      finalMs: final,
      results: finished ? reportedCount(seen.status, texts, seen.dataCount) : undefined,
      status: finished ? seen.status : `(not finished after ${SEARCH_TIMEOUT_MS / 1000} s) ${seen.status}`,
    };
  } finally {
    await close();
  }
}

/** Waits until the requests sent by a moment have finished, so that their bytes are known. */
async function finish(ledger: NetworkLedger<Request>, sentBy: number): Promise<void> {
  const started = Date.now();
  while (ledger.inflight(sentBy) > 0 && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the search page without a query and waits until it has settled: network idle, the prompt shown. */
export async function measureOpening(browser: Browser, url: string, indexPath: string, texts: StatusTexts): Promise<OpeningFigures> {
  const { page, ledger, settled, close } = await openProbe(browser, indexPath);
  try {
    await page.goto(url, { waitUntil: 'load' });
    const started = Date.now();
    for (;;) {
      if (ledger.inflight() === 0 && ledger.quietMs() >= QUIET_MS) {
        const status = (await page.locator('#search-status').textContent())?.trim();
        if (status === texts.prompt) break;
      }
      if (Date.now() - started > SEARCH_TIMEOUT_MS) throw new Error(`the search page at ${url} did not settle`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const origin = await page.evaluate(() => performance.timeOrigin);
    await settled();
    return { cost: ledger.cost(), settledMs: (ledger.lastDoneMs() ?? origin) - origin };
  } finally {
    await close();
  }
}
