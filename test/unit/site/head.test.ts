import { describe, expect, test } from 'vitest';
import { articleHead, iconLinks, openGraph } from '@/lib/site/head';
import { robotsTxt } from '@/lib/site/robots';
import { article } from '../helpers';

describe('openGraph', () => {
  test('every page: site name, locale, title, description, URL and type website', () => {
    expect(openGraph({ title: '盐城', description: '盐城的新闻', url: 'https://news.example.org/regions/yancheng/' })).toEqual([
      { property: 'og:site_name', content: '开发区新闻' },
      { property: 'og:locale', content: 'zh_CN' },
      { property: 'og:title', content: '盐城' },
      { property: 'og:description', content: '盐城的新闻' },
      { property: 'og:url', content: 'https://news.example.org/regions/yancheng/' },
      { property: 'og:type', content: 'website' },
    ]);
  });
});

describe('articleHead', () => {
  const photo = article('p', { cover: '/images/covers/cover-01.jpg', coverAlt: '厂房', tags: ['招商'], at: '2023-04-07T01:30:00Z' });
  const share = { url: '/images/covers/cover-01_abc.jpg', width: 1200, height: 630, type: 'image/jpeg' };
  const head = articleHead(photo, share);
  const og = openGraph({ title: photo.title, description: '' }, head.openGraph);
  const value = (tags: typeof og, property: string) => tags.filter((tag) => tag.property === property).map((tag) => tag.content);

  test('og:type article replaces website, with an absolute 1200x630 image and a +08:00 time', () => {
    expect(value(og, 'og:type')).toEqual(['article']);
    expect(value(og, 'og:image')).toEqual(['https://news.example.org/images/covers/cover-01_abc.jpg']);
    expect(value(og, 'og:image:type')).toEqual(['image/jpeg']);
    expect(value(og, 'og:image:width')).toEqual(['1200']);
    expect(value(og, 'og:image:height')).toEqual(['630']);
    expect(value(og, 'og:image:alt')).toEqual(['厂房']);
    expect(value(og, 'article:published_time')).toEqual(['2023-04-07T09:30:00+08:00']);
    expect(value(og, 'article:tag')).toEqual(['招商']);
  });

  test('a remote picture the build could not read: its URL, without a size; no picture (an SVG cover): no og:image', () => {
    const remote = articleHead(photo, { url: 'https://cdn.example.org/a.jpg', type: 'image/jpeg' }).openGraph ?? [];
    expect(value(remote, 'og:image')).toEqual(['https://cdn.example.org/a.jpg']);
    expect(value(remote, 'og:image:width')).toEqual([]);
    expect(value(articleHead(photo).openGraph ?? [], 'og:image')).toEqual([]);
  });

  test('NewsArticle and BreadcrumbList; the site feed, then the zone feed', () => {
    expect(head.jsonLd?.map((data) => data['@type'])).toEqual(['NewsArticle', 'BreadcrumbList']);
    expect(head.feeds?.map((feed) => feed.href)).toEqual(['/news/rss.xml', '/zones/yancheng-jingji-jishu-kaifaqu/rss.xml']);
  });
});

describe('robotsTxt', () => {
  test('allows everything but the web editor and points at the absolute sitemap index', () => {
    expect(robotsTxt()).toBe('User-agent: *\nAllow: /\nDisallow: /admin/\n\nSitemap: https://news.example.org/sitemap-index.xml\n');
  });
});

describe('iconLinks', () => {
  test('the PNG with its size before the SVG, the touch icon and the manifest, under the base', () => {
    expect(iconLinks()).toEqual([
      { rel: 'icon', href: '/icons/favicon-32.png', type: 'image/png', sizes: '32x32' },
      { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
      { rel: 'apple-touch-icon', href: '/apple-touch-icon.png', sizes: '180x180' },
      { rel: 'manifest', href: '/manifest.webmanifest' },
    ]);
  });
});
