import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { pageNames, readFragment, shardRows, siteTable, type ShardRow } from '@/lib/search/page-table';
import { readTable } from '@/lib/search/ranking';
import { recordFields } from '@/lib/search/records';
import { indexTokens } from '@/lib/search/tokens';
import { fragmentJson } from '@/lib/audit/scan';
import { article } from '../helpers';

const fragmentFile = (json: object) => gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from(JSON.stringify(json))]));

describe('readFragment', () => {
  test('reads the URL and word count of a Pagefind fragment', () => {
    expect(readFragment('und_1', fragmentFile({ url: '/news/a/', word_count: 42, content: '' })).fragment).toEqual({
      hash: 'und_1',
      url: '/news/a/',
      wordCount: 42,
    });
  });

  test('gives the fragment back with its text as readers read it, not the indexed words', () => {
    const text = '盐城经开区 招商引资 2024年';
    const indexed = { url: '/news/a/', word_count: 9, content: indexTokens(text).join(' '), meta: { title: '招商' } };
    const { readable } = readFragment('und_1', fragmentFile(indexed));
    expect(JSON.parse(fragmentJson(readable) ?? '')).toEqual({ ...indexed, content: text });
    expect(readable.length).toBeLessThan(fragmentFile(indexed).length);
  });

  test('fails on anything else, naming the fragment', () => {
    expect(() => readFragment('und_2', gzipSync(Buffer.from('{}')))).toThrow(/und_2: no pagefind_dcd signature/);
    expect(() => readFragment('und_3', fragmentFile({ url: '/x/' }))).toThrow(/und_3: no url or word_count/);
    expect(() => readFragment('und_4', fragmentFile({ url: '/x/', word_count: 1 }))).toThrow(/und_4: no content/);
  });
});

describe('shardRows', () => {
  const a = recordFields(article('2024/a', { title: '盐城经开区 招商引资', region: '盐城', zone: '盐城经济技术开发区' }));
  const b = recordFields(article('2024/b', { region: '南京', zone: '江宁经济技术开发区' }));
  const fragments = [
    { hash: 'und_b', url: b.url, wordCount: 200 },
    { hash: 'und_a', url: a.url, wordCount: 100 },
  ];

  test("one row per record, in the records' order, with the title's search words", () => {
    expect(shardRows([a, b], fragments)).toEqual([
      ['und_a', '盐城', '盐城经济技术开发区', a.type, a.year, 100],
      ['und_b', '南京', '江宁经济技术开发区', b.type, b.year, 200],
    ]);
  });

  test('a record without its Pagefind page, or a page without its record, fails the build', () => {
    expect(() => shardRows([a, b], fragments.slice(0, 1))).toThrow(/2 articles but 1 Pagefind pages/);
    expect(() => shardRows([a, b], [fragments[0], { ...fragments[1], url: '/news/other/' }])).toThrow(/no page for \/news\/a\//);
  });
});

describe('siteTable', () => {
  const row = (hash: string, region: string, year: string): ShardRow => [hash, region, `${region}开发区`, '文字新闻', year, 300];

  test('the shards joined newest first: values once, years as runs of rows', () => {
    const shards = [
      { rows: [row('und_a', '盐城', '2025')] },
      { rows: [row('und_b', '南京', '2024'), row('und_c', '盐城', '2023'), row('und_d', '盐城', '2023')] },
    ];
    const chunks = [
      { from: 'q5408', hash: 'und_1a', bytes: 2048 },
      { from: 'q7532', hash: 'und_2b', bytes: 150_001 },
    ];
    const table = siteTable(shards, chunks, [{ term: 'q7532', hash: 'und_3c', bytes: 300_000 }]);
    expect(table).toEqual({
      years: [
        ['2025', 1],
        ['2024', 1],
        ['2023', 2],
      ],
      places: [
        ['盐城', '盐城开发区'],
        ['南京', '南京开发区'],
      ],
      types: ['文字新闻'],
      // 300 words in units of 32.
      pages: { place: [0, 1, 0, 0], type: [0, 0, 0, 0], length: [9, 9, 9, 9] },
      // The index's chunks, as the search page looks words up in them (index-reader.ts).
      chunks: { from: ['q5408', 'q7532'], file: ['und_1a', 'und_2b'], kb: [2, 147] },
      // Words that span many chunks, also in one file (merge-bundle.ts).
      groups: { term: ['q7532'], file: ['und_3c'], kb: [293] },
    });
    // What the search page reads back is what went in, each page under the name the merge gives it.
    const names = pageNames(shards);
    expect(names.map((map) => Object.fromEntries(map))).toEqual([{ und_a: '3' }, { und_b: '2', und_c: '1', und_d: '0' }]);
    const pages = readTable(table);
    expect(pages.find(({ name }) => name === names[1].get('und_c'))?.facets).toEqual({
      region: '盐城',
      zone: '盐城开发区',
      type: '文字新闻',
      year: '2023',
    });
    expect(pages.find(({ name }) => name === names[1].get('und_b'))?.order).toBe(1);
  });

  test('rows out of date order fail the build', () => {
    expect(() =>
      siteTable([{ rows: [row('und_a', '盐城', '2024'), row('und_b', '盐城', '2023'), row('und_c', '盐城', '2024')] }], [], []),
    ).toThrow(/und_c \(2024\) is out of date order/);
  });
});
