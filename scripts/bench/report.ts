// The pure parts of `npm run bench` (scripts/bench.ts): its command line, the stage timings a
// build writes (src/lib/build/stage-stats.ts) and the table it prints. Unit-tested; the bench itself
// never runs in tests, since speed is never asserted.

import { hostLimitsReport } from '../../src/lib/build/host-limits.ts';

export const USAGE = `Usage: npm run bench -- [--sizes N,N…] [--large] [--runs cold,warm,edit] [--dir DIR] [--seed S]

  --sizes N,N…  corpus sizes to build (default 1000,10000)
  --large       also build 100,000 articles (needs about 12 GB and 15 minutes)
  --runs LIST   which builds to time, in this order (default cold,warm,edit):
                cold: no content cache, empty output folder;
                warm: again, nothing changed;
                edit: again after one article's title was changed;
                restored: as a CI deploy runs: the cache folder and the output archived with tar,
                deleted and restored with new file times (tar -m, as actions/cache restores), every
                article given a new time (a fresh checkout), then one title changed;
                feed-code, audit-code, search-code, render-code: again after a code change (an
                added exported function) in src/lib/feeds/feed-mapping.ts, src/lib/audit/rules.ts,
                src/lib/search/records.ts or src/lib/content/markdown.ts.
                Each change is undone after its build, so the build after it has that to rebuild too;
                hugo: the baseline, not this project: the same articles built by Hugo (Debian's
                \`hugo\` package, which the project does not install) into a plain site with
                article pages, paginated listings and feeds, then indexed by the Pagefind CLI
  --dir DIR     where corpora, caches and outputs go (default .bench/); generated corpora are
                kept there and reused by later runs
  --seed S      the generator's seed (default 1)
  --help        show this message`;

