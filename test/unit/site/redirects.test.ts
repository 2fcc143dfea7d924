import { describe, expect, test } from 'vitest';
import { parseCsv } from '@/lib/audit/bulk-redirects';
import { bulkRedirectsCsv, bulkRedirectsPath, csvField, redirectsFile, slugRedirects } from '@/lib/site/redirects';
import { buildSiteIndex } from '@/lib/site/site-index';
import { useSiteSlugs } from '@/lib/site/registry-slugs';
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

describe('slugRedirects', () => {
  test("a listing's old URL redirects page by page and its feed; an article's old URL; names with no page are left out", () => {
    useSiteSlugs({ source: new Map([['泰州日报', 'taizhou-daily']]) });
    const articles = ['a', 'b', 'c'].map((id) => article(id, { slug: id, source: '泰州日报' }));
    const index = buildSiteIndex(articles, 0, [
      { kind: 'source', name: '泰州日报', from: 'taizhouribao', to: 'taizhou-daily' },
      { kind: 'news', name: '盐城新闻', from: 'yanchengxinwen', to: 'a' },
      // A draft's name: no page to redirect to.
      { kind: 'source', name: '台州日报', from: 'taizhouribao-2', to: 'taizhou-evening' },
      { kind: 'news', name: '草稿', from: 'caogao', to: 'caogao-2' },
    ]);
    const moved = slugRedirects(index, 2);
    useSiteSlugs({});
    expect(redirectsFile([], moved)).toBe(
      [
        '/news/yanchengxinwen/ /news/a/ 301',
        '/sources/taizhouribao/ /sources/taizhou-daily/ 301',
        '/sources/taizhouribao/page/2/ /sources/taizhou-daily/page/2/ 301',
        '/sources/taizhouribao/rss.xml /sources/taizhou-daily/rss.xml 301',
        '',
      ].join('\n'),
    );
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
