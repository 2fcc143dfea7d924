import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The whole report of the last `npm run check -- --cache`, replayed when nothing it read has
 * changed since: an unchanged archive is then answered without reading or parsing a single
 * article (a pre-commit hook runs it on every commit). "Nothing changed" is the key below: the
 * name, size and modification time of every file under the content folder and under public/
 * (covers and linked files), the bytes of the registry and the slug lock, the check's code and its
 * options; and no scheduled article has become due since (`validUntil`). Any difference, and the
 * check runs as usual, with the per-file cache (src/lib/build/check-cache.ts) sparing the files
 * whose bytes are unchanged. Times and sizes, not bytes, decide here, as ESLint's default cache
 * strategy does: a checkout or a restored cache gives files new times, which only costs the usual run.
 */

export interface CheckRun {
  key: string;
  /** When the first scheduled article becomes due (ms since the epoch): the report no longer holds then. */
  validUntil?: number;
  stdout: string;
  stderr: string;
  status: number;
}

/** Every file under `dir` as `path size mtime` lines, sorted; nothing when it does not exist. */
export function folderSignature(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const stats = statSync(path);
      return `${path} ${stats.size} ${stats.mtimeMs}`;
    })
    .sort()
    .join('\n');
}

function bytesOf(path: string): string {
  try {
    return hash('sha1', readFileSync(path));
  } catch {
    return 'missing';
  }
}

/** The key of a run: what it read (see above) and how it was asked. */
export function checkRunKey({
  code,
  folders,
  files,
  options,
}: {
  /** The digest of the code that checks (sourceDigest). */
  code: string;
  /** Folders whose files' names, sizes and times count. */
  folders: readonly string[];
  /** Files whose bytes count. */
  files: readonly string[];
  options: readonly string[];
}): string {
  const parts = [code, options.join(' '), ...folders.map(folderSignature), ...files.map(bytesOf)];
  return hash('sha256', parts.join('\0'));
}

/** The last run's report, if it was made under `key` and still holds at `now`. */
export function keptRun(path: string, key: string, now: number): CheckRun | undefined {
  try {
    const run = JSON.parse(readFileSync(path, 'utf8')) as CheckRun;
    if (run.key !== key || (run.validUntil !== undefined && now >= run.validUntil)) return undefined;
    return run;
  } catch {
    return undefined;
  }
}

export function keepRun(path: string, run: CheckRun): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.partial`, JSON.stringify(run));
  renameSync(`${path}.partial`, path);
}
