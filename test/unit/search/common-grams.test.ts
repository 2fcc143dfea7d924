import { describe, expect, test } from 'vitest';
import { commonGramList } from '@/lib/search/common-grams';
import { COMMON_GRAMS } from '@/lib/search/gram-list';
import { LONGEST_GRAM } from '@/lib/search/tokens';

describe('commonGramList', () => {
  const articles = [['产业集群发展', '开发区'], ['产业集聚', '开发区产业'], ['产业集群'], ['园区']];

  test('the longest grams in at least the share of articles whose start is common too', () => {
    // In 3 of 4 articles: 产业, 业集, 产业集; in 2: 集群, 开发, 发区, 业集群, 产业集群, 开发区; the rest in 1.
    expect(commonGramList(articles, 0.5)).toEqual(['业集群', '产业集群', '发区', '开发区', '集群']);
    expect(commonGramList(articles, 0.75)).toEqual(['业集', '产业集']);
    expect(commonGramList(articles, 1)).toEqual([]);
    // An article counts once, however often it has the gram.
    expect(commonGramList([['开发开发开发'], ['园区'], ['园林']], 0.5)).toEqual([]);
    // No longer than `longest`.
    expect(commonGramList([['开发开发开发'], ['开发开发开发']], 1, 4)).toEqual(['发开发开', '开发开发']);
  });

  test('the site’s list: grams of two characters to LONGEST_GRAM, none the start of another', () => {
    const grams = COMMON_GRAMS.split(' ');
    expect(grams.length).toBeGreaterThan(0);
    for (const gram of grams) {
      expect([...gram].length).toBeGreaterThanOrEqual(2);
      expect([...gram].length).toBeLessThanOrEqual(LONGEST_GRAM);
      expect(gram).toMatch(/^\p{Script=Han}+$/u);
    }
    expect(grams.filter((gram) => grams.some((other) => other !== gram && other.startsWith(gram)))).toEqual([]);
  });
});