export const RUN_KINDS = ['cold', 'warm', 'edit', 'restored', 'feed-code', 'audit-code', 'search-code', 'render-code', 'hugo'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** The runs of a bench without --runs. */
export const DEFAULT_RUNS: readonly RunKind[] = ['cold', 'warm', 'edit'];

/**
 * The module each code run edits, one per cache key it should (or should not) reach: feed and
 * audit code reach no cache of the articles, search code only the search shards, the Markdown
 * renderer every article (docs/architecture.md#caches).
 */
export const CODE_EDITS: Partial<Record<RunKind, string>> = {
  'feed-code': 'src/lib/feeds/feed-mapping.ts',
  'audit-code': 'src/lib/audit/rules.ts',
  'search-code': 'src/lib/search/records.ts',
  'render-code': 'src/lib/content/markdown.ts',
};

/** `source` with a function added: a change to the code (not only a comment) that no page, feed or record shows. */
export function withCodeEdit(source: string, run: RunKind): string {
  const name = `benchEdit${run.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}`;
  return `${source}\n/** Added by npm run bench (${run}), removed after its build. */\nexport function ${name}(): string {\n  return '${run}';\n}\n`;
}

export interface BenchOptions {
  sizes: number[];
  runs: RunKind[];
  dir: string;
  seed: number;
  help: boolean;
}

export class UsageError extends Error {}

/** A whole number of at least `min` from the command line; `100_000` and `100,000` read as 100000. */
export function integer(flag: string, raw: string | undefined, min: number): number {
  const digits = raw?.replaceAll('_', '').replaceAll(',', '');
  if (digits === undefined || !/^\d+$/.test(digits) || Number(digits) < min) {
    throw new UsageError(`${flag} needs an integer of at least ${min}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return Number(digits);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [1000, 10_000], runs: [...DEFAULT_RUNS], dir: '.bench', seed: 1, help: false };
  let large = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (flag === arg ? argv[++i] : arg.slice(eq + 1));
    switch (flag) {
      case '--sizes':
        options.sizes = (value() ?? '').split(',').map((size) => integer('--sizes', size, 1));
        break;
      case '--large':
        large = true;
        break;
      case '--runs': {
        const runs = (value() ?? '').split(',');
        const unknown = runs.find((run) => !(RUN_KINDS as readonly string[]).includes(run));
        if (unknown !== undefined) throw new UsageError(`--runs takes ${RUN_KINDS.join(', ')}; got ${JSON.stringify(unknown)}`);
        options.runs = runs as RunKind[];
        break;
      }
      case '--dir': {
        const dir = value();
        if (!dir) throw new UsageError('--dir needs a folder');
        options.dir = dir;
        break;
      }
      case '--seed':
        options.seed = integer('--seed', value(), 0);
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  if (large && !options.sizes.includes(100_000)) options.sizes.push(100_000);
  return options;
}

/**
 * Stage name -> milliseconds, plus what the build did when it said so: articles the loader
 * rendered (of all it stored), search shards re-indexed (of all), pages Astro took from its cache.
 */
export interface BuildStages {
  ms: Record<string, number>;
  searchRecords?: number;
  rendered?: { done: number; of: number };
  reindexed?: { done: number; of: number };
  reusedPages?: number;
}

/** `{ done, of }` from two numeric fields of a stage line, when it has both. */
function counts(stat: Record<string, unknown>, done: string, of: string): { done: number; of: number } | undefined {
  const [part, whole] = [stat[done], stat[of]];
  return typeof part === 'number' && typeof whole === 'number' ? { done: part, of: whole } : undefined;
}

/**
 * The stage lines a build appended (one JSON object a line); for the search index, when its
 * integration wrote no line, the time from its log line `[devzone-pagefind] indexed N articles
 * in Xs`. A stage reported twice is summed. Pages reused are the routes the log lists as
 * `(cached)` or `(restored)`, once it lists the routes at all.
 */
export function parseStats(jsonLines: string, log = ''): BuildStages {
  const stages: BuildStages = { ms: {} };
  for (const line of jsonLines.split('\n')) {
    if (!line.trim()) continue;
    const stat = JSON.parse(line) as Record<string, unknown>;
    if (typeof stat.stage !== 'string' || typeof stat.ms !== 'number') throw new Error(`not a stage line: ${line}`);
    stages.ms[stat.stage] = (stages.ms[stat.stage] ?? 0) + stat.ms;
    if (stat.stage === 'search' && typeof stat.records === 'number') stages.searchRecords = stat.records;
    if (stat.stage === 'search') stages.reindexed = counts(stat, 'reindexed', 'shards') ?? stages.reindexed;
    if (stat.stage === 'render') stages.rendered = counts(stat, 'rendered', 'articles') ?? stages.rendered;
  }
  if (log.includes('generating static routes')) stages.reusedPages = log.match(/├─ \S+ \((?:cached|restored)\)/g)?.length ?? 0;
  if (stages.ms.search === undefined) {
    const logged = /\[devzone-pagefind\] indexed (\d+) articles in ([\d.]+)s/.exec(log);
    if (logged) {
      stages.ms.search = Number(logged[2]) * 1000;
      stages.searchRecords = Number(logged[1]);
    }
  }
  return stages;
}

export interface BenchRow {
  articles: number;
  run: RunKind;
  ok: boolean;
  /** HTML pages written. */
  pages: number;
  wallMs: number;
  stages: BuildStages;
  peakBytes: number;
  files: number;
  bytes: number;
  searchFiles: number;
  searchBytes: number;
}

/** The stages of the table, in build order; "other" is the wall time none of them covers. */
export const STAGES = ['content', 'bundle', 'pages', 'feeds', 'search'] as const;

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
const count = (n: number) => n.toLocaleString('en-US');
const megabytes = (bytes: number) => (bytes / 1024 ** 2).toFixed(1);
const gigabytes = (bytes: number) => (bytes / 1024 ** 3).toFixed(2);
const fraction = (part: { done: number; of: number } | undefined) => (part ? `${count(part.done)}/${count(part.of)}` : '–');

export function otherMs(row: BenchRow): number {
  return Math.max(0, row.wallMs - STAGES.reduce((sum, stage) => sum + (row.stages.ms[stage] ?? 0), 0));
}

/** The results as a Markdown table (it goes into the README as it is). */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'articles',
    'build',
    'pages',
    'wall s',
    ...STAGES.map((stage) => `${stage} s`),
    'other s',
    'rendered',
    're-indexed',
    'reused pages',
    'pages/s',
    'peak GB',
    'files',
    'MB',
    'search files',
    'search MB',
  ];
  const lines = rows.map((row) => [
    count(row.articles),
    row.ok ? row.run : `${row.run} (FAILED)`,
    count(row.pages),
    seconds(row.wallMs),
    ...STAGES.map((stage) => seconds(row.stages.ms[stage])),
    seconds(otherMs(row)),
    fraction(row.stages.rendered),
    fraction(row.stages.reindexed),
    row.stages.reusedPages === undefined ? '–' : count(row.stages.reusedPages),
    row.wallMs > 0 ? Math.round(row.pages / (row.wallMs / 1000)).toString() : '–',
    gigabytes(row.peakBytes),
    count(row.files),
    megabytes(row.bytes),
    count(row.searchFiles),
    megabytes(row.searchBytes),
  ]);
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * Per corpus size with both a cold build and the Hugo baseline: the cold build's wall time and
 * peak memory against Hugo plus the Pagefind CLI's.
 */
export function hugoRatios(rows: readonly BenchRow[]): string[] {
  const sizes = [...new Set(rows.map((row) => row.articles))];
  return sizes.flatMap((articles) => {
    const cold = rows.find((row) => row.articles === articles && row.run === 'cold' && row.ok);
    const hugo = rows.find((row) => row.articles === articles && row.run === 'hugo' && row.ok);
    if (!cold || !hugo) return [];
    return [
      `${count(articles)} articles: cold build ${seconds(cold.wallMs)} s, ${gigabytes(cold.peakBytes)} GB; ` +
        `Hugo + Pagefind CLI ${seconds(hugo.wallMs)} s, ${gigabytes(hugo.peakBytes)} GB; ` +
        `time ratio ${(cold.wallMs / hugo.wallMs).toFixed(2)}, memory ratio ${(cold.peakBytes / hugo.peakBytes).toFixed(2)}`,
    ];
  });
}

/** One line per corpus size: the output's file count and size against the limits of common static hosts. */
export function cdnReport(articles: number, files: number, bytes: number): string {
  return `${count(articles)} articles → ${hostLimitsReport({ files, bytes })}`;
}
