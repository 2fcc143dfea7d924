import { describe, expect, test } from 'vitest';
import { articleLastmods, type SitemapEntry, withLastmod } from '@/lib/site/sitemap';
import { article } from '../helpers';

const published = article('2023/kaigong', { slug: 'kaigong', at: '2023-04-07T09:30:00+08:00' });
const corrected = article('2023/qianyue', {
  slug: 'qianyue',
  at: '2023-04-07T09:30:00+08:00',
  updated: new Date('2023-05-01T08:00:00+08:00'),
});
const lastmods = articleLastmods([published, corrected]);

describe('sitemap lastmod', () => {
  test('an article is last modified when it was corrected, else when it was published', () => {
    expect(withLastmod({ url: 'https://news.example.org/news/qianyue/' }, lastmods)).toEqual({
      url: 'https://news.example.org/news/qianyue/',
      lastmod: '2023-05-01T08:00:00+08:00',
    });
    expect(withLastmod<SitemapEntry>({ url: 'https://news.example.org/news/kaigong/' }, lastmods).lastmod).toBe(
      '2023-04-07T09:30:00+08:00',
    );
  });

  test('listing, index and home pages get none', () => {
    for (const url of ['https://news.example.org/', 'https://news.example.org/news/', 'https://news.example.org/news/page/2/'])
      expect(withLastmod({ url }, lastmods)).toEqual({ url });
  });
});
