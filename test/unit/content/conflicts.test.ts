import { describe, expect, test } from 'vitest';
import { findConflicts } from '@/lib/content/conflicts';
import { articlePath } from '@/lib/site/urls';
import { formatProblem } from '@/lib/content/problems';
import { article } from '../helpers';

describe('findConflicts', () => {
  test('two articles with one URL name both files', () => {
    const found = findConflicts([article('2023/a', { slug: 'same' }), article('2024/b', { slug: 'same' })], articlePath).map(formatProblem);
    expect(found).toEqual([
      'content/news/2024/b.md: slug: 网址 /news/same/ 与 content/news/2023/a.md 重复 / the URL /news/same/ is also claimed by content/news/2023/a.md',
    ]);
  });

  test('two sources with one pinyin slug name both files and names', () => {
    // 盐城 and 延城 are both "yancheng". Regions and zones are checked in the registry instead.
    const found = findConflicts([
      article('a', { source: '盐城市商务局' }),
      article('b', { source: '延城市商务局' }),
      article('c', { source: '延城市商务局' }),
    ],
 articlePath);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'content/news/b.md', field: 'source' });
    expect(found[0].message).toContain('content/news/a.md');
    expect(found[0].message).toContain('yancheng');
  });

  test('distinct names and slugs are fine', () => {
    expect(findConflicts([article('a', { slug: 'a' }), article('b', { slug: 'b', region: '苏州', zone: '苏州工业园区' })], articlePath)).toEqual([]);
  });
});

describe('findConflicts, per article and per zone', () => {
  test('a file name that gives an unusable slug is reported', () => {
    const found = findConflicts([article('2023/page'), article('2023/2023')], articlePath);
    expect(found.map((problem) => [problem.file, problem.field])).toEqual([
      ['content/news/2023/2023.md', 'slug'],
      ['content/news/2023/page.md', 'slug'],
    ]);
  });

  test('two articles claiming one old URL are reported, whatever the host', () => {
    const found = findConflicts([
      article('a', { legacyUrl: 'http://old.example.gov.cn/kfqxw/t1.html' }),
      article('b', { legacyUrl: '/kfqxw/t1.html' }),
      article('c', { legacyUrl: 'http://old.example.gov.cn/kfqxw/t2.html' }),
    ],
 articlePath);
    expect(found.map(formatProblem)).toEqual([
      'content/news/b.md: legacyUrl: 旧网址 /kfqxw/t1.html 已由 content/news/a.md 使用 / the old URL /kfqxw/t1.html is also claimed by content/news/a.md',
    ]);
  });
});
