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
 * in the output, which is deployed) records a digest of every file's path, size, mtime and inode,
 * and each file's size and content hash.
 *
 * Two ways to trust a kept folder (`trustedOutput`):
 * - unchanged: the digest of paths, sizes, mtimes and inodes is the recorded one. Nothing is read.
 * - same content: a cache restore (CI's actions/cache, a tarball) gives every file new inodes and
 *   change times, and mtimes the archive's or the restore's, so the digest differs although the
 *   bytes are the last build's. Then the folder is trusted when it holds exactly the recorded
 *   paths, every size is the recorded one (checked for all files before any is read) and every
 *   file's content hash is the recorded one. This reads every file; it is what it takes for the
 *   check to stay sound: a `dist/` restored from another build or another cache, one restored in
 *   part, or a file edited or added by hand all differ in a path, a size or a hash, and the
 *   folder is emptied. Trusting times instead (all mtimes newer than the stamp, sizes equal)
 *   would accept a same-size hand edit or a dist/ from another build with equal sizes.
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

/** What identifies one state of a file without reading it: its path, size, mtime and inode. */
export function entryKey(entry: OutputEntry): string {
  return `${entry.file}\0${entry.size}\0${entry.mtimeNs}\0${entry.ino}`;
}

/** A digest of the entries: any file added, removed, rewritten or replaced changes it. */
export function outputDigest(entries: readonly OutputEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) hash.update(`${entryKey(entry)}\n`);
  return hash.digest('hex');
}

/**
 * A file's content hash: SHA-256, cut to 128 bits (base64url) to keep the stamp small. It guards
 * against accidents (a wrong or partial restore, a hand edit), and 128 bits leave no room for
 * one to collide.
 */
export function contentHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('base64url').slice(0, 22);
}

/** Each file's `<size>:<content hash>`, by its path relative to the output folder. */
export type OutputContent = Record<string, string>;

/**
 * The content record of `entries`, reading only the files whose state is not in `known` (entry
 * key to content hash: the files the guard found as the last build left them). Returns how many
 * it read.
 */
export function outputContent(
  dir: string,
  entries: readonly OutputEntry[],
  known: ReadonlyMap<string, string>,
): { content: OutputContent; hashed: number } {
  const content: OutputContent = {};
  let hashed = 0;
  for (const entry of entries) {
    let hash = known.get(entryKey(entry));
    if (hash === undefined) {
      hash = contentHash(join(dir, entry.file));
      hashed++;
    }
    content[entry.file] = `${entry.size}:${hash}`;
  }
  return { content, hashed };
}

/** What the cache folder says about the output folder. */
export type OutputStamp =
  /** A build started and has not finished writing: the output may be half old, half new. */
  | { state: 'building'; outDir: string }
  /** The output as the last build left it. */
  | { state: 'done'; outDir: string; files: number; digest: string; content?: OutputContent };

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

/** A kept output folder that is the last build's, and how that was shown. */
export interface TrustedOutput {
  how: 'unchanged' | 'same content';
  /** Entry key to content hash for every file as the guard found it, for the next stamp (`outputContent`). */
  known: Map<string, string>;
  /** How many files were read to show it (none when unchanged). */
  read: number;
}

/**
 * Whether `outDir` holds what the build recorded in `stamp` left there: unchanged since (no file
 * read), or, failing that, with the same paths, sizes and content (see the top of this file).
 * Undefined when it cannot be trusted.
 */
export function trustedOutput(stamp: OutputStamp | undefined, outDir: string, skip: ReadonlySet<string>): TrustedOutput | undefined {
  if (stamp?.state !== 'done' || stamp.outDir !== outDir || !existsSync(outDir)) return undefined;
  const entries = outputEntries(outDir, skip);
  if (entries.length !== stamp.files) return undefined;
  const recorded = (entry: OutputEntry) => stamp.content?.[entry.file]?.split(':');
  if (outputDigest(entries) === stamp.digest) {
    const known = new Map<string, string>();
    for (const entry of entries) {
      const hash = recorded(entry)?.[1];
      if (hash) known.set(entryKey(entry), hash);
    }
    return { how: 'unchanged', known, read: 0 };
  }
  if (!stamp.content) return undefined;
  // Every path and size first: a wrong or partial restore is turned down without reading a file.
  if (!entries.every((entry) => recorded(entry)?.[0] === String(entry.size))) return undefined;
  const known = new Map<string, string>();
  for (const entry of entries) {
    const hash = contentHash(join(outDir, entry.file));
    if (hash !== recorded(entry)?.[1]) return undefined;
    known.set(entryKey(entry), hash);
  }
  return { how: 'same content', known, read: entries.length };
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
