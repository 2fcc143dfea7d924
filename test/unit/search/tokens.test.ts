import { describe, expect, test } from 'vitest';
import {
  commonGrams,
  decodeTokens,
  GAP,
  indexTokens,
  isChinesePhrase,
  LONGEST_GRAM,
  phraseTerms,
  prefixTerms,
  queryParts,
  tokenChars,
} from '@/lib/search/tokens';

/** The characters of a Han token. */
const chars = (token: string) => (tokenChars(token) ?? []).join('');
/** The readable form of tokens: Han tokens decoded one by one. */
const readable = (tokens: string[]) => tokens.map((token) => (tokenChars(token) ? chars(token) : token));
/** No gram common: every word a bigram. */
const NONE = new Set<string>();

describe('indexTokens', () => {
  test('cuts Chinese into overlapping bigrams, then the last character alone', () => {
    expect(readable(indexTokens('招商引资', NONE))).toEqual(['招商', '商引', '引资', '资']);
  });

  test('a common gram runs on to the first gram that is not common, within its run', () => {
    const common = commonGrams('产业集 开发区');
    expect([...common].sort()).toEqual(['产业', '产业集', '开发', '开发区']);
    expect(readable(indexTokens('开发区产业集群', common))).toEqual(['开发区产', '发区', '区产业集群', '产业集群', '业集', '集群', '群']);
    // At the end of a run a common gram stops: the word is the rest of the run.
    expect(readable(indexTokens('发展产业，开发', common))).toEqual(['发展', '展产业', '产业', '业', '，', '开发', '发']);
    // Never longer than LONGEST_GRAM.
    const long = '一二三四五六七八九十';
    expect(chars(indexTokens(long, commonGrams(long))[0])).toBe(long.slice(0, LONGEST_GRAM));
    expect(chars(indexTokens(`甲${long}`, commonGrams(long))[0])).toBe(`甲${long}`.slice(0, LONGEST_GRAM));
  });

  test('the character before a common gram runs on through it', () => {
    const common = commonGrams('高新区');
    expect(readable(indexTokens('合肥高新区管委会', common))).toEqual([
      '合肥',
      '肥高新区管',
      '高新区管',
      '新区',
      '区管',
      '管委',
      '委会',
      '会',
    ]);
    // So a query that ends on the common gram reaches its end with 肥高新区, not with every 高新区…
    expect(phraseTerms('合肥高新区', common).map(({ term, length }) => [chars(term), length])).toEqual([
      ['合肥', 2],
      ['肥高新区', 4],
      ['高新区', 3],
      ['新区', 2],
    ]);
  });

  test('a word starts with the search words that find it among others (prefixTerms), its groups in the index', () => {
    const common = commonGrams('产业集 开发区');
    const [chanyejiqun] = indexTokens('产业集群', common);
    expect(prefixTerms(chanyejiqun, common).map(chars)).toEqual(['产业', '产业集']);
    expect(prefixTerms(indexTokens('集群', common)[0], common)).toEqual([]);
    // The character before a common gram: itself with the common gram's starts, as phraseTerms makes them.
    const [quchanyejiqun] = indexTokens('区产业集群', common);
    expect(chars(quchanyejiqun)).toBe('区产业集群');
    expect(prefixTerms(quchanyejiqun, common).map(chars)).toEqual(['区产业', '区产业集']);
    expect(phraseTerms('区产业集', common).map(({ term }) => chars(term))[0]).toBe('区产业集');
    // The lone last character, a bigram and words that are not Chinese are in no group.
    expect(prefixTerms(indexTokens('产', common)[0], commonGrams('产业'))).toEqual([]);
    expect(prefixTerms(indexTokens('区产', common)[0], common)).toEqual([]);
    expect(prefixTerms('gdp', common)).toEqual([]);
  });

  test('a lone character is its own token', () => {
    expect(readable(indexTokens('2019年，盐城', NONE))).toEqual(['2019', '年', '，', '盐城', '城']);
  });

  test('Han tokens are lower-case ASCII words that no segmenter or stemmer splits', () => {
    for (const token of indexTokens('合肥高新区𠀾产业')) expect(token).toMatch(/^q[0-9a-y]+z?$/);
    // Three base-35 digits a character from U+3400 on (合 U+5408 is 0x2008 = 6·35² + 24·35 + 10
    // after it); outside that, y and four digits of the code point (𠀾 U+2003E).
    expect(indexTokens('合肥', NONE)).toEqual(['q6oag0l', 'qg0lz']);
    expect(indexTokens('𠀾产', NONE)[0]).toBe('qy321o5jx');
    expect(readable(indexTokens('𠀾产〇豈', NONE))).toEqual(['𠀾产', '产〇', '〇豈', '豈']);
  });

  test('only Han tokens read back as characters', () => {
    for (const word of ['q', 'qz', 'q6o', 'q6oag0', 'gdp', 'qx00', 'qyzzzz', `q${'6oa'.repeat(LONGEST_GRAM + 1)}`])
      expect(tokenChars(word), word).toBeUndefined();
    expect(tokenChars(`q${'6oa'.repeat(LONGEST_GRAM)}`)).toHaveLength(LONGEST_GRAM);
  });

  test("a lone character's token is the start of no bigram's token", () => {
    // Pagefind searches a word that no page has as the longest indexed word it starts with: a
    // bigram missing from the index must not fall back to a lone character (甲乙 to the 甲 of 甲，).
    const tokens = indexTokens('甲，丙丁。合肥高新区、园区 区 𠀾产业');
    const bigramTokens = tokens.filter((token) => /^q[0-9a-y]+$/.test(token));
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
    expect(readable(indexTokens('经济 开发区', NONE))).toEqual(['经济', '济', GAP, '开发', '发区', '区']);
    expect(readable(indexTokens('GDP 10.5% 增长', NONE))).toEqual(['GDP', '10.5%', GAP, '增长', '长']);
  });

  test.each([
    ['no gram common', NONE],
    ['some common', commonGrams('高新区是 企业服务直 区域经济发展 经济发展的 发展的排头兵 新区')],
    ['the site’s list', undefined],
  ])(
    'where a text has a Chinese phrase, its words start with the phrase’s search words at the same places, grouped by them (%s)',
    (_, common) => {
      // One run of Chinese: a word at each character, so a character's place is its word's.
      const text = '合肥高新区推出企业服务直通车经开区高新区是区域经济发展的排头兵';
      const tokens = indexTokens(text, common);
      const all = [...text];
      for (let start = 0; start < all.length; start++) {
        for (let length = 2; length <= 9 && start + length <= all.length; length++) {
          const phrase = all.slice(start, start + length).join('');
          const terms = phraseTerms(phrase, common);
          expect(terms).toHaveLength(length - 1);
          terms.forEach(({ term, length: gram }, offset) => {
            expect(tokens[start + offset].startsWith(term), `${phrase}: ${chars(term)} at ${offset}`).toBe(true);
            expect(chars(term)).toBe(phrase.slice(offset, offset + gram));
            // A search word longer than a bigram that finds longer words is one the merge groups them by.
            if (gram > 2 && term !== tokens[start + offset]) expect(prefixTerms(tokens[start + offset], common)).toContain(term);
          });
        }
      }
    },
  );
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
    expect(decodeTokens(indexTokens(text, commonGrams('合肥高新区 招商引资 经济开发区 汉字与')).join(' '))).toBe(text);
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
