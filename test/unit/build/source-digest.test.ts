import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { sourceDigest, sourceFiles } from '@/lib/build/source-digest';

let root: string;

function write(file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'source-digest-'));
  write('src/lib/content/schema.ts', 'export const a = 1;\n');
  write('src/lib/content/deep/markdown.ts', 'export const b = 2;\n');
  write('src/lib/feeds/feed-mapping.ts', 'export const c = 3;\n');
  write('package-lock.json', '{}\n');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const LIST = ['src/lib/content', 'package-lock.json'];

test('a folder stands for every file under it; the list is sorted, whatever order it was given in', () => {
  expect(sourceFiles(root, LIST)).toEqual(['package-lock.json', 'src/lib/content/deep/markdown.ts', 'src/lib/content/schema.ts']);
  expect(sourceDigest(root, [...LIST].reverse())).toBe(sourceDigest(root, LIST));
});

test('changes with any byte of a listed file, at any depth', () => {
  const before = sourceDigest(root, LIST);
  write('src/lib/content/deep/markdown.ts', 'export const b = 3;\n');
  expect(sourceDigest(root, LIST)).not.toBe(before);
  write('src/lib/content/deep/markdown.ts', 'export const b = 2;\n');
  expect(sourceDigest(root, LIST)).toBe(before);
  write('package-lock.json', '{ }\n');
  expect(sourceDigest(root, LIST)).not.toBe(before);
});

test('changes when a file is added to a listed folder or renamed in it', () => {
  const before = sourceDigest(root, LIST);
  write('src/lib/content/dates.ts', '');
  const added = sourceDigest(root, LIST);
  expect(added).not.toBe(before);
  rmSync(join(root, 'src/lib/content/dates.ts'));
  write('src/lib/content/times.ts', '');
  expect(sourceDigest(root, LIST)).not.toBe(added);
});

test('does not change with a file outside the list', () => {
  const before = sourceDigest(root, LIST);
  write('src/lib/feeds/feed-mapping.ts', 'export const c = 4;\n');
  write('src/lib/feeds/opml.ts', '');
  expect(sourceDigest(root, LIST)).toBe(before);
});

test('a missing file is not an empty one', () => {
  rmSync(join(root, 'package-lock.json'));
  const missing = sourceDigest(root, LIST);
  write('package-lock.json', '');
  expect(sourceDigest(root, LIST)).not.toBe(missing);
  expect(sourceFiles(root, LIST)).toContain('package-lock.json');
});
