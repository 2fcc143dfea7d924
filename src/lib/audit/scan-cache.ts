import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * What the post-build audit read out of each output file last time (src/lib/audit/scan.ts),
 * kept in the build's cache folder so that a rebuild reads again only the files it wrote: after
 * one edited article, about 30 of 25,000 files at 10,000 articles.
 *
 * A stored scan is used only for the same file as it was then: same size, modification and
 * change times (nanoseconds) and inode on the same device. Writing a file changes its change
 * time, and no program can set that back, so a file that was written since (by the build or by
 * hand) is always read again. The whole cache is dropped when `version` differs: the scanning
 * code, htmlparser2's version or the output folder changed. Only the per-file reading is kept:
 * every check across files (links, listings, feeds, search records) runs in full on every build.
 *
 * The file is one line per output file, `["file","identity"]<TAB>scan as JSON`, after a first
 * line with the version. It is read as one Buffer (the lines of 130,000 pages exceed what one
 * string may hold) and each line is decoded only when its file is unchanged.
 */

export interface ScanCache {
  /** The stored scan (JSON) of `file`, if it was stored for the same `identity`. */
  lookup(file: string, identity: string): string | undefined;
  /** Records the scan (JSON) of `file` for the next audit, in the order the audit reads files. */
  keep(file: string, identity: string, scan: string): void;
  /** Replaces the stored scans with those kept in this audit. */
  save(): void;
  /** Lets go of the file being written, if `save` was not called (the audit stopped). */
  close(): void;
}

/** Size, modification and change times and inode of a file: changes whenever its bytes may have. */
export function fileIdentity(path: string): string {
  const stat = statSync(path, { bigint: true });
  return `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`;
}

const NEWLINE = 0x0a;

function readLines(path: string, version: string): Map<string, { identity: string; scan: Buffer }> {
  const lines = new Map<string, { identity: string; scan: Buffer }>();
  if (!existsSync(path)) return lines;
  const bytes = readFileSync(path);
  let end = bytes.indexOf(NEWLINE);
  if (end < 0 || bytes.toString('utf8', 0, end) !== JSON.stringify({ version })) return lines;
  for (let start = end + 1; start < bytes.length; start = end + 1) {
    end = bytes.indexOf(NEWLINE, start);
    if (end < 0) break; // a line cut short: the file was not written to the end
    const tab = bytes.indexOf(0x09, start);
    if (tab < 0 || tab > end) continue;
    const [file, identity] = JSON.parse(bytes.toString('utf8', start, tab)) as [string, string];
    lines.set(file, { identity, scan: bytes.subarray(tab + 1, end) });
  }
  return lines;
}

/** The cache in `path`, or one that stores nothing when `path` is undefined. */
export function openScanCache(path: string | undefined, version: string): ScanCache {
  if (!path) return { lookup: () => undefined, keep: () => {}, save: () => {}, close: () => {} };
  const stored = readLines(path, version);
  const partial = `${path}.partial`;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(partial, 'w');
  writeSync(fd, `${JSON.stringify({ version })}\n`);
  let pending = '';
  let open = true;
  const flush = () => {
    writeSync(fd, pending);
    pending = '';
  };
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    lookup(file, identity) {
      const found = stored.get(file);
      return found?.identity === identity ? found.scan.toString('utf8') : undefined;
    },
    keep(file, identity, scan) {
      pending += `${JSON.stringify([file, identity])}\t${scan}\n`;
      if (pending.length > 1 << 20) flush();
    },
    save() {
      flush();
      close();
      rmSync(path, { force: true });
      renameSync(partial, path);
    },
    close,
  };
}
