import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseArticleFile } from '@/lib/content/article-file';
import { parseRegistry } from '@/lib/content/registry';
import { buildArticle, DRAFT_INDEX } from '../../../scripts/corpus/generated-article.ts';
import { mergeRegistry } from '../../../scripts/corpus/registry-merge.ts';
import { parseArgs, UsageError } from '../../../scripts/generate.ts';

const encode = (text: string) => new TextEncoder().encode(text);

describe('corpus generator', () => {
  test('is deterministic: the same seed and index give the same file', () => {
    expect(buildArticle(1, 42)).toEqual(buildArticle(1, 42));
    expect(buildArticle(2, 42).text).not.toBe(buildArticle(1, 42).text);
  });

  test('every generated article passes the site schema and the registry the generator writes', () => {
    const { registry, problems } = parseRegistry('registry.yaml', mergeRegistry(undefined) as string);
    expect(problems).toEqual([]);
    for (let index = 0; index < 300; index++) {
      const { path, text } = buildArticle(1, index);
      const result = parseArticleFile(path, encode(text), { registry });
      expect(result.ok ? [] : result.problems, path).toEqual([]);
    }
  });

  test('file names are unique and dated like their article', () => {
    const paths = Array.from({ length: 500 }, (_, index) => buildArticle(3, index).path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^(\d{4})\/\1-\d{2}-\d{2}-[a-z]+-\d{5}\.md$/);
  });

  test('the sample has exactly one draft, at the documented index', () => {
    const drafts = Array.from({ length: 96 }, (_, index) => index).filter((index) => /^draft: true$/m.test(buildArticle(1, index).text));
    expect(drafts).toEqual([DRAFT_INDEX]);
  });

  test('completes an existing registry without touching what is there', () => {
    const existing =
      '# hand-kept\nregions:\n  - name: 盐城\n    slug: yc\nzones:\n  - name: 盐城经济技术开发区\n    region: 盐城\n    short: [开发区]\n';
    const merged = mergeRegistry(existing) as string;
    expect(merged.startsWith('# hand-kept\nregions:\n  - name: 盐城\n    slug: yc\n')).toBe(true);
    const { registry, problems } = parseRegistry('registry.yaml', merged);
    expect(problems).toEqual([]);
    expect(registry.entries.zone.get('盐城经济技术开发区')?.short).toEqual(['开发区']);
    expect(registry.entries.zone.get('苏州工业园区')?.short).toEqual(['园区']);
    expect(mergeRegistry(merged)).toBeUndefined();
  });

  test('the sample registry is what the generator writes for the sample', () => {
    expect(readFileSync(join(import.meta.dirname, '../../../content/registry.yaml'), 'utf8')).toBe(mergeRegistry(undefined));
  });

  test('refuses bad flags', () => {
    expect(() => parseArgs(['--count', '0'])).toThrow(UsageError);
    expect(() => parseArgs(['--nope'])).toThrow(UsageError);
    expect(parseArgs(['--count', '5', '--out', 'x'])).toMatchObject({ count: 5, out: 'x' });
  });
});
