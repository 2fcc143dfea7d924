import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  articlePath,
  feedPath,
  feedsPagePath,
  feedStylesheetPath,
  listingPath,
  opmlPath,
  pageParam,
  publicFilePath,
  rebaseHtml,
  sitemapIndexPath,
  taxonomyIndexPath,
  termSlug,
} from '@/lib/site/urls';
import { articleSlug, isUsableArticleSlug } from '@/lib/content/slugs';
import { legacyPath } from '@/lib/content/article';

describe('paths', () => {
  test('articles live under /news/ by slug', () => {
    expect(articlePath('2023-04-07-kaigong')).toBe('/news/2023-04-07-kaigong/');
  });

  test('the slug is the frontmatter slug, else the file name without folders', () => {
    expect(articleSlug('2023/yancheng/2023-04-07-kaigong')).toBe('2023-04-07-kaigong');
    expect(articleSlug('2023/whatever', 'custom-slug')).toBe('custom-slug');
    expect(articleSlug('2023/盐城新闻')).toBe('yanchengxinwen');
  });

  test('listing paths per kind, first page without /page/1/', () => {
    expect(listingPath('all')).toBe('/news/');
    expect(listingPath('all', undefined, 3)).toBe('/news/page/3/');
    expect(listingPath('region', '盐城')).toBe('/regions/yancheng/');
    expect(listingPath('zone', '盐城经济技术开发区', 2)).toBe('/zones/yancheng-jingji-jishu-kaifaqu/page/2/');
    expect(listingPath('type', '图片新闻')).toBe('/types/tupian/');
    expect(listingPath('type', '文字新闻')).toBe('/types/wenzi/');
    expect(listingPath('source', '盐城市商务局')).toBe('/sources/yanchengshi-shangwuju/');
    expect(listingPath('year', 2023)).toBe('/years/2023/');
    expect(taxonomyIndexPath('zone')).toBe('/zones/');
  });

  test("a listing's feed is its own URL plus rss.xml", () => {
    expect(feedPath('all')).toBe('/news/rss.xml');
    expect(feedPath('zone', '盐城经济技术开发区')).toBe('/zones/yancheng-jingji-jishu-kaifaqu/rss.xml');
    expect(feedPath('type', '图片新闻')).toBe('/types/tupian/rss.xml');
    expect(feedPath('year', 2023)).toBe('/years/2023/rss.xml');
  });

  test('the 订阅 page, OPML file, feed stylesheet and sitemap sit under the base', () => {
    expect(feedsPagePath()).toBe('/feeds/');
    expect(opmlPath()).toBe('/feeds.opml');
    expect(feedStylesheetPath()).toBe('/rss.xsl');
    expect(sitemapIndexPath()).toBe('/sitemap-index.xml');
  });

  test('files under public/ are served under the base; remote URLs stay as they are', () => {
    expect(publicFilePath('/images/covers/cover-01.svg')).toBe('/images/covers/cover-01.svg');
    expect(publicFilePath('https://cdn.example.org/a.jpg')).toBe('https://cdn.example.org/a.jpg');
  });

  test('page parameters for the [...page] routes', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(2)).toBe('page/2');
  });

  test('every path is ASCII, even for hostile names', () => {
    for (const name of ['../../etc', '盐城/滨海', 'a b?c#d']) {
      const path = listingPath('zone', name);
      expect(path).toMatch(/^\/zones\/[a-z0-9-]+\/$/);
    }
    expect(termSlug('region', '..')).not.toContain('.');
  });

  test('article slugs that would clash with listings are unusable', () => {
    expect(isUsableArticleSlug('page')).toBe(false);
    expect(isUsableArticleSlug('2023')).toBe(false);
    expect(isUsableArticleSlug('Bad_Slug')).toBe(false);
    expect(isUsableArticleSlug('2023-04-07-kaigong')).toBe(true);
  });

  test('absolute URLs are on the configured origin', () => {
    expect(absoluteUrl('/news/x/')).toMatch(/^https:\/\/[^/]+\/news\/x\/$/);
  });
});

describe('termSlug and the slug table', () => {
  const slugs = { zone: new Map([['武汉东湖新技术开发区', 'guanggu']]), region: new Map([['西安', 'xian-shaanxi']]) };

  test('a name the table knows gets its slug from it; another gets the slug it spells', () => {
    expect(termSlug('zone', '武汉东湖新技术开发区', slugs)).toBe('guanggu');
    expect(termSlug('region', '西安', slugs)).toBe('xian-shaanxi');
    expect(termSlug('zone', '盐城经济技术开发区', slugs)).toBe('yancheng-jingji-jishu-kaifaqu');
  });

  test('the table is per kind: a source with the name of a region keeps its own slug', () => {
    expect(termSlug('source', '西安', slugs)).toBe('xian');
  });

  test('the old URL of an imported article is matched on its path', () => {
    expect(legacyPath('http://www.example.gov.cn/kfqxw/t20230407_1.html?id=3')).toBe('/kfqxw/t20230407_1.html');
    expect(legacyPath('/art/2023/4/7/art_1.html')).toBe('/art/2023/4/7/art_1.html');
  });
});

describe('rebaseHtml', () => {
  test('moves root-relative URLs under the base, in attributes only', () => {
    const html =
      '<p><a href="/news/b/">b</a> <img src="/images/a.jpg" alt="/x"> <a href="//cdn.example/x">c</a> <a href="https://e.example/">d</a> src="/text"</p>';
    expect(rebaseHtml(html, '/kfq/')).toBe(
      '<p><a href="/kfq/news/b/">b</a> <img src="/kfq/images/a.jpg" alt="/x"> <a href="//cdn.example/x">c</a> <a href="https://e.example/">d</a> src="/text"</p>',
    );
  });

  test('at the root, the HTML is unchanged', () => {
    expect(rebaseHtml('<img src="/images/a.jpg">', '/')).toBe('<img src="/images/a.jpg">');
  });
});
