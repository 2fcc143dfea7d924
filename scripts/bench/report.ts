// The pure parts of `npm run bench` (scripts/bench.ts): its command line, the stage timings a
// build writes (src/lib/build/stage-stats.ts) and the table it prints. Unit-tested; the bench itself
// never runs in tests, since speed is never asserted.

export const USAGE = `Usage: npm run bench -- [--sizes N,N…] [--large] [--runs cold,warm,edit] [--dir DIR] [--seed S]

  --sizes N,N…  corpus sizes to build (default 1000,10000)
  --large       also build 100,000 articles (needs about 12 GB and 15 minutes)
  --runs LIST   which builds to time, in this order (default cold,warm,edit):
                cold: no content cache, empty output folder;
                warm: again, nothing changed;
                edit: again after one article's title was changed (restored afterwards)
  --dir DIR     where corpora, caches and outputs go (default .bench/); generated corpora are
                kept there and reused by later runs
  --seed S      the generator's seed (default 1)
  --help        show this message`;

export const RUN_KINDS = ['cold', 'warm', 'edit'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export interface BenchOptions {
  sizes: number[];
  runs: RunKind[];
  dir: string;
  seed: number;
  help: boolean;
}

export class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`${flag} needs an integer of at least ${min}, got ${raw === undefined ? 'nothing' : JSON.stringify(raw)}`);
  }
  return Number(raw);
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { sizes: [1000, 10_000], runs: [...RUN_KINDS], dir: '.bench', seed: 1, help: false };
  let large = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string | undefined => (flag === arg ? argv[++i] : arg.slice(eq + 1));
    switch (flag) {
      case '--sizes':
        options.sizes = (value() ?? '').split(',').map((size) => integer('--sizes', size.replaceAll('_', ''), 1));
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

/** Stage name -> milliseconds, plus the search index's own figures when it reported them. */
export interface BuildStages {
  ms: Record<string, number>;
  searchRecords?: number;
}

/**
 * The stage lines a build appended (one JSON object a line); for the search index, when its
 * integration wrote no line, the time from its log line `[devzone-pagefind] indexed N articles
 * in Xs`. A stage reported twice is summed.
 */
export function parseStats(jsonLines: string, log = ''): BuildStages {
  const stages: BuildStages = { ms: {} };
  for (const line of jsonLines.split('\n')) {
    if (!line.trim()) continue;
    const stat = JSON.parse(line) as { stage?: unknown; ms?: unknown; records?: unknown };
    if (typeof stat.stage !== 'string' || typeof stat.ms !== 'number') throw new Error(`not a stage line: ${line}`);
    stages.ms[stat.stage] = (stages.ms[stat.stage] ?? 0) + stat.ms;
    if (stat.stage === 'search' && typeof stat.records === 'number') stages.searchRecords = stat.records;
  }
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
 * Published limits of common static hosts (as documented in 2026; check your plan): what a
 * deployment of this size would run into.
 */
export const CDN_LIMITS = [
  { host: 'Cloudflare Pages (Free)', files: 20_000 },
  { host: 'Cloudflare Pages (paid plans)', files: 100_000 },
  { host: 'GitHub Pages', bytes: 1024 ** 3 },
] as const;

/** One line per corpus size: the output's file count and size against those limits. */
export function cdnReport(articles: number, files: number, bytes: number): string {
  const verdicts = CDN_LIMITS.map((limit) =>
    'files' in limit
      ? `${limit.host} ${count(limit.files)} files: ${files <= limit.files ? 'fits' : `OVER by ${count(files - limit.files)}`}`
      : `${limit.host} ${gigabytes(limit.bytes)} GB: ${bytes <= limit.bytes ? 'fits' : 'OVER'}`,
  );
  return `${count(articles)} articles → ${count(files)} files, ${megabytes(bytes)} MB. ${verdicts.join('; ')}.`;
}
