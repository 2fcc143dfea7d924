import { describe, expect, test } from 'vitest';
import { pagerWindow, paginate } from '@/lib/site/pagination';

describe('paginate', () => {
  test('splits into pages of the given size', () => {
    const pages = paginate([1, 2, 3, 4, 5], 2);
    expect(pages.map((page) => page.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.map((page) => [page.number, page.total, page.start])).toEqual([
      [1, 3, 1],
      [2, 3, 3],
      [3, 3, 5],
    ]);
    expect(pages[0].count).toBe(5);
  });

  test('an exact multiple has no empty last page', () => {
    expect(paginate([1, 2, 3, 4], 2)).toHaveLength(2);
  });

  test('an empty listing has one empty page', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [], start: 1, count: 0 }]);
  });

  test('a page size that is not a positive integer is refused', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});

describe('pagerWindow', () => {
  test('first, last and two either side, with gaps', () => {
    expect(pagerWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pagerWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pagerWindow(1, 1)).toEqual([1]);
  });
});
