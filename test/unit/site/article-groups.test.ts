import { describe, expect, test } from 'vitest';
import { sortArticles } from '@/lib/content/article';
import { bySize, groupBy, relatedArticles, zoneNeighbours } from '@/lib/site/article-groups';
import { article } from '../helpers';

describe('grouping', () => {
  test('groups keep the input order and are ranked by size', () => {
    const list = [article('1', { region: '盐城' }), article('2', { region: '苏州' }), article('3', { region: '盐城' })];
    const groups = groupBy(list, 'region');
    expect(groups.get('盐城')?.map((item) => item.id)).toEqual(['1', '3']);
    expect(bySize(groups).map(([name]) => name)).toEqual(['盐城', '苏州']);
  });
});

describe('上一条 / 下一条', () => {
  test('neighbours in the zone listing: newer is 上一条, older is 下一条', () => {
    const zone = sortArticles([
      article('x', { at: '2023-01-01T00:00:00Z' }),
      article('y', { at: '2023-02-01T00:00:00Z' }),
      article('z', { at: '2023-03-01T00:00:00Z' }),
    ]);
    const pairs = zoneNeighbours(zone);
    expect(pairs.get('y')?.newer?.id).toBe('z');
    expect(pairs.get('y')?.older?.id).toBe('x');
    expect(pairs.get('z')?.newer).toBeUndefined();
    expect(pairs.get('x')?.older).toBeUndefined();
  });
});

describe('related news', () => {
  test('same zone closest in time first, then same region', () => {
    const zone = sortArticles([1, 2, 3, 4, 5].map((n) => article(`z${n}`, { at: `2023-0${n}-01T00:00:00Z` })));
    const region = sortArticles([...zone, article('r1', { zone: '盐城高新技术产业开发区', at: '2022-01-01T00:00:00Z' })]);
    const self = zone[2];
    const picked = relatedArticles(self, { list: zone, index: 2 }, { list: region, index: region.indexOf(self) }, 5);
    expect(picked.map((item) => item.id)).toEqual(['z4', 'z2', 'z5', 'z1', 'r1']);
  });

  test('never includes the article itself and stops at the count', () => {
    const zone = sortArticles([1, 2, 3].map((n) => article(`z${n}`, { at: `2023-0${n}-01T00:00:00Z` })));
    const picked = relatedArticles(zone[0], { list: zone, index: 0 }, { list: zone, index: 0 }, 1);
    expect(picked.map((item) => item.id)).toEqual(['z2']);
  });
});
