import { describe, expect, test } from 'vitest';
import { SEARCH_SCRIPT_LABELS, searchResultsStatus } from '@/lib/site/labels';
import { buildArticle } from '../../../scripts/corpus/generated-article.ts';
import { describeMachine } from '../../../scripts/bench/machine.ts';
import { NetworkLedger, type NetworkCost } from '../../../scripts/bench/network.ts';
import { parseSearchBenchArgs, SearchUsageError } from '../../../scripts/bench/search-args.ts';
import { BENCH_QUERIES, NO_HIT_QUERY } from '../../../scripts/bench/search-queries.ts';
import { formatSearchHeader, formatSearchTable, type QueryFigures, type SearchBenchReport } from '../../../scripts/bench/search-report.ts';
import { reportedCount, statusTexts } from '../../../scripts/bench/search-status.ts';

describe('bench:search arguments', () => {
  test('default to a generated archive of 10,000 articles, seed 1, under .bench/', () => {
    expect(parseSearchBenchArgs([])).toEqual({ count: 10_000, seed: 1, dir: '.bench', help: false });
  });

  test('take values inline or next, counts with separators', () => {
    expect(parseSearchBenchArgs(['--count', '100_000', '--seed=3', '--dir', '/tmp/b', '--json=out.json'])).toEqual({
      count: 100_000,
      seed: 3,
      dir: '/tmp/b',
      json: 'out.json',
      help: false,
    });
    expect(parseSearchBenchArgs(['--count=100,000']).count).toBe(100_000);
  });

  test('--dist measures a built site; --content names the content it was built from, or the content to build', () => {
    expect(parseSearchBenchArgs(['--dist', 'd', '--content', 'c'])).toMatchObject({ dist: 'd', content: 'c' });
    expect(parseSearchBenchArgs(['--content=c'])).toMatchObject({ content: 'c' });
    expect(parseSearchBenchArgs(['--dist', 'd']).content).toBeUndefined();
  });

  test('refuses unknown arguments, missing values, zero articles and a content folder beside --count', () => {
    expect(() => parseSearchBenchArgs(['--fast'])).toThrow(SearchUsageError);
    expect(() => parseSearchBenchArgs(['--dist'])).toThrow(/--dist needs a path/);
    expect(() => parseSearchBenchArgs(['--dist', '--json', 'x'])).toThrow(/--dist needs a path/);
    expect(() => parseSearchBenchArgs(['--count', '0'])).toThrow(/at least 1/);
    expect(() => parseSearchBenchArgs(['--count', '10k'])).toThrow(/--count/);
    expect(() => parseSearchBenchArgs(['--content', 'c', '--count', '5'])).toThrow(/one or the other/);
  });
});

describe('bench:search queries', () => {
  test('are at least 20 distinct runs of 2 to 8 Chinese characters, with the issue’s three', () => {
    expect(BENCH_QUERIES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(BENCH_QUERIES).size).toBe(BENCH_QUERIES.length);
    for (const query of BENCH_QUERIES) expect(query).toMatch(/^\p{Script=Han}{2,8}$/u);
    expect(BENCH_QUERIES).toEqual(expect.arrayContaining(['招商引资', '高质量发展', '产业集群', '盐城', NO_HIT_QUERY]));
    expect(BENCH_QUERIES.filter((query) => query.length >= 5).length).toBeGreaterThanOrEqual(3);
  });

  test('each occurs in the default generated archive (10,000 articles, seed 1), except the one meant to find nothing', () => {
    const missing = new Set(BENCH_QUERIES);
    let noHit = 0;
    for (let index = 0; index < 10_000; index++) {
      const { text } = buildArticle(1, index);
      for (const query of missing) if (text.includes(query)) missing.delete(query);
      if (text.includes(NO_HIT_QUERY)) noHit += 1;
    }
    expect([...missing]).toEqual([NO_HIT_QUERY]);
    expect(noHit).toBe(0);
  });
});

