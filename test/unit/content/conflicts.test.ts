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

  test('two files of one name in different folders claim one URL', () => {
    const found = findConflicts([article('2023/kaigong'), article('2024/kaigong')], articlePath).map(formatProblem);
    expect(found).toEqual([
      'content/news/2024/kaigong.md: slug: 网址 /news/kaigong/ 与 content/news/2023/kaigong.md 重复 / the URL /news/kaigong/ is also claimed by content/news/2023/kaigong.md',
    ]);
  });

  test('sources that spell one slug are no conflict: each has its own (slug-assign)', () => {
    expect(findConflicts([article('a', { source: '泰州市商务局' }), article('b', { source: '台州市商务局' })], articlePath)).toEqual([]);
  });

  test('distinct names and slugs are fine', () => {
    expect(findConflicts([article('a', { slug: 'a' }), article('b', { slug: 'b', region: '苏州', zone: '苏州工业园区' })], articlePath)).toEqual([]);
  });
});

describe('findConflicts, old URLs', () => {
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
