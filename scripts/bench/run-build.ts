// One `npm run build` in a child process, as the benches time it: the real command (same Node
// options, integrations and post-build audit), its log to a file, its wall time and the peak
// memory of its whole process tree (./memory.ts).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { samplePeak } from './memory.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface BuildRun {
  /** The content folder (DEVZONE_CONTENT_DIR). */
  content: string;
  /** The output folder (`--outDir`). */
  dist: string;
  /** The cache folder (DEVZONE_CACHE_DIR). */
  cache: string;
  /** Where the build's stdout and stderr go. */
  logFile: string;
  /** More environment for the build, such as DEVZONE_BUILD_STATS. */
  env?: NodeJS.ProcessEnv;
}

export interface BuildMeasure {
  code: number | null;
  wallMs: number;
  peakBytes: number;
}

export async function runBuild(run: BuildRun): Promise<BuildMeasure> {
  const child = spawn(NPM, ['run', '--silent', 'build', '--', '--outDir', run.dist], {
    cwd: ROOT,
    env: {
      ...process.env,
      DEVZONE_CONTENT_DIR: run.content,
      DEVZONE_CACHE_DIR: run.cache,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...run.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return measureChild(child, run.logFile);
}

/** A child process until it ends: its output to `logFile`, its wall time and its process tree's peak memory. */
export async function measureChild(child: ChildProcessByStdio<null, Readable, Readable>, logFile: string): Promise<BuildMeasure> {
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const started = performance.now();
  const memory = samplePeak(child.pid as number);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const wallMs = performance.now() - started;
  const peakBytes = memory.stop();
  await new Promise((done) => log.end(done));
  return { code, wallMs, peakBytes };
}

/** Files and bytes under `dir`, and how many of the files are HTML pages. */
export function outputSize(dir: string): { files: number; bytes: number; pages: number } {
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
