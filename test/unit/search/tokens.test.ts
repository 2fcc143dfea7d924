import { describe, expect, test } from 'vitest';
import { decodeTokens, GAP, indexTokens, isChinesePhrase, queryParts } from '@/lib/search/tokens';

/** The readable form of tokens: Han tokens decoded one by one. */
const readable = (tokens: string[]) => tokens.map((token) => (token.startsWith('q') ? decodeTokens(token) : token));

describe('indexTokens', () => {
  test('cuts Chinese into overlapping bigrams, then the last character alone', () => {
    expect(readable(indexTokens('招商引资'))).toEqual(['招商', '商引', '引资', '资']);
  });

  test('a lone character is its own token', () => {
    expect(readable(indexTokens('2019年，盐城'))).toEqual(['2019', '年', '，', '盐城', '城']);
  });

  test('Han tokens are lower-case ASCII words that no segmenter or stemmer splits', () => {
    for (const token of indexTokens('合肥高新区𠀾产业')) expect(token).toMatch(/^q[0-9a-f]+z?$/);
  });

  test("a lone character's token is the start of no bigram's token", () => {
    // Pagefind searches a word that no page has as the longest indexed word it starts with: a
    // bigram missing from the index must not fall back to a lone character (甲乙 to the 甲 of 甲，).
    const tokens = indexTokens('甲，丙丁。合肥高新区、园区 区 𠀾产业');
    const bigramTokens = tokens.filter((token) => /^q[0-9a-f]+$/.test(token));
    const lone = tokens.filter((token) => token.endsWith('z'));
    expect(lone.length).toBeGreaterThan(3);
    expect(bigramTokens.length).toBeGreaterThan(5);
    for (const bigram of [...bigramTokens, ...queryParts('甲乙 丙丁 园区 产业').flat()]) {
      for (const alone of lone) expect(bigram.startsWith(alone), `${bigram} starts with ${alone}`).toBe(false);
    }
    // A one-character query still finds the lone character, as the start of its token.
    const [[jia]] = queryParts('甲');
    expect(lone.some((token) => token.startsWith(jia))).toBe(true);
  });

  test('white space next to Chinese becomes a GAP word; between other words it only separates them', () => {
    expect(readable(indexTokens('经济 开发区'))).toEqual(['经济', '济', GAP, '开发', '发区', '区']);
    expect(readable(indexTokens('GDP 10.5% 增长'))).toEqual(['GDP', '10.5%', GAP, '增长', '长']);
  });

  test('every Chinese phrase a text contains is a run of consecutive tokens of that text', () => {
    const text = '合肥高新区推出企业服务“直通车”，经开区、高新区是区域经济发展的“排头兵”。2019年实现GDP增长11.3%。';
    const tokens = indexTokens(text).join(' ');
    const chars = [...text];
    for (let start = 0; start < chars.length; start++) {
      for (let length = 2; length <= 8 && start + length <= chars.length; length++) {
        const phrase = chars.slice(start, start + length).join('');
        if (!/^\p{Script=Han}+$/u.test(phrase)) continue;
        expect(tokens).toContain(queryParts(phrase)[0].join(' '));
      }
    }
  });
});

describe('decodeTokens', () => {
  test.each([
    '招商引资',
    '合肥高新区推出企业服务“直通车”',
    '2019年，合肥高新区实现规上工业总产值1410.3亿元，同比增长11.3%。',
    '经济 开发区 产业',
    'GDP 10.5% 增长 and AI',
    '第三方 A 轮 融资',
    '𠀾字与汉字',
    '济 济南',
  ])('gives back the text: %s', (text) => {
    expect(decodeTokens(indexTokens(text).join(' '))).toBe(text);
  });

  test('runs of white space come back as one space; word joiners in the text are dropped', () => {
    expect(decodeTokens(indexTokens('经济\n\n开发区\u2060产业').join(' '))).toBe('经济 开发区产业');
  });
});

describe('queryParts', () => {
  test('a phrase is its bigrams only: the lone last character stands only at the end of a run', () => {
    expect(queryParts('招商引资').map(readable)).toEqual([['招商', '商引', '引资']]);
    expect(queryParts('链').map(readable)).toEqual([['链']]);
  });

  test('every single character of a text is the start of one of its tokens', () => {
    const tokens = indexTokens('产业链，链长制');
    for (const char of '产业链长制') expect(tokens.some((token) => token.startsWith(queryParts(char)[0][0]))).toBe(true);
  });

  test('one list of tokens per space-separated part', () => {
    expect(queryParts('经济开发区 产业').map(readable)).toEqual([['经济', '济开', '开发', '发区'], ['产业']]);
  });

  test('leaves out punctuation, which nothing is indexed for', () => {
    expect(queryParts('“直通车”').map(readable)).toEqual([['直通', '通车']]);
    expect(queryParts(' ，。 ')).toEqual([]);
  });
});

describe('isChinesePhrase', () => {
  test('Chinese of two characters or more, punctuation aside', () => {
    expect(isChinesePhrase('招商引资')).toBe(true);
    expect(isChinesePhrase('“直通车”')).toBe(true);
    expect(isChinesePhrase('链')).toBe(false);
    expect(isChinesePhrase('2021年')).toBe(false);
    expect(isChinesePhrase('GDP')).toBe(false);
  });
});
