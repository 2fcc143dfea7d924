import { describe, expect, test } from 'vitest';
import { searchResultsStatus } from '@/lib/site/labels';

describe('searchResultsStatus', () => {
  const found = { query: '招商引资', filtered: false, byDate: false, count: 12 };

  test('results for a query say how many and in which order', () => {
    expect(searchResultsStatus(found)).toBe('找到 12 篇包含“招商引资”的新闻，最相关的在前。');
    expect(searchResultsStatus({ ...found, byDate: true })).toBe('找到 12 篇包含“招商引资”的新闻，最新发布的在前。');
  });

  test('filters are mentioned, with or without results', () => {
    expect(searchResultsStatus({ ...found, filtered: true })).toBe('找到 12 篇包含“招商引资”的新闻（已按筛选条件），最相关的在前。');
    expect(searchResultsStatus({ ...found, filtered: true, count: 0 })).toBe(
      '没有找到包含“招商引资”的新闻（已按筛选条件）。请检查错别字，换一个更短的词，或去掉筛选条件。',
    );
  });

  test('no result for a query suggests how to find some', () => {
    expect(searchResultsStatus({ ...found, count: 0 })).toBe(
      '没有找到包含“招商引资”的新闻。请检查错别字，换一个更短的词，或去掉筛选条件。',
    );
  });

  test('without a query, filtered articles are always newest first', () => {
    const filteredOnly = { query: '', filtered: true, count: 3 };
    expect(searchResultsStatus({ ...filteredOnly, byDate: false })).toBe('共 3 篇新闻符合筛选条件，最新发布的在前。');
    expect(searchResultsStatus({ ...filteredOnly, byDate: true })).toBe('共 3 篇新闻符合筛选条件，最新发布的在前。');
    expect(searchResultsStatus({ ...filteredOnly, byDate: false, count: 0 })).toBe('没有符合筛选条件的新闻。');
  });
});
