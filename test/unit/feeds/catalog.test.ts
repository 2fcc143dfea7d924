import { describe, expect, test } from 'vitest';
import { allFeeds, feedCatalog, taxonomyFeedPaths } from '@/lib/feeds/catalog';
import { buildSiteIndex } from '@/lib/site/site-index';
import { article } from '../helpers';

const index = buildSiteIndex(
  [
    article('a1', { at: '2023-01-01T00:00:00Z', year: 2023, source: '盐城市商务局' }),
    article('a2', { at: '2023-02-01T00:00:00Z', year: 2023 }),
    article('b1', { at: '2023-03-01T00:00:00Z', zone: '盐城高新技术产业开发区', year: 2023 }),
    article('c1', { at: '2022-03-01T00:00:00Z', zone: '苏州工业园区', region: '苏州', year: 2022, type: '图片新闻' }),
  ],
  3,
);
const catalog = feedCatalog(index);

describe('feedCatalog', () => {
  test('regions busiest first, each with its zones', () => {
    expect(catalog.regions.map(({ feed, zones }) => [feed.label, feed.count, zones.map((zone) => zone.label)])).toEqual([
      ['盐城', 3, ['盐城经济技术开发区', '盐城高新技术产业开发区']],
      ['苏州', 1, ['苏州工业园区']],
    ]);
  });

  test('one feed per listing: site, regions, zones, types, sources and years, each with its URLs', () => {
    const feeds = allFeeds(catalog);
    const listings = 1 + index.groups.region.size + index.groups.zone.size + 2 + index.groups.source.size + index.groups.year.size;
    expect(feeds.length).toBe(listings);
    expect(new Set(feeds.map((feed) => feed.path)).size).toBe(listings);
    expect(catalog.site).toMatchObject({ label: '全站新闻', title: '开发区新闻', path: '/news/rss.xml', pagePath: '/news/', count: 4 });
    expect(catalog.years.map((feed) => feed.label)).toEqual(['2023 年', '2022 年']);
    expect(catalog.types.find((feed) => feed.name === '图片新闻')).toMatchObject({ path: '/types/tupian/rss.xml', count: 1 });
  });

  test('the taxonomy feed route gets a path for every listing but the site feed', () => {
    const paths = taxonomyFeedPaths(index);
    expect(paths.length).toBe(allFeeds(catalog).length - 1);
    expect(paths).toContainEqual({
      params: { section: 'zones', term: 'suzhou-gongye-yuanqu' },
      props: { kind: 'zone', name: '苏州工业园区' },
    });
    expect(paths).toContainEqual({ params: { section: 'years', term: '2022' }, props: { kind: 'year', name: '2022' } });
  });
});
