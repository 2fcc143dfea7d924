import { expect, test } from 'vitest';
import { expectedSite } from '@/lib/audit/expected';
import { article } from '../helpers';

const window = { startedAt: new Date('2024-01-01T00:00:00Z'), finishedAt: new Date('2024-01-01T00:01:00Z') };

test('published, undecided (due during the build) and hidden articles', () => {
  const old = article('old', { at: '2023-01-01T00:00:00Z' });
  const draft = article('draft', { at: '2023-01-01T00:00:00Z', draft: true });
  const during = article('during', { at: '2024-01-01T00:00:30Z' });
  const future = article('future', { at: '2024-01-01T00:01:01Z' });
  const site = expectedSite([future, during, draft, old], window, 50);
  expect(site.published.map((a) => a.id)).toEqual(['old']);
  expect(site.undecided.map((a) => a.id)).toEqual(['during']);
  expect(site.hidden.map((a) => a.id)).toEqual(['future', 'draft']);
});

test('every listing of a published article, with its members and its feed window', () => {
  const articles = [
    article('a', { at: '2023-03-01T00:00:00Z' }),
    article('b', { at: '2023-02-01T00:00:00Z', zone: '苏州工业园区', region: '苏州', source: '苏州工业园区管委会' }),
    article('c', { at: '2022-02-01T00:00:00Z', year: 2022 }),
  ];
  const site = expectedSite(articles, window, 2);
  expect([...site.listings.keys()].sort()).toEqual(
    [
      '/news/',
      '/regions/yancheng/',
      '/regions/suzhou/',
      '/zones/yancheng-jingji-jishu-kaifaqu/',
      '/zones/suzhou-gongye-yuanqu/',
      '/types/wenzi/',
      '/sources/yancheng-jingji-jishu-kaifaqu-guanweihui/',
      '/sources/suzhou-gongye-yuanqu-guanweihui/',
      '/years/2023/',
      '/years/2022/',
    ].sort(),
  );
  const all = site.listings.get('/news/');
  expect(all?.feed).toBe('/news/rss.xml');
  expect([...(all?.members ?? [])]).toEqual(['/news/a/', '/news/b/', '/news/c/']);
  // Only the latest two are in a feed.
  expect([...(all?.inFeed ?? [])]).toEqual(['/news/a/', '/news/b/']);
  expect([...(site.listings.get('/years/2022/')?.inFeed ?? [])]).toEqual(['/news/c/']);
});

test('an article due during the build counts for the feed window but is not required', () => {
  const site = expectedSite([article('old', { at: '2023-01-01T00:00:00Z' }), article('during', { at: '2024-01-01T00:00:30Z' })], window, 1);
  const all = site.listings.get('/news/');
  expect([...(all?.members ?? [])]).toEqual(['/news/old/']);
  // `during` may fill the one feed place, so `old` cannot be required there.
  expect([...(all?.inFeed ?? [])]).toEqual([]);
});
