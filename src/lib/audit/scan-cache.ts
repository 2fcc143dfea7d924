import { createHash } from 'node:crypto';
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
 * hand) is always read again. A file whose identity differs but whose bytes hash to what they
 * hashed to when its scan was stored (a cache and output folder restored from an archive in CI:
 * every file new, the bytes the same) reuses its scan too: hashing a file costs a fraction of
 * scanning it, and equal bytes scan the same. The whole cache is dropped when `version` differs: the scanning
 * code, htmlparser2's version or the output folder changed. Only the per-file reading is kept:
 * every check across files (links, listings, feeds, search records) runs in full on every build.
 *
 * The file is one line per output file, `["file","identity","content"]<TAB>scan as JSON`, after a first
 * line with the version. It is read as one Buffer (the lines of 130,000 pages exceed what one
 * string may hold) and each line is decoded only when its file is unchanged.
 */

export interface ScanCache {
  /**
   * The stored scan (JSON) of `file` (at `path`), if it was stored for the same `identity`, or
   * for the same content when the identity differs (the file is then read and hashed).
   */
  lookup(file: string, identity: string, path: string): string | undefined;
  /** Records the scan (JSON) of `file` (at `path`) for the next audit, in the order the audit reads files. */
  keep(file: string, identity: string, path: string, scan: string): void;
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

/** Size and SHA-256 of a file's bytes. */
export function fileContent(path: string): string {
  const bytes = readFileSync(path);
  return `${bytes.length}:${createHash('sha256').update(bytes).digest('base64url')}`;
}

const NEWLINE = 0x0a;

interface StoredScan {
  identity: string;
  content: string | undefined;
  scan: Buffer;
}

function readLines(path: string, version: string): Map<string, StoredScan> {
  const lines = new Map<string, StoredScan>();
  if (!existsSync(path)) return lines;
  const bytes = readFileSync(path);
  let end = bytes.indexOf(NEWLINE);
  if (end < 0 || bytes.toString('utf8', 0, end) !== JSON.stringify({ version })) return lines;
  for (let start = end + 1; start < bytes.length; start = end + 1) {
    end = bytes.indexOf(NEWLINE, start);
    if (end < 0) break; // a line cut short: the file was not written to the end
    const tab = bytes.indexOf(0x09, start);
    if (tab < 0 || tab > end) continue;
    const [file, identity, content] = JSON.parse(bytes.toString('utf8', start, tab)) as [string, string, string?];
    lines.set(file, { identity, content, scan: bytes.subarray(tab + 1, end) });
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
  /** The content of files looked up, when known without reading them again at `keep`. */
  const contents = new Map<string, string>();
  const flush = () => {
    writeSync(fd, pending);
    pending = '';
  };
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    lookup(file, identity, path) {
      const found = stored.get(file);
      if (!found) return undefined;
      if (found.identity === identity) {
        if (found.content) contents.set(file, found.content);
        return found.scan.toString('utf8');
      }
      const content = fileContent(path);
      contents.set(file, content);
      return found.content === content ? found.scan.toString('utf8') : undefined;
    },
    keep(file, identity, path, scan) {
      const content = contents.get(file) ?? fileContent(path);
      contents.delete(file);
      pending += `${JSON.stringify([file, identity, content])}\t${scan}\n`;
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