describe('network ledger', () => {
  const ledger = (clock = { now: 0 }) =>
    new NetworkLedger<string>(
      (url) => new URL(url).pathname.startsWith('/pagefind/'),
      () => clock.now,
    );
  const cost = (requests: number, bytes: number, index: [number, number], other: [number, number]): NetworkCost => ({
    requests,
    bytes,
    index: { requests: index[0], bytes: index[1] },
    other: { requests: other[0], bytes: other[1] },
  });

  test('counts requests sent and bytes as finished, split into the search index and the rest', () => {
    const book = ledger();
    book.sent('1', 'http://x/search/?q=a', 1000);
    book.sent('2', 'http://x/pagefind/202401/pagefind.js', 1010);
    book.sent('3', 'http://x/pagefind/202401/index/a.pf_index', 1020);
    book.sent('4', 'data:image/png;base64,AA', 1020);
    book.finished('1', 1005, 3000);
    book.finished('2', 1015, 500);
    book.failed('3', 1030);
    book.finished('4', 1030, 99);
    expect(book.cost()).toEqual(cost(3, 3500, [2, 500], [1, 3000]));
    expect(book.inflight()).toBe(0);
  });

  test('by a moment: the requests sent by then, each with all its bytes', () => {
    const book = ledger();
    book.sent('1', 'http://x/search/', 1000);
    book.finished('1', 1500, 1000);
    book.sent('2', 'http://x/pagefind/a', 1600);
    book.sent('3', 'http://x/cover.webp', 2500);
    expect(book.inflight(2000)).toBe(1);
    expect(book.inflight()).toBe(2);
    book.finished('2', 2600, 200);
    book.finished('3', 2700, 50);
    expect(book.inflight(2000)).toBe(0);
    expect(book.cost(2000)).toEqual(cost(2, 1200, [1, 200], [1, 1000]));
    expect(book.cost()).toEqual(cost(3, 1250, [1, 200], [2, 1050]));
    expect(book.lastDoneMs()).toBe(2700);
  });

  test('events for requests it never saw sent change nothing', () => {
    const book = ledger();
    book.finished('9', 10, 100);
    book.failed('8', 10);
    expect(book.cost()).toEqual(cost(0, 0, [0, 0], [0, 0]));
    expect(book.lastDoneMs()).toBeUndefined();
  });

  test('knows how long the network has been quiet', () => {
    const clock = { now: 100 };
    const book = ledger(clock);
    clock.now = 300;
    book.sent('1', 'http://x/', 1);
    clock.now = 900;
    expect(book.quietMs()).toBe(600);
    book.finished('1', 2, 1);
    expect(book.quietMs()).toBe(0);
  });
});

describe('search page status', () => {
  const texts = statusTexts('招商引资');
  const status = (count: number) => searchResultsStatus({ query: '招商引资', filtered: false, byDate: false, count });

  test('reads the count from what searchResultsStatus writes, none as 0', () => {
    expect(reportedCount(status(3599), texts)).toBe(3599);
    expect(reportedCount(status(1), texts)).toBe(1);
    expect(reportedCount(`  ${status(0)} `, texts)).toBe(0);
    expect(reportedCount(status(3599).replace('3599', '3,599'), texts)).toBe(3599);
  });

  test('reports no count for the prompt, an error, or another query’s status', () => {
    expect(reportedCount(SEARCH_SCRIPT_LABELS.prompt, texts)).toBeUndefined();
    expect(reportedCount(SEARCH_SCRIPT_LABELS.unavailable, texts)).toBeUndefined();
    expect(reportedCount(searchResultsStatus({ query: '盐城', filtered: false, byDate: false, count: 5 }), texts)).toBeUndefined();
  });

  test('prefers the list’s data-count', () => {
    expect(reportedCount(status(10), texts, '12')).toBe(12);
    expect(reportedCount(status(10), texts, 'x')).toBe(10);
  });
});

