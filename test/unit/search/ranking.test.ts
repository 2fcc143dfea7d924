import { describe, expect, test } from 'vitest';
import {
  hitsAt,
  LENGTH_UNIT,
  occurrences,
  pageName,
  passes,
  phraseCover,
  phraseStarts,
  queryPlan,
  readTable,
  score,
  type SiteTable,
} from '@/lib/search/ranking';
import { indexTokens, phraseTerms, queryParts } from '@/lib/search/tokens';

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
  pages: { place: [0, 1, 0], type: [0, 0, 0], length: [9, 6, 28] },
  chunks: { from: ['q5408'], file: ['und_1a'], kb: [2] },
  groups: { term: [], file: [], kb: [] },
};

describe('the page table', () => {
  const pages = readTable(table);

  test('every page newest first, with its values; names count from the oldest', () => {
    expect(pages.map(({ name }) => name)).toEqual(['2', '1', '0']);
    expect(pages[2]).toEqual({
      name: '0',
      order: 2,
      facets: { region: '盐城', zone: '盐城经开区', type: '文字新闻', year: '2023' },
      words: 28 * LENGTH_UNIT,
    });
    expect(pages[1].facets.year).toBe('2024');
    // Base 36: short names however large the archive.
    expect([pageName(0, 100_000), pageName(99_999, 100_000), pageName(64_000, 100_000)]).toEqual(['255r', '0', 'rrz']);
  });

  test('a page passes the filters when it has every value they ask for', () => {
    const page = pages[1];
    expect(passes(page, {})).toBe(true);
    expect(passes(page, { region: '南京', year: '2024' })).toBe(true);
    expect(passes(page, { region: '南京', year: '2023' })).toBe(false);
  });
});

describe('queryPlan', () => {
  test('one search per part; a Chinese phrase is searched by its cover of words', () => {
    const [zhaoshang] = queryParts('招商引资');
    const words = phraseTerms('招商引资');
    const offsets = phraseCover(words.map(({ length }) => length));
    expect(queryPlan('招商引资 GDP 园区')).toEqual([
      { text: '招商引资', terms: zhaoshang, cover: offsets.map((offset) => ({ term: words[offset].term, offset })) },
      { text: 'GDP', terms: ['gdp'], cover: undefined },
      { text: '园区', terms: queryParts('园区')[0], cover: [{ term: phraseTerms('园区')[0].term, offset: 0 }] },
    ]);
    // Mixed with digits, the bigrams do not stand side by side in the text: an ordinary search.
    expect(queryPlan('2021年')[0].cover).toBeUndefined();
    expect(queryPlan('， ')).toEqual([]);
  });

  test('the cover of bigrams: every second one and the last, so every character is in one', () => {
    const bigrams = (count: number) => Array.from({ length: count }, () => 2);
    expect(phraseCover(bigrams(1))).toEqual([0]);
    expect(phraseCover(bigrams(2))).toEqual([0, 1]);
    expect(phraseCover(bigrams(3))).toEqual([0, 2]);
    expect(phraseCover(bigrams(4))).toEqual([0, 2, 3]);
    expect(phraseCover(bigrams(7))).toEqual([0, 2, 4, 6]);
    for (let count = 1; count < 12; count++) {
      const covered = new Set(phraseCover(bigrams(count)).flatMap((offset) => [offset, offset + 1]));
      expect(covered.size).toBe(count + 1);
    }
  });

  test('of the covers, the one whose words cost least: the rare words of a phrase, not its common ones', () => {
    // 经济技术开发区 in bigrams: 经济 济技 技术 术开 开发 发区; 技术 and 开发 are in most articles, 济技 and 术开 rarely.
    const kb = [150, 4, 170, 5, 180, 120];
    const bigrams = [2, 2, 2, 2, 2, 2];
    expect(phraseCover(bigrams, (offset) => kb[offset])).toEqual([0, 1, 3, 5]);
    expect(phraseCover(bigrams)).toEqual([0, 2, 4, 5]);
    // Where 经济 and 开发 are common, the index has 经济技 and 开发区 at their places; 开发区 reaches the end.
    expect(phraseCover([3, 2, 2, 2, 3, 2], (offset) => [30, 4, 170, 5, 40, 120][offset])).toEqual([0, 3, 4]);
    // A word that reaches the end alone is the whole cover when it costs least.
    expect(phraseCover([7, 6, 5, 4, 3, 2], (offset) => [10, 50, 50, 50, 50, 50][offset])).toEqual([0]);
    // Every cover takes the first word, one that reaches the last character, and covers each character.
    for (let count = 1; count < 12; count++) {
      for (let seed = 1; seed < 20; seed++) {
        const lengths = Array.from({ length: count }, (_, offset) => Math.min(count + 1 - offset, 2 + ((offset * 31 + seed) % 3)));
        const offsets = phraseCover(lengths, (offset) => ((offset * 7919 + seed * 104729) % 97) + 1);
        expect(offsets[0]).toBe(0);
        const last = offsets.at(-1) ?? 0;
        expect(last + lengths[last]).toBe(count + 1);
        for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeLessThanOrEqual(offsets[i - 1] + lengths[offsets[i - 1]]);
      }
    }
    const words = phraseTerms('经济技术开发区');
    const sizes = new Map(words.map(({ term }, i) => [term, kb[i]]));
    const chosen = queryPlan('经济技术开发区', (term) => sizes.get(term) ?? 0)[0].cover?.map(({ offset }) => offset);
    expect(chosen).toEqual(
      phraseCover(
        words.map(({ length }) => length),
        (offset) => kb[offset],
      ),
    );
  });
});

