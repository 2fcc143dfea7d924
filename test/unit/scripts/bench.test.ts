import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cdnReport,
  CODE_EDITS,
  formatTable,
  hugoRatios,
  otherMs,
  parseBenchArgs,
  parseStats,
  RUN_KINDS,
  UsageError,
  withCodeEdit,
  type BenchRow,
} from '../../../scripts/bench/report.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('bench arguments', () => {
  test('default to 1,000 and 10,000 articles, cold, warm and edit builds', () => {
    expect(parseBenchArgs([])).toEqual({ sizes: [1000, 10_000], runs: ['cold', 'warm', 'edit'], dir: '.bench', seed: 1, help: false });
  });

  test('--large adds 100,000; --sizes, --runs, --dir and --seed take a value, inline or next', () => {
    expect(parseBenchArgs(['--large']).sizes).toEqual([1000, 10_000, 100_000]);
    expect(parseBenchArgs(['--sizes=2_000', '--large']).sizes).toEqual([2000, 100_000]);
    const options = parseBenchArgs(['--sizes', '500,2000', '--runs', 'cold,edit', '--dir', '/tmp/b', '--seed=7']);
    expect(options).toMatchObject({ sizes: [500, 2000], runs: ['cold', 'edit'], dir: '/tmp/b', seed: 7 });
  });

  test('--runs takes the restored and code-change runs too, in the order given', () => {
    expect(parseBenchArgs(['--runs', 'cold,warm,edit,restored,feed-code,audit-code,search-code,render-code']).runs).toEqual([
      'cold',
      'warm',
      'edit',
      'restored',
      'feed-code',
      'audit-code',
      'search-code',
      'render-code',
    ]);
    expect(parseBenchArgs(['--runs=render-code,warm']).runs).toEqual(['render-code', 'warm']);
    expect(parseBenchArgs(['--runs', 'cold,hugo']).runs).toEqual(['cold', 'hugo']);
  });

  test('refuses unknown arguments, runs and sizes', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(UsageError);
    expect(() => parseBenchArgs(['--runs', 'cold,hot'])).toThrow(/hot/);
    expect(() => parseBenchArgs(['--runs', 'css-code'])).toThrow(/feed-code, audit-code, search-code, render-code, hugo; got "css-code"/);
    expect(() => parseBenchArgs(['--sizes', '10k'])).toThrow(/--sizes/);
    expect(() => parseBenchArgs(['--sizes', '0'])).toThrow(/at least 1/);
  });
});

describe('code-change runs', () => {
  test('each edits a module of the repository, a different one', () => {
    const modules = RUN_KINDS.flatMap((run) => CODE_EDITS[run] ?? []);
    expect(modules).toHaveLength(4);
    expect(new Set(modules).size).toBe(4);
    for (const module of modules) expect(existsSync(join(ROOT, module))).toBe(true);
  });

  test('the edit adds an exported function and keeps the module as it was before it', () => {
    const source = readFileSync(join(ROOT, 'src/lib/search/records.ts'), 'utf8');
    const edited = withCodeEdit(source, 'search-code');
    expect(edited.startsWith(source)).toBe(true);
    expect(edited.slice(source.length).split('\n')).toEqual([
      '',
      '/** Added by npm run bench (search-code), removed after its build. */',
      'export function benchEditSearchCode(): string {',
      "  return 'search-code';",
      '}',
      '',
    ]);
  });
});

