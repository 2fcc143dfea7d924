import { describe, expect, test } from 'vitest';
import { articleBreadcrumb } from '@/lib/site/listings';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd } from '@/lib/site/structured-data';
import { article } from '../helpers';

const photo = article('2022/gaoxin-photo', {
  slug: 'yancheng-gaoxin-changfang',
  title: '图说盐城高新区',
  at: '2022-06-15T00:00:00+08:00',
  zone: '盐城高新技术产业开发区',
  type: '图片新闻',
  cover: '/images/covers/cover-01.jpg',
  summary: '摘要',
  tags: ['项目建设'],
});

describe('newsArticleJsonLd', () => {
  test('a NewsArticle with +08:00 date, 来源, publisher, place and cover', () => {
    const share = { url: '/images/covers/cover-01_abc.jpg', width: 1200, height: 630, type: 'image/jpeg' };
    expect(newsArticleJsonLd(photo, share)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '图说盐城高新区',
      description: '摘要',
      url: 'https://news.example.org/news/yancheng-gaoxin-changfang/',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example.org/news/yancheng-gaoxin-changfang/' },
      datePublished: '2022-06-15T00:00:00+08:00',
      inLanguage: 'zh-CN',
      articleSection: '图片新闻',
      keywords: ['项目建设'],
      image: [{ '@type': 'ImageObject', url: 'https://news.example.org/images/covers/cover-01_abc.jpg', width: 1200, height: 630 }],
      author: {
        '@type': 'Organization',
        name: '盐城经济技术开发区管委会',
        url: 'https://news.example.org/sources/yancheng-jingji-jishu-kaifaqu-guanweihui/',
      },
      sourceOrganization: {
        '@type': 'Organization',
        name: '盐城经济技术开发区管委会',
        url: 'https://news.example.org/sources/yancheng-jingji-jishu-kaifaqu-guanweihui/',
      },
      publisher: { '@type': 'Organization', name: '开发区新闻编辑部', url: 'https://news.example.org/' },
      contentLocation: {
        '@type': 'Place',
        name: '盐城高新技术产业开发区',
        url: 'https://news.example.org/zones/yancheng-gaoxin-jishu-chanye-kaifaqu/',
        containedInPlace: { '@type': 'City', name: '盐城', url: 'https://news.example.org/regions/yancheng/' },
      },
    });
  });

  test('no description, image or keywords when the article has none', () => {
    const plain = newsArticleJsonLd(article('a'));
    expect(plain).not.toHaveProperty('description');
    expect(plain).not.toHaveProperty('image');
    expect(plain).not.toHaveProperty('keywords');
    expect(plain).not.toHaveProperty('dateModified');
  });

  test('dateModified from updated, in Beijing time with its offset', () => {
    const corrected = newsArticleJsonLd(article('a', { at: '2023-04-07T09:30:00+08:00', updated: new Date('2023-04-08T02:15:00Z') }));
    expect(corrected).toMatchObject({ datePublished: '2023-04-07T09:30:00+08:00', dateModified: '2023-04-08T10:15:00+08:00' });
  });
});

describe('breadcrumbJsonLd', () => {
  test('mirrors the visible breadcrumb, with absolute URLs and positions from 1', () => {
    expect(breadcrumbJsonLd(articleBreadcrumb(photo))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '首页', item: 'https://news.example.org/' },
        { '@type': 'ListItem', position: 2, name: '开发区新闻', item: 'https://news.example.org/news/' },
        { '@type': 'ListItem', position: 3, name: '盐城', item: 'https://news.example.org/regions/yancheng/' },
        { '@type': 'ListItem', position: 4, name: '图片新闻', item: 'https://news.example.org/types/tupian/' },
      ],
    });
  });

  test('the current page, which has no link, has no item', () => {
    expect(breadcrumbJsonLd([{ label: '订阅' }])).toMatchObject({ itemListElement: [{ position: 1, name: '订阅' }] });
    expect((breadcrumbJsonLd([{ label: '订阅' }]).itemListElement as object[])[0]).not.toHaveProperty('item');
  });
});

describe('serializeJsonLd', () => {
  test('a title cannot end the script element or open a comment, and reads back unchanged', () => {
    const data = newsArticleJsonLd(article('x', { title: '标题</script><script>alert(1)</script><!-- & \u2028' }));
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
