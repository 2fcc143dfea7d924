import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  emptyOutput,
  fileClock,
  contentHash,
  entryKey,
  outputContent,
  outputDigest,
  outputEntries,
  pruneOutput,
  readOutputStamp,
  trustedOutput,
  writeOutputStamp,
} from '@/lib/build/output-state';

let dir: string;
let cache: string;
const skip = new Set(['.git', 'pagefind']);

function write(file: string, text = file, ageSeconds = 0): void {
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  if (ageSeconds) {
    const then = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(path, then, then);
  }
}

const files = () => outputEntries(dir, new Set()).map((entry) => entry.file);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'output-state-'));
  cache = mkdtempSync(join(tmpdir(), 'output-state-cache-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe('pruneOutput', () => {
  test('removes the files written before the build that it did not keep, and the folders left empty', () => {
    write('news/old/index.html', 'old', 60);
    write('news/kept/index.html', 'kept', 60);
    write('public.txt', '', 60);
    write('pagefind/shard/old.pf_fragment', 'x', 60);
    write('.git/HEAD', 'ref', 60);
    const since = fileClock(dir);
    write('news/new/index.html');
    write('_astro/site.css');

    const { entries, removed } = pruneOutput(dir, { since, kept: new Set(['news/kept/index.html', 'public.txt']), skip });

    expect(removed).toBe(1);
    expect(files()).toEqual([
      '.git/HEAD',
      '_astro/site.css',
      'news/kept/index.html',
      'news/new/index.html',
      'pagefind/shard/old.pf_fragment',
      'public.txt',
    ]);
    expect(existsSync(join(dir, 'news/old'))).toBe(false);
    // The stamp covers what remains, the skipped folders aside.
    expect(entries.map((entry) => entry.file)).toEqual(['_astro/site.css', 'news/kept/index.html', 'news/new/index.html', 'public.txt']);
  });

  test('keeps the files written after the clock was read, the moment itself included', () => {
    const since = fileClock(dir);
    write('a.html');
    expect(readdirSync(dir)).toEqual(['a.html']); // the clock's marker is gone
    expect(pruneOutput(dir, { since, kept: new Set(), skip }).removed).toBe(0);
    expect(pruneOutput(dir, { since: since + 10n ** 12n, kept: new Set(), skip }).removed).toBe(1);
  });
});

describe('trustedOutput', () => {
  function stamped(withContent = true): void {
    const entries = outputEntries(dir, skip);
    const { content } = outputContent(dir, entries, new Map());
    writeOutputStamp(cache, {
      state: 'done',
      outDir: dir,
      files: entries.length,
      digest: outputDigest(entries),
      ...(withContent ? { content } : {}),
    });
  }
  const trusted = () => trustedOutput(readOutputStamp(cache), dir, skip);

  /** What a cache restore does: the same bytes in new files (new inodes, change and modification times). */
  function restore(): void {
    cpSync(dir, `${dir}-archive`, { recursive: true });
    rmSync(dir, { recursive: true });
    renameSync(`${dir}-archive`, dir);
  }

  beforeEach(() => {
    write('index.html', 'a', 60);
    write('news/a/index.html', 'a', 60);
  });

  test('trusts the folder as the stamp recorded it without reading it, search bundle and .git aside', () => {
    stamped();
    write('pagefind/new-shard/x', 'x');
    const found = trusted();
    expect(found?.how).toBe('unchanged');
    expect(found?.read).toBe(0);
    // It hands on the recorded hashes, so the next stamp reads none of these files.
    const entries = outputEntries(dir, skip);
    expect(outputContent(dir, entries, found?.known ?? new Map()).hashed).toBe(0);
    expect(trustedOutput(readOutputStamp(cache), `${dir}-other`, skip)).toBeUndefined();
  });

  test('trusts a restored folder, new times and inodes, by its content', () => {
    stamped();
    restore();
    const found = trusted();
    expect(found?.how).toBe('same content');
    expect(found?.read).toBe(2);
    const entries = outputEntries(dir, skip);
    expect(found?.known.get(entryKey(entries[0]))).toBe(contentHash(join(dir, entries[0].file)));
    expect(outputContent(dir, entries, found?.known ?? new Map()).hashed).toBe(0);
  });

  test.each([
    ['a file rewritten with the same size', () => write('news/a/index.html', 'b')],
    ['a file added', () => write('news/b/index.html', 'b', 60)],
    ['a file removed', () => rmSync(join(dir, 'news/a/index.html'))],
    ['a file renamed', () => renameSync(join(dir, 'news/a/index.html'), join(dir, 'news/a/index.htm'))],
    ['the folder deleted', () => rmSync(dir, { recursive: true })],
  ])('does not trust it after %s, restored or not', (_, change) => {
    stamped();
    change();
    expect(trusted()).toBeUndefined();
    if (existsSync(dir)) {
      restore();
      expect(trusted()).toBeUndefined();
    }
  });

  test('does not trust a restored folder by its times when the stamp records no content', () => {
    stamped(false);
    expect(trusted()?.how).toBe('unchanged');
    restore();
    expect(trusted()).toBeUndefined();
  });

  test('does not trust a build that has not finished, nor a missing stamp', () => {
    expect(trustedOutput(undefined, dir, skip)).toBeUndefined();
    expect(trustedOutput({ state: 'building', outDir: dir }, dir, skip)).toBeUndefined();
  });
});

describe('outputContent', () => {
  test('records each file as size and content hash, reading only the files it does not know', () => {
    write('a.html', 'aaa');
    write('b.html', 'b');
    const entries = outputEntries(dir, skip);
    const first = outputContent(dir, entries, new Map());
    expect(first.hashed).toBe(2);
    expect(first.content['a.html']).toBe(`3:${contentHash(join(dir, 'a.html'))}`);
    expect(contentHash(join(dir, 'a.html'))).not.toBe(contentHash(join(dir, 'b.html')));
    const known = new Map([[entryKey(entries[0]), 'recorded']]);
    const second = outputContent(dir, entries, known);
    expect(second.hashed).toBe(1);
    expect(second.content['a.html']).toBe('3:recorded');
  });
});

test('emptyOutput removes everything but .git', () => {
  write('.git/HEAD');
  write('index.html');
  write('pagefind/a/b');
  emptyOutput(dir, new Set(['.git']));
  expect(files()).toEqual(['.git/HEAD']);
});