describe('build stats', () => {
  test('reads the JSON lines of each stage, summing repeats', () => {
    const lines = ['{"stage":"content","ms":1200}', '', '{"stage":"pages","ms":300}', '{"stage":"pages","ms":50}'].join('\n');
    expect(parseStats(lines)).toEqual({ ms: { content: 1200, pages: 350 } });
  });

  test("prefers the search index's own line, else reads its log line", () => {
    const log = '08:30:55 [devzone-pagefind] indexed 9999 articles in 169.4s (adding 39.6s, writing 129.7s): Chinese…';
    expect(parseStats('', log)).toEqual({ ms: { search: 169_400 }, searchRecords: 9999 });
    const line = '{"stage":"search","ms":20000,"records":10000,"shards":7,"reindexed":1,"files":900,"bytes":1}';
    expect(parseStats(line, log)).toEqual({ ms: { search: 20_000 }, searchRecords: 10_000, reindexed: { done: 1, of: 7 } });
  });

  test('reads articles rendered, shards re-indexed and pages reused, when the build says', () => {
    const lines = [
      '{"stage":"render","ms":40,"rendered":0,"articles":10000}',
      '{"stage":"search","ms":900,"records":9990,"shards":3,"reindexed":1,"files":9,"bytes":1}',
    ].join('\n');
    const log = [
      ' generating static routes ',
      '  ├─ /news/a/index.html (cached) ',
      '  ├─ /news/b/index.html (restored) ',
      '  ├─ /index.html (+4ms) ',
    ];
    expect(parseStats(lines, log.join('\n'))).toEqual({
      ms: { render: 40, search: 900 },
      searchRecords: 9990,
      rendered: { done: 0, of: 10_000 },
      reindexed: { done: 1, of: 3 },
      reusedPages: 2,
    });
    expect(parseStats('', log.slice(3).join('\n')).reusedPages).toBeUndefined();
    expect(parseStats('', log.filter((line) => !line.includes('(')).join('\n')).reusedPages).toBe(0);
  });

  test('a line that is not a stage is an error, not a silent zero', () => {
    expect(() => parseStats('{"ms":3}')).toThrow(/not a stage line/);
  });
});

describe('bench table', () => {
  const row: BenchRow = {
    articles: 10_000,
    run: 'cold',
    ok: true,
    pages: 12_000,
    wallMs: 60_000,
    stages: {
      ms: { content: 10_000, bundle: 5_000, pages: 20_000, feeds: 2_000, search: 20_000 },
      rendered: { done: 10_000, of: 10_000 },
      reindexed: { done: 3, of: 3 },
      reusedPages: 0,
    },
    peakBytes: 2.5 * 1024 ** 3,
    files: 21_000,
    bytes: 300 * 1024 ** 2,
    searchFiles: 8_000,
    searchBytes: 50 * 1024 ** 2,
  };

  test('other is the wall time no stage covers', () => {
    expect(otherMs(row)).toBe(3_000);
  });

  test('is a Markdown table with one line per build, missing stages as –', () => {
    const table = formatTable([row, { ...row, run: 'edit', ok: false, stages: { ms: { content: 1_500 } } }]).split('\n');
    expect(table).toHaveLength(4);
    expect(table[0]).toBe(
      '| articles | build | pages | wall s | content s | bundle s | pages s | feeds s | search s | other s | rendered | re-indexed | reused pages | pages/s | peak GB | files | MB | search files | search MB |',
    );
    expect(table[2]).toBe(
      '| 10,000 | cold | 12,000 | 60.0 | 10.0 | 5.0 | 20.0 | 2.0 | 20.0 | 3.0 | 10,000/10,000 | 3/3 | 0 | 200 | 2.50 | 21,000 | 300.0 | 8,000 | 50.0 |',
    );
    expect(table[3]).toContain('| edit (FAILED) |');
    expect(table[3]).toContain('| 1.5 | – | – | – | – | 58.5 | – | – | – |');
  });

  test('sets the cold build against the Hugo baseline of the same size, when both ran', () => {
    const hugo: BenchRow = { ...row, run: 'hugo', wallMs: 40_000, peakBytes: 1024 ** 3, stages: { ms: {} } };
    expect(hugoRatios([row, hugo, { ...row, articles: 1000 }])).toEqual([
      '10,000 articles: cold build 60.0 s, 2.50 GB; Hugo + Pagefind CLI 40.0 s, 1.00 GB; time ratio 1.50, memory ratio 2.50',
    ]);
    expect(hugoRatios([row, { ...hugo, ok: false }])).toEqual([]);
  });

  test('reports the file count against the CDN limits', () => {
    expect(cdnReport(10_000, 21_000, 300 * 1024 ** 2)).toBe(
      '10,000 articles → 21,000 files, 300.0 MB. Cloudflare Pages (Free) 20,000 files: OVER by 1,000; Cloudflare Pages (paid plans) 100,000 files: fits; GitHub Pages 1.00 GB: fits.',
    );
  });
});
