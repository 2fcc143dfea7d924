import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  emptyOutput,
  fileClock,
  outputDigest,
  outputEntries,
  outputMatches,
  pruneOutput,
  readOutputStamp,
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

describe('outputMatches', () => {
  function stamped(): void {
    const entries = outputEntries(dir, skip);
    writeOutputStamp(cache, { state: 'done', outDir: dir, files: entries.length, digest: outputDigest(entries) });
  }

  test('trusts the folder as the stamp recorded it, search bundle and .git aside', () => {
    write('index.html', 'a', 60);
    write('news/a/index.html', 'a', 60);
    stamped();
    write('pagefind/new-shard/x', 'x');
    expect(outputMatches(readOutputStamp(cache), dir, skip)).toBe(true);
    expect(outputMatches(readOutputStamp(cache), `${dir}-other`, skip)).toBe(false);
  });

  test.each([
    ['a file rewritten with the same size', () => write('news/a/index.html', 'b')],
    ['a file added', () => write('news/b/index.html', 'b', 60)],
    ['a file removed', () => rmSync(join(dir, 'news/a/index.html'))],
    ['the folder deleted', () => rmSync(dir, { recursive: true })],
  ])('does not trust it after %s', (_, change) => {
    write('index.html', 'a', 60);
    write('news/a/index.html', 'a', 60);
    stamped();
    change();
    expect(outputMatches(readOutputStamp(cache), dir, skip)).toBe(false);
  });

  test('does not trust a build that has not finished, nor a missing stamp', () => {
    write('index.html', 'a', 60);
    expect(outputMatches(undefined, dir, skip)).toBe(false);
    expect(outputMatches({ state: 'building', outDir: dir }, dir, skip)).toBe(false);
  });
});

test('emptyOutput removes everything but .git', () => {
  write('.git/HEAD');
  write('index.html');
  write('pagefind/a/b');
  emptyOutput(dir, new Set(['.git']));
  expect(files()).toEqual(['.git/HEAD']);
});
