import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { pageTable, readFragment } from '@/lib/search/page-table';
import { recordFields } from '@/lib/search/records';
import { indexTokens } from '@/lib/search/tokens';
import { article } from '../helpers';

const fragmentFile = (json: object) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]));

describe('readFragment', () => {
  test('reads the URL and word count of a Pagefind fragment', () => {
    expect(readFragment('und_1', fragmentFile({ url: '/news/a/', word_count: 42, content: '' }))).toEqual({
      hash: 'und_1',
      url: '/news/a/',
      wordCount: 42,
    });
  });

  test('fails on anything else, naming the fragment', () => {
    expect(() => readFragment('und_2', gzipSync(Buffer.from('{}')))).toThrow(/und_2: no pagefind_dcd signature/);
    expect(() => readFragment('und_3', fragmentFile({ url: '/x/' }))).toThrow(/und_3: no url or word_count/);
  });
});

describe('pageTable', () => {
  const a = recordFields(article('2024/a', { title: '盐城经开区 招商引资', region: '盐城', zone: '盐城经济技术开发区' }));
  const b = recordFields(article('2024/b', { region: '南京', zone: '江宁经济技术开发区' }));
  const fragments = [
    { hash: 'und_b', url: b.url, wordCount: 200 },
    { hash: 'und_a', url: a.url, wordCount: 100 },
  ];

  test("one row per record, in the records' order, each value once in its list", () => {
    const table = pageTable([a, b], fragments);
    expect(table.values.region).toEqual(['盐城', '南京']);
    expect(table.pages).toEqual([
      ['und_a', 0, 0, 0, 0, indexTokens(a.title).length, 100],
      ['und_b', 1, 1, 0, 0, indexTokens(b.title).length, 200],
    ]);
  });

  test('a record without its Pagefind page, or a page without its record, fails the build', () => {
    expect(() => pageTable([a, b], fragments.slice(0, 1))).toThrow(/2 articles but 1 Pagefind pages/);
    expect(() => pageTable([a, b], [fragments[0], { ...fragments[1], url: '/news/other/' }])).toThrow(/no page for \/news\/a\//);
  });
});