describe('phraseStarts', () => {
  // 产业集群 in bigrams is searched by 产业 (offset 0) and 集群 (offset 2).
  test('the phrase starts where each word of the cover stands at its offset', () => {
    expect(
      phraseStarts(
        [
          [3, 10, 40],
          [5, 20, 42],
        ],
        [0, 2],
      ),
    ).toEqual([3, 40]);
    expect(phraseStarts([[3], [4]], [0, 2])).toEqual([]);
    expect(phraseStarts([[7, 9]], [0])).toEqual([7, 9]);
  });

  test('on the index of real text: 产业集群 where it is, not 集群产业 nor 产业 集群', () => {
    const text = '推动产业集群发展。集群产业 产业 集群';
    const tokens = indexTokens(text);
    // The index reader finds the words that start with a search word.
    const positions = (term: string) => tokens.flatMap((token, i) => (token.startsWith(term) ? [i] : []));
    const plan = queryPlan('产业集群')[0];
    const offsets = (plan.cover ?? []).map(({ offset }) => offset);
    const starts = phraseStarts(
      (plan.cover ?? []).map(({ term }) => positions(term)),
      offsets,
    );
    expect(starts).toEqual([2]);
    // In the title when the cover's last word is: the title's last matched position is that word's or later.
    const words = (offsets.at(-1) ?? 0) + 1;
    const lastWord = 2 + words - 1;
    expect(hitsAt(starts, words, lastWord)).toEqual({ count: 1, inTitle: true });
    expect(hitsAt(starts, words, lastWord - 1)).toEqual({ count: 1, inTitle: false });
  });
});

describe('occurrences', () => {
  test('a part of three words occurs where the three stand in a row; in the title when it ends within it', () => {
    // The title's last matched position is 9.
    expect(occurrences([2, 3, 4, 40, 41, 42, 60], 3, 9)).toEqual({ count: 2, inTitle: true });
    expect(occurrences([8, 9, 10, 40, 41, 42], 3, 9)).toEqual({ count: 2, inTitle: false });
    expect(occurrences([3, 5, 7], 2, 9)).toEqual({ count: 0, inTitle: false });
  });

  test('a part of one word occurs wherever it matched', () => {
    expect(occurrences([0, 5, 9], 1, 3)).toEqual({ count: 3, inTitle: true });
    expect(occurrences([5, 9], 1, -1)).toEqual({ count: 2, inTitle: false });
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