describe('bench:search report', () => {
  const network = (requests: number, bytes: number, indexRequests: number, indexBytes: number): NetworkCost => ({
    requests,
    bytes,
    index: { requests: indexRequests, bytes: indexBytes },
    other: { requests: requests - indexRequests, bytes: bytes - indexBytes },
  });
  const opening = { cost: network(43, 351 * 1024, 40, 300 * 1024), settledMs: 2500.4 };
  const queries: QueryFigures[] = [
    {
      query: '招商引资',
      cost: network(71, 886 * 1024, 67, 861 * 1024),
      firstResultMs: 3512.6,
      finalMs: 3600,
      results: 3599,
      substring: 3600,
      status: '',
    },
    {
      query: '盐城',
      cost: network(30, 200 * 1024, 25, 150 * 1024),
      firstResultMs: 1000,
      finalMs: 1100,
      results: 1302,
      substring: 1302,
      status: '',
    },
    {
      query: '量子计算',
      cost: network(20, 100 * 1024, 15, 80 * 1024),
      firstResultMs: 900,
      finalMs: 900,
      results: 0,
      substring: 0,
      status: '',
    },
    { query: '睿芯', cost: network(25, 150 * 1024, 20, 100 * 1024), results: undefined, substring: 30, status: '搜索暂时无法使用' },
  ];

  test('is a Markdown table: the opening, one row per query, their median and maximum', () => {
    const table = formatSearchTable(opening, queries).split('\n');
    expect(table).toEqual([
      '| query | requests | KB | of them /pagefind/: requests | /pagefind/ KB | ms to first results | results | contain it (substring scan) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| (opening /search/, no query) | 43 | 351 | 40 | 300 |  |  |  |',
      '| 招商引资 | 71 | 886 | 67 | 861 | 3,513 | 3,599 | 3,600 |',
      '| 盐城 | 30 | 200 | 25 | 150 | 1,000 | 1,302 | 1,302 |',
      '| 量子计算 | 20 | 100 | 15 | 80 | 900 | 0 | 0 |',
      '| 睿芯 | 25 | 150 | 20 | 100 | – | none reported: “搜索暂时无法使用” | 30 |',
      '| median of 4 queries | 28 | 175 | 23 | 125 | 1,000 |  |  |',
      '| maximum | 71 | 886 | 67 | 861 | 3,513 |  |  |',
    ]);
  });

  test('one query alone has no summary rows', () => {
    expect(formatSearchTable(opening, queries.slice(0, 1)).split('\n')).toHaveLength(4);
  });

  test('its heading names the day, machine, archive, build and the throttling', () => {
    const report: SearchBenchReport = {
      date: '2026-12-06T23:59:30.000Z',
      machine: { cores: 2, memoryBytes: 24 * 1024 ** 3, node: 'v24.21.0', chromium: '143.0.7499.169' },
      cpuThrottling: 4,
      archive: {
        generated: { count: 10_000, seed: 1 },
        content: '/c',
        markdownFiles: 10_000,
        published: 9_949,
        dist: '/d',
        searchIndex: { files: 11_504, bytes: 67.9 * 1024 ** 2 },
      },
      build: { wallMs: 73_049, peakBytes: 3.91 * 1024 ** 3, log: '/d/build.log' },
      opening,
      queries,
    };
    const lines = formatSearchHeader(report).split('\n');
    expect(lines[0]).toBe('2026-12-06 23:59 UTC, 2 cores, 24 GiB, Node v24.21.0, Chromium 143.0.7499.169');
    expect(lines[1]).toBe('archive: 10,000 generated articles (seed 1), 9,949 article pages published; search index 11,504 files, 67.9 MB');
    expect(lines[2]).toBe('build: `npm run build` in 73.0 s, peak memory 3.91 GB over the process tree (log: /d/build.log)');
    expect(lines[3]).toContain('CPU throttled 4x');
    expect(lines[3]).toContain('settled (network idle, the prompt shown) after 2,500 ms');
    const measured = formatSearchHeader({
      ...report,
      build: undefined,
      archive: { ...report.archive, generated: undefined, content: undefined, markdownFiles: undefined },
    });
    expect(measured.split('\n').slice(1, 3)).toEqual([
      'archive: the site in /d, 9,949 article pages published; search index 11,504 files, 67.9 MB',
      'build: not run, measured the site in /d',
    ]);
  });
});

describe('machine line', () => {
  test('names cores, memory, Node and, when there is one, Chromium', () => {
    expect(describeMachine({ cores: 2, memoryBytes: 24 * 1024 ** 3, node: 'v24.21.0' })).toBe('2 cores, 24 GiB, Node v24.21.0');
    expect(describeMachine({ cores: undefined, memoryBytes: 0, node: 'v24', chromium: '143' })).toBe(
      '? cores, 0 GiB, Node v24, Chromium 143',
    );
  });
});
