import { describe, expect, test } from 'vitest';
import { bulkRedirectsProblems, parseCsv } from '@/lib/audit/bulk-redirects';

describe('parseCsv', () => {
  test('splits rows and fields; quoted fields keep commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,b,c\n"x,y","say ""hi""",\n"two\nlines",z\n')).toEqual([
      ['a', 'b', 'c'],
      ['x,y', 'say "hi"', ''],
      ['two\nlines', 'z'],
    ]);
  });

  test('CRLF line ends and a last row without one', () => {
    expect(parseCsv('a,b\r\nc,d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('an unclosed quote is an error', () => {
    expect(() => parseCsv('"a,b\n')).toThrow('not closed');
  });
});

describe('bulkRedirectsProblems', () => {
  const origin = 'https://news.example.org';
  const redirects = '/old/1.html /news/a/ 301\n/old/2,3.html /news/b/ 301\n';
  const csv =
    'old.example.gov.cn/old/1.html,https://news.example.org/news/a/,301,false,false,false,false\n"old.example.gov.cn/old/2,3.html",https://news.example.org/news/b/,301\n';
  const check = (input: { redirects?: string; csv?: string; limit?: number }) =>
    bulkRedirectsProblems({ redirects, csv: undefined, csvFile: 'dist.csv', origin, limit: 1, ...input });

  test('a CSV with the redirects of _redirects is right', () => {
    expect(check({ csv })).toEqual([]);
  });

  test('no CSV is right up to the limit, wrong above it', () => {
    expect(check({ limit: 2 })).toEqual([]);
    expect(check({ limit: 1 })).toEqual(['_redirects has 2 redirects, more than the 1 Cloudflare Pages applies, and there is no dist.csv']);
  });

  test('a redirect missing from the CSV, one too many, a target on another site', () => {
    const damaged = csv.replace('/news/b/', '/news/c/') + 'old.example.gov.cn/old/9.html,https://elsewhere.example/news/z/\n';
    expect(check({ csv: damaged })).toEqual([
      'dist.csv line 3: the target "https://elsewhere.example/news/z/" is not on https://news.example.org',
      'dist.csv lacks 1 redirect(s) of _redirects, such as /old/2,3.html /news/b/',
      'dist.csv has 1 redirect(s) that _redirects has not, such as /old/2,3.html /news/c/',
    ]);
  });

  test('a header row is a row without a path, and invalid CSV is said so', () => {
    expect(check({ csv: `source,target\n${csv}` })).toEqual(['dist.csv line 1: the source "source" has no path']);
    expect(check({ csv: '"unclosed' })).toEqual(['dist.csv is not valid CSV: a quoted field is not closed']);
  });
});
