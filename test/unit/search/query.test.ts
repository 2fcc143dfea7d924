import { describe, expect, test } from 'vitest';
import { countFacets, filterOptions, bodyOf, excerpt, readSearchState, searchQueryString, type SearchState } from '@/lib/search/query';

const state = (overrides: Partial<SearchState> = {}): SearchState => ({ q: '', filters: {}, order: 'relevance', ...overrides });

describe('search state in the URL', () => {
  test('reads the query, known filters and the order', () => {
    expect(readSearchState(new URLSearchParams('q=+招商引资+&zone=盐城经济技术开发区&year=2023&colour=red&sort=date'))).toEqual({
      q: '招商引资',
      filters: { zone: '盐城经济技术开发区', year: '2023' },
      order: 'date',
    });
  });

  test('writes only what is set, and reads back the same state', () => {
    const shared = state({ q: '经开区', filters: { region: '盐城' } });
    expect(searchQueryString(shared)).toBe('?q=%E7%BB%8F%E5%BC%80%E5%8C%BA&region=%E7%9B%90%E5%9F%8E');
    expect(readSearchState(new URLSearchParams(searchQueryString(shared)))).toEqual(shared);
    expect(searchQueryString(state())).toBe('');
  });
});

describe('bodyOf', () => {
  test('drops the title and meta line from a record text', () => {
    expect(bodyOf('标题 发布时间 2023-04-07 来源 某局 发布开发区 某区 地区 盐城 正文', '标题', '盐城')).toBe('正文');
  });
});

describe('excerpt', () => {
  const text = `${'前文'.repeat(30)}合肥高新区的招商引资成效明显，招商引资项目${'后文'.repeat(60)}`;

  test('marks every occurrence near the first one, with ellipses where text was cut', () => {
    const pieces = excerpt(text, '招商引资', 40);
    expect(pieces[0]).toEqual({ text: '…', mark: false });
    expect(pieces.at(-1)).toEqual({ text: '…', mark: false });
    expect(pieces.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['招商引资', '招商引资']);
    expect(pieces.map((piece) => piece.text).join('')).toContain('合肥高新区的招商引资成效明显');
  });

  test('marks each part of a query with spaces; Latin ignores case', () => {
    const marked = excerpt('园区 GDP 增长，产业升级', 'gdp 产业').filter((piece) => piece.mark);
    expect(marked.map((piece) => piece.text)).toEqual(['GDP', '产业']);
  });

  test('a phrase that starts inside the excerpt is marked whole', () => {
    const pieces = excerpt(`${'前'.repeat(5)}招商引资${'后'.repeat(20)}`, '招商引资', 4);
    expect(pieces.find((piece) => piece.mark)?.text).toBe('招商引资');
  });

  test('the start of the text when the query does not occur in it', () => {
    expect(excerpt('开发区新闻', '招商')).toEqual([{ text: '开发区新闻', mark: false }]);
  });
});

describe('filter values and counts', () => {
  test('counts every value of every filter', () => {
    const item = (region: string, year: string) => ({ region, zone: `${region}开发区`, type: '文字新闻', year });
    expect(countFacets([item('盐城', '2023'), item('南京', '2023'), item('盐城', '2024')])).toEqual({
      region: { 盐城: 2, 南京: 1 },
      zone: { 盐城开发区: 2, 南京开发区: 1 },
      type: { 文字新闻: 3 },
      year: { 2023: 2, 2024: 1 },
    });
  });

  test('options: years newest first, names in pinyin order, a chosen value always there', () => {
    expect(filterOptions('year', { 2022: 1, 2024: 2, 2023: 3 })).toEqual([
      ['2024', 2],
      ['2023', 3],
      ['2022', 1],
    ]);
    expect(filterOptions('region', { 盐城: 1, 南京: 2, 常州: 3 }).map(([value]) => value)).toEqual(['常州', '南京', '盐城']);
    expect(filterOptions('zone', { 甲: 1 }, '乙')).toEqual([
      ['乙', 0],
      ['甲', 1],
    ]);
  });
});
