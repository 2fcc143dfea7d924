import { describe, expect, test } from 'vitest';
import { isVisible, sortArticles, withoutFutureUpdate } from '@/lib/content/article';
import { article } from '../helpers';

const now = new Date('2024-01-01T00:00:00+08:00');

describe('publication', () => {
  test('drafts and scheduled articles are hidden from production builds', () => {
    expect(isVisible(article('a'), { now, preview: false })).toBe(true);
    expect(isVisible(article('b', { draft: true }), { now, preview: false })).toBe(false);
    expect(isVisible(article('c', { at: '2024-01-01T00:00:01+08:00' }), { now, preview: false })).toBe(false);
    expect(isVisible(article('d', { at: '2024-01-01T00:00:00+08:00' }), { now, preview: false })).toBe(true);
  });

  test('preview shows everything', () => {
    expect(isVisible(article('b', { draft: true, at: '2099-01-01T00:00:00Z' }), { now, preview: true })).toBe(true);
  });

  test('an updated later than now is left out until then; the article keeps everything else', () => {
    const corrected = article('a', { updated: new Date('2024-01-01T00:00:00+08:00') });
    expect(withoutFutureUpdate(corrected, now)).toBe(corrected);
    const typo = article('b', { updated: new Date('2024-01-01T00:00:01+08:00') });
    expect(withoutFutureUpdate(typo, now)).toEqual({ ...typo, updated: undefined });
    expect(typo.updated).toEqual(new Date('2024-01-01T00:00:01+08:00'));
    const plain = article('c');
    expect(withoutFutureUpdate(plain, now)).toBe(plain);
  });
});

describe('ordering', () => {
  test('newest first, ties broken by file id', () => {
    const sorted = sortArticles([
      article('b', { at: '2023-04-07T09:30:00+08:00' }),
      article('old', { at: '2020-01-01T00:00:00+08:00' }),
      article('a', { at: '2023-04-07T09:30:00+08:00' }),
      article('new', { at: '2024-01-01T00:00:00+08:00' }),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['new', 'a', 'b', 'old']);
  });

  test('a late updated does not move an article', () => {
    const sorted = sortArticles([
      article('old', { at: '2020-01-01T00:00:00+08:00', updated: new Date('2024-06-01T00:00:00+08:00') }),
      article('new', { at: '2024-01-01T00:00:00+08:00' }),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['new', 'old']);
  });

  test('sorting does not change its input', () => {
    const input = [article('a', { at: '2020-01-01T00:00:00Z' }), article('b', { at: '2021-01-01T00:00:00Z' })];
    sortArticles(input);
    expect(input.map((item) => item.id)).toEqual(['a', 'b']);
  });
});
