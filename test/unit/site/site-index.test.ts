import { describe, expect, test } from 'vitest';
import { homeContent } from '@/lib/site/home';
import { listingBreadcrumb, listingPaths } from '@/lib/site/listings';
import { buildSiteIndex } from '@/lib/site/site-index';
import { termIndex } from '@/lib/site/term-index';
import { article } from '../helpers';

const articles = [
  article('a1', { at: '2023-01-01T00:00:00Z', zone: '盐城经济技术开发区', region: '盐城', year: 2023 }),
  article('a2', { at: '2023-02-01T00:00:00Z', zone: '盐城经济技术开发区', region: '盐城', year: 2023 }),
  article('b1', { at: '2023-03-01T00:00:00Z', zone: '盐城高新技术产业开发区', region: '盐城', year: 2023 }),
  article('c1', { at: '2022-03-01T00:00:00Z', zone: '苏州工业园区', region: '苏州', year: 2022, type: '图片新闻' }),
];
const index = buildSiteIndex(articles, 3);

describe('buildSiteIndex', () => {
  test('orders everything newest first and groups it', () => {
    expect(index.all.map((item) => item.id)).toEqual(['b1', 'a2', 'a1', 'c1']);
    expect(index.groups.region.get('盐城')?.map((item) => item.id)).toEqual(['b1', 'a2', 'a1']);
    expect([...index.groups.year.keys()]).toEqual(['2023', '2022']);
  });

  test('neighbours stay within the zone', () => {
    expect(index.neighbours.get('a2')).toEqual({ newer: undefined, older: articles[0] });
    expect(index.neighbours.get('b1')).toEqual({ newer: undefined, older: undefined });
  });

  test('related news: same zone, then same region, never another region', () => {
    expect(index.related.get('a1')?.map((item) => item.id)).toEqual(['a2', 'b1']);
    expect(index.related.get('c1')).toEqual([]);
  });

  test('both type listings exist even when a type has no article', () => {
    const textOnly = buildSiteIndex(articles.slice(0, 2), 3);
    expect(textOnly.groups.type.get('图片新闻')).toEqual([]);
  });

  test('zones are listed under their region', () => {
    expect(index.zonesByRegion.get('盐城')).toEqual(['盐城经济技术开发区', '盐城高新技术产业开发区']);
  });
});

describe('listingPaths', () => {
  test('one path per page of every listing, with section and term only for taxonomies', () => {
    expect(listingPaths(index, 'all', 3, new Map()).map((path) => path.params)).toEqual([{ page: undefined }, { page: 'page/2' }]);
    const regions = listingPaths(index, 'region', 2, new Map());
    expect(regions.map((path) => path.params)).toEqual([
      { section: 'regions', term: 'yancheng', page: undefined },
      { section: 'regions', term: 'yancheng', page: 'page/2' },
      { section: 'regions', term: 'suzhou', page: undefined },
    ]);
    expect(regions[1].props.page.items.map((item) => item.id)).toEqual(['a1']);
    expect(listingPaths(index, 'zone', 10, new Map()).find((path) => path.props.name === '苏州工业园区')?.props.region).toBe('苏州');
  });
});

describe('listingBreadcrumb', () => {
  test('a zone goes through its region; a region, source or year through its index', () => {
    expect(listingBreadcrumb({ kind: 'zone', name: '苏州工业园区', region: '苏州' })).toEqual([
      { label: '首页', href: '/' },
      { label: '开发区新闻', href: '/news/' },
      { label: '苏州', href: '/regions/suzhou/' },
      { label: '苏州工业园区' },
    ]);
    expect(listingBreadcrumb({ kind: 'year', name: '2023' }).map((crumb) => crumb.label)).toEqual([
      '首页',
      '开发区新闻',
      '年份',
      '2023 年',
    ]);
    expect(listingBreadcrumb({ kind: 'all' })).toEqual([{ label: '首页', href: '/' }, { label: '开发区新闻' }]);
  });
});

describe('index and home pages', () => {
  test('term index counts, zones grouped by region', () => {
    expect(termIndex(index, 'region').groups[0].terms).toEqual([
      { name: '盐城', count: 3 },
      { name: '苏州', count: 1 },
    ]);
    expect(termIndex(index, 'zone').groups.map((group) => [group.heading, group.terms.length])).toEqual([
      ['盐城', 2],
      ['苏州', 1],
    ]);
    expect(termIndex(index, 'year').groups[0].terms.map((term) => term.name)).toEqual(['2023', '2022']);
  });

  test('home shows the latest and the busiest blocks', () => {
    const home = homeContent(index, { latest: 2, blocks: 1, blockSize: 2 });
    expect(home.latest.map((item) => item.id)).toEqual(['b1', 'a2']);
    expect(home.regions).toEqual([{ name: '盐城', count: 3, latest: [index.all[0], index.all[1]] }]);
    expect(home.zones[0].name).toBe('盐城经济技术开发区');
  });
});
