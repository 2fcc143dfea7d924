import { describe, expect, test } from 'vitest';
import { parseCsv } from '@/lib/audit/bulk-redirects';
import { bulkRedirectsCsv, bulkRedirectsPath, csvField, redirectsFile } from '@/lib/site/redirects';
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

describe('csvField', () => {
  test('quotes a field with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('old.example.gov.cn/a.html')).toBe('old.example.gov.cn/a.html');
    expect(csvField('old.example.gov.cn/a,b.html')).toBe('"old.example.gov.cn/a,b.html"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });
});

describe('bulkRedirectsCsv', () => {
  const articles = [
    article('b', { slug: 'b', legacyUrl: 'http://old.example.gov.cn:8080/kfqxw/t2,3.html?id=2' }),
    article('a', { slug: 'a', legacyUrl: '/kfqxw/t1.html' }),
    article('c', { slug: 'c' }),
    article('d', { slug: 'd', legacyUrl: 'https://old.example.gov.cn/news/d/' }),
  ];

  test('has no header row: every row is a redirect of _redirects, in its order', () => {
    const rows = parseCsv(bulkRedirectsCsv(articles));
    expect(rows.map((row) => row[0])).toEqual(['news.example.org/kfqxw/t1.html', 'old.example.gov.cn/kfqxw/t2,3.html']);
  });

  test('source: host and path, no scheme, port or query; target: the absolute URL; 301 and every option off', () => {
    expect(parseCsv(bulkRedirectsCsv(articles))).toEqual([
      ['news.example.org/kfqxw/t1.html', 'https://news.example.org/news/a/', '301', 'false', 'false', 'false', 'false'],
      ['old.example.gov.cn/kfqxw/t2,3.html', 'https://news.example.org/news/b/', '301', 'false', 'false', 'false', 'false'],
    ]);
  });

  test('a source with a comma is quoted, so the row keeps seven fields', () => {
    expect(bulkRedirectsCsv(articles)).toContain('"old.example.gov.cn/kfqxw/t2,3.html",https://news.example.org/news/b/,301,');
  });

  test('is empty without redirects', () => {
    expect(bulkRedirectsCsv([article('c', { slug: 'c' })])).toBe('');
  });
});

describe('bulkRedirectsPath', () => {
  test('is beside the output folder, named after it', () => {
    expect(bulkRedirectsPath('/site/dist')).toBe('/site/dist.cloudflare-bulk-redirects.csv');
    expect(bulkRedirectsPath('/site/dist/')).toBe('/site/dist.cloudflare-bulk-redirects.csv');
  });
});
