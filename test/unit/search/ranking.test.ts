import { describe, expect, test } from 'vitest';
import { occurrences, passes, queryPlan, readTable, score, type SiteTable } from '@/lib/search/ranking';
import { queryParts } from '@/lib/search/tokens';

const table: SiteTable = {
  years: [
    ['2024', 2],
    ['2023', 1],
  ],
  places: [
    ['盐城', '盐城经开区'],
    ['南京', '江宁开发区'],
  ],
  types: ['文字新闻'],
  pages: [
    ['und_a', 0, 0, 10, 300],
    ['und_b', 1, 0, 8, 200],
    ['und_c', 0, 0, 12, 900],
  ],
};

describe('the page table', () => {
  const pages = readTable(table);

  test('every page by hash, with its values and place newest first', () => {
    expect([...pages.keys()]).toEqual(['und_a', 'und_b', 'und_c']);
    expect(pages.get('und_c')).toEqual({
      hash: 'und_c',
      order: 2,
      facets: { region: '盐城', zone: '盐城经开区', type: '文字新闻', year: '2023' },
      titleWords: 12,
      words: 900,
    });
    expect(pages.get('und_b')?.facets.year).toBe('2024');
  });

  test('a page passes the filters when it has every value they ask for', () => {
    const page = pages.get('und_b');
    if (!page) throw new Error('no und_b');
    expect(passes(page, {})).toBe(true);
    expect(passes(page, { region: '南京', year: '2024' })).toBe(true);
    expect(passes(page, { region: '南京', year: '2023' })).toBe(false);
  });
});

describe('queryPlan', () => {
  test('one search per part; a Chinese phrase of two bigrams or more is exact', () => {
    expect(queryPlan('招商引资 GDP 园区')).toEqual([
      { text: '招商引资', terms: queryParts('招商引资')[0], exact: true },
      { text: 'GDP', terms: ['GDP'], exact: false },
      { text: '园区', terms: queryParts('园区')[0], exact: false },
    ]);
    // Mixed with digits, the bigrams do not stand side by side in the text.
    expect(queryPlan('2021年')[0].exact).toBe(false);
    expect(queryPlan('， ')).toEqual([]);
  });
});

describe('occurrences', () => {
  test('a part of three words occurs where the three stand in a row; in the title when it ends within it', () => {
    expect(occurrences([2, 3, 4, 40, 41, 42, 60], 3, 10)).toEqual({ count: 2, inTitle: true });
    expect(occurrences([8, 9, 10, 40, 41, 42], 3, 10)).toEqual({ count: 2, inTitle: false });
    expect(occurrences([3, 5, 7], 2, 10)).toEqual({ count: 0, inTitle: false });
  });

  test('a part of one word occurs wherever it matched', () => {
    expect(occurrences([0, 5, 9], 1, 4)).toEqual({ count: 3, inTitle: true });
  });
});

describe('score', () => {
  const archive = { total: 1000, averageWords: 500 };

  test('a match in the title outranks any number of matches below it', () => {
    const title = score([{ count: 1, inTitle: true }], [300], { ...archive, words: 2000 });
    const body = score([{ count: 50, inTitle: false }], [300], { ...archive, words: 100 });
    expect(title).toBeGreaterThan(body);
  });

  test('more occurrences score higher, and the same count in a shorter page higher still', () => {
    const at = (count: number, words: number) => score([{ count, inTitle: false }], [300], { ...archive, words });
    expect(at(5, 500)).toBeGreaterThan(at(2, 500));
    expect(at(3, 200)).toBeGreaterThan(at(3, 1500));
  });

  test('a rare part counts for more than a common one (frequencies over the whole archive)', () => {
    const hits = [
      { count: 3, inTitle: false },
      { count: 0, inTitle: false },
    ];
    const swapped = [hits[1], hits[0]];
    expect(score(hits, [10, 900], { ...archive, words: 500 })).toBeGreaterThan(score(swapped, [10, 900], { ...archive, words: 500 }));
  });
});
