import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openCheckCache } from '@/lib/build/check-cache';
import { checkContent, type FileResults } from '@/lib/content/content-check';
import { articlePath } from '@/lib/site/urls';
import { sitePlan } from '@/lib/site/site-plan';

/** `npm run check -- --cache` must report exactly what a check without it reports. */

const REGISTRY = `regions:
  - name: 盐城
zones:
  - name: 盐城经济技术开发区
    region: 盐城
    short: [盐城经开区]
`;

function article(title: string, extra = '', body = '正文。', zone = '盐城经开区'): string {
  return `---\ntitle: ${title}\ndate: 2023-04-07 09:30\nsource: 管委会\nzone: ${zone}\nregion: 盐城\n${extra}---\n${body}\n`;
}

function project() {
  const root = mkdtempSync(join(tmpdir(), 'devzone-check-cache-'));
  mkdirSync(join(root, 'content/news'), { recursive: true });
  mkdirSync(join(root, 'public/images'), { recursive: true });
  writeFileSync(join(root, 'public/images/a.jpg'), 'jpg');
  writeFileSync(join(root, 'content/registry.yaml'), REGISTRY);
  const write = (name: string, text: string) => writeFileSync(join(root, 'content/news', name), text);
  write(
    'a.md',
    article('甲', 'type: 图片新闻\ncover: /images/a.jpg\ncoverAlt: 图\n', '见[乙](/news/b/)与[丙](/news/c/)，![图](/images/a.jpg)'),
  );
  write('b.md', article('乙', '', '[坏](/news/no-such/)'));
  write('c.md', article('丙', 'draft: true\n'));
  write('d.md', article('丁', '', '正文。', '不存在的开发区'));
  return { root, write };
}

/** The check with and without the cache, and how many files the cached run checked afresh. */
function both(root: string, cacheFile: string) {
  const options = {
    rootDir: root,
    contentDir: 'content/news',
    articlePath,
    site: sitePlan(join(root, 'public'), new Date('2024-01-01T00:00:00+08:00')),
  };
  const fresh = checkContent(options);
  const cache = openCheckCache(cacheFile, 'code');
  let checked = 0;
  const counting = (source: string): FileResults => {
    const results = cache.results(source);
    return { get: results.get, set: (...args) => (checked++, results.set(...args)) };
  };
  const cached = checkContent({ ...options, cache: counting });
  cache.save();
  return {
    fresh: { problems: fresh.problems, articles: fresh.articles },
    cached: { problems: cached.problems, articles: cached.articles },
    checked,
  };
}

test('a cached run reports what an uncached one does: at first, unchanged, after an edit, after a registry or cover change', () => {
  const { root, write } = project();
  const cacheFile = join(root, 'cache/devzone-check.bin');
  const expectSame = (checked: number) => {
    const run = both(root, cacheFile);
    expect(run.cached).toEqual(run.fresh);
    expect(run.checked).toBe(checked);
    return run.fresh.problems.map((problem) => `${problem.file}:${problem.line}:${problem.field}`);
  };
  expect(expectSame(4)).toEqual(['content/news/d.md:5:zone', 'content/news/a.md:11:body', 'content/news/b.md:8:body']);
  expect(expectSame(0)).toHaveLength(3);
  write('b.md', article('乙', '', '[好](/news/a/)'));
  expect(expectSame(1)).toEqual(['content/news/d.md:5:zone', 'content/news/a.md:11:body']);
  writeFileSync(join(root, 'content/registry.yaml'), `${REGISTRY}  - name: 不存在的开发区\n    region: 盐城\n`);
  expect(expectSame(4)).toEqual(['content/news/a.md:11:body']);
  // The cover is gone: a.md is checked again, and b.md's link to it no longer resolves.
  rmSync(join(root, 'public/images/a.jpg'));
  expect(expectSame(1)).toEqual(['content/news/a.md:8:cover', 'content/news/b.md:8:body']);
});

test('a cache of other code, or a file that cannot be read back, is a cold start', () => {
  const { root } = project();
  const cacheFile = join(root, 'devzone-check.bin');
  both(root, cacheFile);
  const other = openCheckCache(cacheFile, 'other code').results(REGISTRY);
  expect(other.get('content/news/b.md', Buffer.from(article('乙', '', '[坏](/news/no-such/)')))).toBeUndefined();
  const same = openCheckCache(cacheFile, 'code').results(`${REGISTRY}\n`);
  expect(same.get('content/news/b.md', Buffer.from(article('乙', '', '[坏](/news/no-such/)')))).toBeUndefined();
  writeFileSync(cacheFile, 'not a cache');
  expect(openCheckCache(cacheFile, 'code').results(REGISTRY).get('content/news/b.md', Buffer.from(''))).toBeUndefined();
});
