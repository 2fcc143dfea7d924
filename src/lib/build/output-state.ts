import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { cachePath } from '@/lib/build/cache-files';

/**
 * The output folder kept between builds (src/integrations/kept-output.ts): what a build may trust of
 * the `dist/` it finds, and how it removes what it no longer writes. Astro's incremental build
 * leaves a page it can skip where it is when the file exists, so a kept `dist/` must be exactly
 * what the last build with the same cache folder left there: a stamp in the cache folder (never
 * in the output, which is deployed) records a digest of every file's path, size, mtime and inode.
 */

/** One file of the output, as the digest sees it. */
export interface OutputEntry {
  file: string;
  size: bigint;
  mtimeNs: bigint;
  ino: bigint;
}

/**
 * Every file under `dir` (relative, `/` separators, sorted), skipping the top-level folders in
 * `skip` (the search bundle, owned by its integration; `.git`, which Astro's own emptying keeps).
 * Symbolic links are listed as files and never followed.
 */
export function outputEntries(dir: string, skip: ReadonlySet<string>): OutputEntry[] {
  const found: OutputEntry[] = [];
  if (!existsSync(dir)) return found;
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = `${prefix}${entry.name}`;
      if (!prefix && skip.has(entry.name)) continue;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${file}/`);
      else {
        const stat = lstatSync(join(folder, entry.name), { bigint: true });
        found.push({ file, size: stat.size, mtimeNs: stat.mtimeNs, ino: stat.ino });
      }
    }
  };
  walk(dir, '');
  return found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A digest of the entries: any file added, removed, rewritten or replaced changes it. */
export function outputDigest(entries: readonly OutputEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entry.file}\0${entry.size}\0${entry.mtimeNs}\0${entry.ino}\n`);
  return hash.digest('hex');
}

/** What the cache folder says about the output folder. */
export type OutputStamp =
  /** A build started and has not finished writing: the output may be half old, half new. */
  | { state: 'building'; outDir: string }
  /** The output as the last build left it. */
  | { state: 'done'; outDir: string; files: number; digest: string };

export function stampFile(cacheDir: string): string {
  return cachePath(cacheDir, 'outputStamp');
}

export function readOutputStamp(cacheDir: string): OutputStamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile(cacheDir), 'utf8')) as OutputStamp;
  } catch {
    return undefined;
  }
}

export function writeOutputStamp(cacheDir: string, stamp: OutputStamp): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stampFile(cacheDir), `${JSON.stringify(stamp)}\n`);
}

/** Whether `outDir` is exactly what the build recorded in `stamp` left there. */
export function outputMatches(stamp: OutputStamp | undefined, outDir: string, skip: ReadonlySet<string>): boolean {
  if (stamp?.state !== 'done' || stamp.outDir !== outDir || !existsSync(outDir)) return false;
  const entries = outputEntries(outDir, skip);
  return entries.length === stamp.files && outputDigest(entries) === stamp.digest;
}

/** Removes everything in `dir` but the top-level names in `keep` (`.git`, as Astro's own emptying does). */
export function emptyOutput(dir: string, keep: ReadonlySet<string>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!keep.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * The kernel's clock as a file's mtime shows it, in the output folder itself: files written
 * after this moment have an mtime at least this, whatever the file system's timestamp
 * granularity (a marker in another folder, on another file system, could be finer than the
 * output's). The marker is removed at once.
 */
export function fileClock(dir: string): bigint {
  mkdirSync(dir, { recursive: true });
  const marker = join(dir, `.devzone-clock-${process.pid}`);
  writeFileSync(marker, '');
  try {
    return statSync(marker, { bigint: true }).mtimeNs;
  } finally {
    unlinkSync(marker);
  }
}

/**
 * Removes every file under `dir` that this build neither wrote (mtime at or after `since`) nor
 * kept on purpose (`kept`: pages Astro left in place as unchanged, public files), then the
 * folders left empty. Top-level names in `skip` are not touched. Returns the files that remain,
 * for the stamp, and how many were removed.
 */
export function pruneOutput(
  dir: string,
  options: { since: bigint; kept: ReadonlySet<string>; skip: ReadonlySet<string> },
): { entries: OutputEntry[]; removed: number } {
  const entries: OutputEntry[] = [];
  let removed = 0;
  for (const entry of outputEntries(dir, options.skip)) {
    if (entry.mtimeNs >= options.since || options.kept.has(entry.file)) entries.push(entry);
    else {
      unlinkSync(join(dir, entry.file));
      removed++;
    }
  }
  removeEmptyFolders(dir, options.skip);
  return { entries, removed };
}

/** Removes the empty folders under `dir` (not `dir` itself), deepest first. */
function removeEmptyFolders(dir: string, skip: ReadonlySet<string>): void {
  const visit = (folder: string, top: boolean): boolean => {
    let empty = true;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (top && skip.has(entry.name)) empty = false;
      else if (entry.isDirectory() && visit(join(folder, entry.name), false)) rmdirSync(join(folder, entry.name));
      else empty = false;
    }
    return empty;
  };
  if (existsSync(dir)) visit(dir, true);
}
