import { hash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FileResult, FileResults } from '@/lib/content/content-check';

/**
 * The per-file results of `npm run check -- --cache` (checkContent's FileResults), kept in one
 * file between runs, like ESLint's --cache. An entry is the result of a file's bytes (by their
 * digest) under one code digest (src/lib/content, which makes every result) and one registry
 * text (which files zones and regions); a change to either starts the cache afresh. Checks across
 * files are never kept: checkContent makes them over every article each run.
 *
 * The file is written with v8.serialize, which keeps the dates of an article's fields as dates
 * and reads back ten times faster than JSON of the same size.
 */

interface Entry {
  /** The digest of the file's bytes. */
  digest: string;
  result: FileResult;
}

interface Stored {
  key: string;
  entries: Map<string, Entry>;
}

export interface CheckCache {
  /** The results for this registry text, for checkContent's `cache` option. */
  results: (registrySource: string) => FileResults;
  /** Writes the results of the files checked in this run (a file no longer checked is dropped), if any differ. */
  save: () => void;
}

function load(path: string): Stored | undefined {
  try {
    const stored = deserialize(readFileSync(path)) as Stored;
    return typeof stored?.key === 'string' && stored.entries instanceof Map ? stored : undefined;
  } catch {
    // Missing, or written by another version of Node: a cold run.
    return undefined;
  }
}

export function openCheckCache(path: string, codeDigest: string): CheckCache {
  const stored = load(path);
  let kept: Stored = { key: '', entries: new Map() };
  let changed = true;
  return {
    results(registrySource) {
      const key = hash('sha256', `${codeDigest}\0${registrySource}`);
      const old = stored?.key === key ? stored.entries : new Map<string, Entry>();
      kept = { key, entries: new Map() };
      changed = old !== stored?.entries;
      return {
        get(file, bytes) {
          const entry = old.get(file);
          if (!entry || entry.digest !== hash('sha1', bytes)) return undefined;
          kept.entries.set(file, entry);
          return entry.result;
        },
        set(file, bytes, result) {
          changed = true;
          kept.entries.set(file, { digest: hash('sha1', bytes), result });
        },
      };
    },
    save() {
      // Unchanged (every file as it was, none gone): rewriting megabytes would only cost time.
      if (!changed && kept.entries.size === stored?.entries.size) return;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.partial`, serialize(kept));
      renameSync(`${path}.partial`, path);
    },
  };
}
