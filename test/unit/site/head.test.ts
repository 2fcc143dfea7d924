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
  const photo = article('p', { cover: '/images/covers/cover-01.svg', coverAlt: '厂房', tags: ['招商'], at: '2023-04-07T01:30:00Z' });
  const head = articleHead(photo);
  const og = openGraph({ title: photo.title, description: '' }, head.openGraph);

  test('og:type article replaces website, with an absolute image and a +08:00 time', () => {
    const value = (property: string) => og.filter((tag) => tag.property === property).map((tag) => tag.content);
    expect(value('og:type')).toEqual(['article']);
    expect(value('og:image')).toEqual(['https://news.example.org/images/covers/cover-01.svg']);
    expect(value('og:image:alt')).toEqual(['厂房']);
    expect(value('article:published_time')).toEqual(['2023-04-07T09:30:00+08:00']);
    expect(value('article:tag')).toEqual(['招商']);
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
