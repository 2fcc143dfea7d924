import { describe, expect, test } from 'vitest';
import { redirectsFile } from '@/lib/site/redirects';
import { article } from '../helpers';

describe('redirectsFile', () => {
  test('one line per article with an old URL: its path, the new URL, 301; sorted', () => {
    const text = redirectsFile([
      article('b', { slug: 'b', legacyUrl: 'http://old.example.gov.cn/kfqxw/t2.html?id=2' }),
      article('a', { slug: 'a', legacyUrl: '/kfqxw/t1.html' }),
      article('c', { slug: 'c' }),
    ]);
    expect(text).toBe('/kfqxw/t1.html /news/a/ 301\n/kfqxw/t2.html /news/b/ 301\n');
  });

  test('an old path that already is the new URL is left out rather than looping', () => {
    expect(redirectsFile([article('a', { slug: 'a', legacyUrl: 'http://old.example.gov.cn/news/a/' })])).toBe('');
  });
});
