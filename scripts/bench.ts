// `npm run bench`: times `npm run build` on generated corpora (cold, warm, after one edit, after a
// code change) and prints a table of stages, memory and output. See USAGE in scripts/bench/report.ts.
//
// Every build is the real `npm run build` (same Node options, integrations and checks) in a child
// process; stage timings come from the build itself (DEVZONE_BUILD_STATS, src/lib/build/stage-stats.ts),
// peak memory from sampling the whole process tree (scripts/bench/memory.ts).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpus, markdownFiles } from './bench/corpus.ts';
import { describeMachine, thisMachine, utcMinute } from './bench/machine.ts';
import { hugoBuild, hugoVersion } from './bench/hugo.ts';
import { outputSize, runBuild } from './bench/run-build.ts';
import {
  cdnReport,
  CODE_EDITS,
  formatTable,
  hugoRatios,
  parseBenchArgs,
  parseStats,
  USAGE,
  UsageError,
  withCodeEdit,
  type BenchRow,
  type RunKind,
} from './bench/report.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** The Hugo baseline of the same articles (./bench/hugo.ts), as a row of the table. */
async function hugo(articles: number, content: string, work: string): Promise<BenchRow> {
  if (!hugoVersion()) throw new UsageError('--runs hugo needs Hugo on the PATH (Debian: apt-get install hugo)');
  const logFile = join(work, 'build-hugo.log');
  const { code, wallMs, peakBytes, dist } = await hugoBuild(content, work, logFile);
  if (code !== 0) console.error(`the Hugo build of ${articles} articles failed (exit ${code}); see ${logFile}`);
  const output = outputSize(dist);
  const search = outputSize(join(dist, 'pagefind'));
  return {
    articles,
    run: 'hugo',
    ok: code === 0,
    pages: output.pages,
    wallMs,
    stages: { ms: {} },
    peakBytes,
    files: output.files,
    bytes: output.bytes,
    searchFiles: search.files,
    searchBytes: search.bytes,
  };
}

/** Runs `npm run build` once and measures it. */
async function build(articles: number, run: RunKind, content: string, work: string): Promise<BenchRow> {
  const dist = join(work, 'dist');
  const statsFile = join(work, `stats-${run}.jsonl`);
  const logFile = join(work, `build-${run}.log`);
  rmSync(statsFile, { force: true });
  const { code, wallMs, peakBytes } = await runBuild({
    content,
    dist,
    cache: join(work, 'cache'),
    logFile,
    env: { DEVZONE_BUILD_STATS: statsFile },
  });
  const output = outputSize(dist);
  const search = outputSize(join(dist, 'pagefind'));
  const stages = parseStats(existsSync(statsFile) ? readFileSync(statsFile, 'utf8') : '', readFileSync(logFile, 'utf8'));
  if (code !== 0) console.error(`the ${run} build of ${articles} articles failed (exit ${code}); see ${logFile}`);
  return {
    articles,
    run,
    ok: code === 0,
    pages: output.pages,
    wallMs,
    stages,
    peakBytes,
    files: output.files,
    bytes: output.bytes,
    searchFiles: search.files,
    searchBytes: search.bytes,
  };
}

/**
 * What a CI runner has before a deploy's build (.github/workflows/deploy.yml): the cache folder
 * and the output of the last build restored from an archive, every file with a new time (tar -m,
 * as actions/cache restores), and a fresh checkout, whose articles have new times too. The
 * folders keep their paths: the cache holds absolute ones, and a runner's workspace is the same
 * path on every run.
 */
function restoreAsCi(work: string, content: string): void {
  const archive = join(work, 'restore.tar');
  const tar = (args: string[]) => {
    const result = spawnSync('tar', args, { cwd: work, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`tar ${args.join(' ')} failed (exit ${result.status})`);
  };
  tar(['-cf', archive, 'cache', 'dist']);
  rmSync(join(work, 'cache'), { recursive: true, force: true });
  rmSync(join(work, 'dist'), { recursive: true, force: true });
  tar(['-xmf', archive]);
  rmSync(archive);
  const now = new Date();
  for (const file of markdownFiles(content)) utimesSync(file, now, now);
}

/** Changes one article's title (it shows on its neighbours, listings, related news and feeds). */
function editOne(content: string): { restore: () => void } {
  const files = markdownFiles(content);
  const file = files[Math.floor(files.length / 2)];
  const original = readFileSync(file);
  const edited = original.toString('utf8').replace(/^title: (.*)$/m, 'title: $1（更新）');
  if (edited === original.toString('utf8')) throw new Error(`no title line in ${file}`);
  writeFileSync(file, edited);
  return restoredOnExit(() => writeFileSync(file, original));
}

/** `restore`, also run when the bench is stopped (Ctrl-C) during the build, so no edit is left behind. */
function restoredOnExit(restore: () => void): { restore: () => void } {
  const stop = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    restore: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      restore();
    },
  };
}

/**
 * Adds a function to the module the run names (CODE_EDITS), in this repository: the build runs
 * this repository's code, as `npm run build` does.
 */
function editCode(run: RunKind): { restore: () => void } | undefined {
  const module = CODE_EDITS[run];
  if (!module) return undefined;
  const file = join(ROOT, module);
  const original = readFileSync(file);
  writeFileSync(file, withCodeEdit(original.toString('utf8'), run));
  return restoredOnExit(() => writeFileSync(file, original));
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const dir = resolve(ROOT, options.dir);
  const rows: BenchRow[] = [];
  for (const articles of options.sizes) {
    const content = corpus(dir, articles, options.seed);
    const work = join(dir, 'work', `c${articles}`);
    mkdirSync(work, { recursive: true });
    for (const run of options.runs) {
      if (run === 'cold') {
        rmSync(join(work, 'cache'), { recursive: true, force: true });
        rmSync(join(work, 'dist'), { recursive: true, force: true });
      }
      console.log(`${articles} articles: ${run} build …`);
      if (run === 'restored') restoreAsCi(work, content);
      const edit = run === 'edit' || run === 'restored' ? editOne(content) : editCode(run);
      try {
        rows.push(run === 'hugo' ? await hugo(articles, content, work) : await build(articles, run, content, work));
      } finally {
        edit?.restore();
      }
      console.log(formatTable(rows.slice(-1)).split('\n').at(-1));
    }
  }
  console.log(`\n${utcMinute(new Date())}, ${describeMachine(thisMachine())}\n`);
  console.log(formatTable(rows));
  console.log('');
  for (const line of hugoRatios(rows)) console.log(line);
  for (const articles of options.sizes) {
    const last = rows.filter((row) => row.articles === articles && row.ok && row.run !== 'hugo').at(-1);
    if (last) console.log(cdnReport(articles, last.files, last.bytes));
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
});
