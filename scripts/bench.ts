// `npm run bench`: times `npm run build` on generated corpora (cold, warm, after one edit, after a
// code change) and prints a table of stages, memory and output. See USAGE in scripts/bench/report.ts.
//
// Every build is the real `npm run build` (same Node options, integrations and checks) in a child
// process; stage timings come from the build itself (DEVZONE_BUILD_STATS, src/lib/build/stage-stats.ts),
// peak memory from sampling the whole process tree (scripts/bench/memory.ts).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { samplePeak } from './bench/memory.ts';
import {
  cdnReport,
  CODE_EDITS,
  formatTable,
  parseBenchArgs,
  parseStats,
  USAGE,
  UsageError,
  withCodeEdit,
  type BenchRow,
  type RunKind,
} from './bench/report.ts';

const ROOT = resolve(import.meta.dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A generated corpus, reused while its marker says it has the same size and seed. */
function corpus(dir: string, count: number, seed: number): string {
  const folder = join(dir, 'corpora', `c${count}-s${seed}`);
  const news = join(folder, 'news');
  const marker = join(folder, 'complete.json');
  const wanted = JSON.stringify({ count, seed });
  if (existsSync(marker) && readFileSync(marker, 'utf8') === wanted) return news;
  rmSync(folder, { recursive: true, force: true });
  console.log(`generating ${count} articles into ${news} …`);
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'generate.ts'), '--count', String(count), '--out', news, '--seed', String(seed)],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`the generator failed (exit ${result.status})`);
  writeFileSync(marker, wanted);
  return news;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => join(dir, name));
}

/** Files and bytes under `dir`, and how many of the files are HTML pages. */
function measure(dir: string): { files: number; bytes: number; pages: number } {
  const totals = { files: 0, bytes: 0, pages: 0 };
  if (!existsSync(dir)) return totals;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    totals.files += 1;
    totals.bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) totals.pages += 1;
  }
  return totals;
}

/** Runs `npm run build` once and measures it. */
async function build(articles: number, run: RunKind, content: string, work: string): Promise<BenchRow> {
  const dist = join(work, 'dist');
  const statsFile = join(work, `stats-${run}.jsonl`);
  const logFile = join(work, `build-${run}.log`);
  rmSync(statsFile, { force: true });
  const child = spawn(NPM, ['run', '--silent', 'build', '--', '--outDir', dist], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEVZONE_CONTENT_DIR: content,
      DEVZONE_CACHE_DIR: join(work, 'cache'),
      DEVZONE_BUILD_STATS: statsFile,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const started = performance.now();
  const memory = samplePeak(child.pid as number);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const wallMs = performance.now() - started;
  const peakBytes = memory.stop();
  await new Promise((done) => log.end(done));
  const output = measure(dist);
  const search = measure(join(dist, 'pagefind'));
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
      const edit = run === 'edit' ? editOne(content) : editCode(run);
      try {
        rows.push(await build(articles, run, content, work));
      } finally {
        edit?.restore();
      }
      console.log(formatTable(rows.slice(-1)).split('\n').at(-1));
    }
  }
  const machine = `${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores, ${(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 ** 2).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`\n${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine}\n`);
  console.log(formatTable(rows));
  console.log('');
  for (const articles of options.sizes) {
    const last = rows.filter((row) => row.articles === articles && row.ok).at(-1);
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
