// What `npm run bench:search` prints and writes with --json: the figures of one run and their
// Markdown table. Pure, so it is unit-tested; the bench itself never runs in tests, since speed is
// never asserted.
import { describeMachine, utcMinute, type Machine } from './machine.ts';
import type { NetworkCost } from './network.ts';

/** The CPU slowdown the page is measured with (DevTools' CPU throttling): a mid-range phone. */
export const CPU_THROTTLING = 4;

export interface OpeningFigures {
  cost: NetworkCost;
  /** From navigation start until the network was idle and the status showed the prompt. */
  settledMs: number;
}

export interface QueryFigures {
  query: string;
  /** The requests sent from navigation start until the first page of results was shown and the status was final, with all their bytes. */
  cost: NetworkCost;
  /** From navigation start until the first result was in the list, or the status said there was none. */
  firstResultMs?: number;
  /** From navigation start until the status was final. */
  finalMs?: number;
  /** The count the page reported; undefined when it reported none (the status says why). */
  results?: number;
  /** Published articles whose indexed text (title, meta line, body) contains the query. */
  substring: number;
  /** The status line as the page left it. */
  status: string;
}

export interface SearchBenchReport {
  /** ISO time the measuring started. */
  date: string;
  machine: Machine;
  cpuThrottling: number;
  archive: {
    /** The generator's size and seed, when the archive was generated. */
    generated?: { count: number; seed: number };
    content?: string;
    /** Markdown files in the content folder, when it was given or generated. */
    markdownFiles?: number;
    /** Article pages in the built site. */
    published: number;
    dist: string;
    /** Everything under the built site's /pagefind/. */
    searchIndex: { files: number; bytes: number };
  };
  /** The build, when this run built the site. */
  build?: { wallMs: number; peakBytes: number; log: string };
  opening: OpeningFigures;
  queries: QueryFigures[];
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const kilobytes = (bytes: number) => count(Math.round(bytes / 1024));
const ms = (value: number | undefined) => (value === undefined ? '–' : count(Math.round(value)));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const HEADER = [
  'query',
  'requests',
  'KB',
  'of them /pagefind/: requests',
  '/pagefind/ KB',
  'ms to first results',
  'results',
  'contain it (substring scan)',
];

function costCells(cost: NetworkCost): string[] {
  return [count(cost.requests), kilobytes(cost.bytes), count(cost.index.requests), kilobytes(cost.index.bytes)];
}

/** A row of medians or maxima over the queries' figures. */
function summaryRow(label: string, queries: readonly QueryFigures[], of: (values: number[]) => number): string[] {
  const pick = (field: (query: QueryFigures) => number | undefined) =>
    queries.map(field).filter((value): value is number => value !== undefined);
  const times = pick((query) => query.firstResultMs);
  return [
    label,
    count(of(pick((query) => query.cost.requests))),
    kilobytes(of(pick((query) => query.cost.bytes))),
    count(of(pick((query) => query.cost.index.requests))),
    kilobytes(of(pick((query) => query.cost.index.bytes))),
    times.length ? ms(of(times)) : '–',
    '',
    '',
  ];
}

/** The opening row, one row per query, then their median and maximum, as a Markdown table. */
export function formatSearchTable(opening: OpeningFigures, queries: readonly QueryFigures[]): string {
  const rows = [
    ['(opening /search/, no query)', ...costCells(opening.cost), '', '', ''],
    ...queries.map((query) => [
      query.query,
      ...costCells(query.cost),
      ms(query.firstResultMs),
      query.results === undefined ? `none reported: “${query.status}”` : count(query.results),
      count(query.substring),
    ]),
  ];
  if (queries.length > 1) {
    rows.push(summaryRow(`median of ${queries.length} queries`, queries, median));
    rows.push(summaryRow('maximum', queries, (values) => Math.max(...values)));
  }
  return [HEADER, HEADER.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The lines above the table: when, where, what was built and how it was measured. */
export function formatSearchHeader(report: SearchBenchReport): string {
  const { archive, build } = report;
  const source = archive.generated
    ? `${count(archive.generated.count)} generated articles (seed ${archive.generated.seed})`
    : archive.markdownFiles !== undefined
      ? `${count(archive.markdownFiles)} Markdown files in ${archive.content}`
      : `the site in ${archive.dist}`;
  const index = `search index ${count(archive.searchIndex.files)} files, ${(archive.searchIndex.bytes / 1024 ** 2).toFixed(1)} MB`;
  const built = build
    ? `build: \`npm run build\` in ${(build.wallMs / 1000).toFixed(1)} s, peak memory ${(build.peakBytes / 1024 ** 3).toFixed(2)} GB over the process tree (log: ${build.log})`
    : `build: not run, measured the site in ${archive.dist}`;
  return [
    `${utcMinute(new Date(report.date))}, ${describeMachine(report.machine)}`,
    `archive: ${source}, ${count(archive.published)} article pages published; ${index}`,
    built,
    `search page: Chromium with the CPU throttled ${report.cpuThrottling}x (CDP Emulation.setCPUThrottlingRate, on the page, where the search runs) and the cache disabled, ` +
      'a fresh browser context per row, served from localhost with _headers and gzip as the CDN sends it; ' +
      'KB: 1,024 bytes as sent (Network.loadingFinished encodedDataLength, headers included); ' +
      `a query's requests are those sent from navigation start until its first page of results is shown and the status is final, with all their bytes; ` +
      `opening /search/ settled (network idle, the prompt shown) after ${ms(report.opening.settledMs)} ms`,
  ].join('\n');
}
