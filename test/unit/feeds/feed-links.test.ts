import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { feedLinks, feedTitle } from '@/lib/feeds/feed-links';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('feedTitle', () => {
  test('the site feed is named after the site; years read as years', () => {
    expect(feedTitle({ kind: 'all' })).toBe('开发区新闻');
    expect(feedTitle({ kind: 'year', name: '2023' })).toBe('2023 年 - 开发区新闻');
  });
});

describe('feedLinks', () => {
  test("a listing announces its own feed first, then the site's", () => {
    expect(feedLinks({ kind: 'region', name: '盐城' })).toEqual([
      { title: '盐城 - 开发区新闻', href: '/regions/yancheng/rss.xml' },
      { title: '开发区新闻', href: '/news/rss.xml' },
    ]);
  });

  test('the site feed is announced once', () => {
    expect(feedLinks()).toEqual([{ title: '开发区新闻', href: '/news/rss.xml' }]);
    expect(feedLinks({ kind: 'all' })).toEqual([{ title: '开发区新闻', href: '/news/rss.xml' }]);
  });
});

/** Every module of src/ (relative, `/` separators) that imports one of the feeds modules `names`. */
function importersOf(names: readonly string[]): string[] {
  const pattern = new RegExp(`from '[^']*/(${names.join('|')})(\\.ts)?'`);
  return readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|astro|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file).split(sep).join('/'))
    .sort();
}

test('only the feed routes reach the RSS mapping, so an edit in it re-renders no page', () => {
  // Astro renders a page again when any module its route imports changes (feed-links.ts).
  expect(importersOf(['feed-mapping', 'feed-responses', 'item-html'])).toEqual([
    'src/lib/feeds/feed-mapping.ts',
    'src/lib/feeds/feed-responses.ts',
    'src/pages/[section]/[term]/rss.xml.ts',
    'src/pages/news/rss.xml.ts',
  ]);
});
