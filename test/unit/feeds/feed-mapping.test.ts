import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { feedGuid, feedItem, feedOptions } from '@/lib/feeds/feed-mapping';
import { article, assertWellFormed } from '../helpers';

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'category'].includes(name) });

async function feedXml(items = [feedItem(article('yancheng/a'), '<p>正文</p>')], newest?: Date) {
  const xml = await getRssString(feedOptions({ kind: 'zone', name: '盐城经济技术开发区' }, items, newest));
  assertWellFormed(xml);
  return { xml, rss: parser.parse(xml).rss };
}

describe('feedItem', () => {
  test('link, plain-text description, categories, 来源 and a non-permalink GUID from the slug', async () => {
    const a = article('2023/yancheng/2023-04-07-kaigong', { summary: '一句话摘要' });
    const { rss } = await feedXml([feedItem(a, '<p>正文</p>')]);
    const [item] = rss.channel.item;
    expect(item.link).toBe('https://news.example.org/news/2023-04-07-kaigong/');
    expect(item.guid).toEqual({ '#text': 'tag:news.example.org,2026:news/2023-04-07-kaigong', '@_isPermaLink': 'false' });
    expect(item.description).toBe('一句话摘要');
    expect(item.category).toEqual(['盐城', '盐城经济技术开发区', '文字新闻']);
    expect(item.source).toEqual({
      '#text': '盐城经济技术开发区管委会',
      '@_url': 'https://news.example.org/sources/yancheng-jingji-jishu-kaifaqu-guanweihui/rss.xml',
    });
    expect(item['dc:creator']).toBe('盐城经济技术开发区管委会');
    expect(item['content:encoded']).toBe('<p>正文</p>');
    expect(item.enclosure).toBeUndefined();
  });

  test('the GUID does not depend on the folder the file is in', () => {
    expect(feedGuid('x')).toBe('tag:news.example.org,2026:news/x');
    const moved = [article('2023/a/kaigong'), article('archive/b/kaigong')].map((a) => feedItem(a, '').customData);
    expect(moved[0]).toBe(moved[1]);
  });

  test('pubDate is the article instant, written in Beijing time', async () => {
    const { rss } = await feedXml([feedItem(article('a', { at: '2023-01-01T00:30:00+08:00' }), '')]);
    expect(rss.channel.item[0].pubDate).toBe('Sun, 01 Jan 2023 00:30:00 +0800');
    expect(new Date(rss.channel.item[0].pubDate).toISOString()).toBe('2022-12-31T16:30:00.000Z');
  });

  test('a cover is an enclosure with its byte length and type, and the first thing in the content', async () => {
    const photo = article('p', { type: '图片新闻', cover: '/images/covers/cover-01.svg', coverAlt: '厂房' });
    const { rss } = await feedXml([feedItem(photo, '<p>图说</p>', 933)]);
    const [item] = rss.channel.item;
    expect(item.enclosure).toEqual({
      '@_url': 'https://news.example.org/images/covers/cover-01.svg',
      '@_length': '933',
      '@_type': 'image/svg+xml',
    });
    expect(item['content:encoded']).toMatch(/^<figure><img src="https:\/\/news\.example\.org\/images\/covers\/cover-01\.svg" alt="厂房">/);
  });

  test('a title and 来源 full of markup and control characters come out as well-formed text', async () => {
    const nasty = article('n', {
      title: '标题 <b>标签</b> & "引号" ]]> 结束\u0008',
      source: '来源 <&> ]]>\u0001',
      summary: '摘要 ]]> <i>',
    });
    const { xml, rss } = await feedXml([feedItem(nasty, '<p>a ]]&gt; &lt;b&gt;</p>')]);
    const [item] = rss.channel.item;
    expect(item.title).toBe('标题 <b>标签</b> & "引号" ]]> 结束');
    expect(item.description).toBe('摘要 ]]> <i>');
    expect(item['dc:creator']).toBe('来源 <&> ]]>');
    expect(item['content:encoded']).toBe('<p>a ]]> &#x3C;b></p>');
    expect([...xml].filter((char) => (char.codePointAt(0) ?? 0) < 0x20 && !'\t\n\r'.includes(char))).toEqual([]);
  });
});

describe('feedOptions', () => {
  test('channel: title, absolute link, language, self link, stylesheet and namespaces', async () => {
    const { xml, rss } = await feedXml([], undefined);
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/rss\.xsl" type="text\/xsl"\?>/);
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    const { channel } = rss;
    expect(channel.title).toBe('盐城经济技术开发区 - 开发区新闻');
    expect(channel.link).toBe('https://news.example.org/zones/yancheng-jingji-jishu-kaifaqu/');
    expect(channel.description).toBe('开发区新闻：盐城经济技术开发区的最新新闻');
    expect(channel.language).toBe('zh-cn');
    expect(channel['atom:link']).toEqual({
      '@_href': 'https://news.example.org/zones/yancheng-jingji-jishu-kaifaqu/rss.xml',
      '@_rel': 'self',
      '@_type': 'application/rss+xml',
    });
    // An empty feed has no newest item, so no lastBuildDate rather than the build time.
    expect(channel.lastBuildDate).toBeUndefined();
  });

  test('lastBuildDate is the newest item date, so the same content gives the same bytes', async () => {
    const items = [feedItem(article('a'), '')];
    const newest = new Date('2023-04-07T01:30:00Z');
    const first = await feedXml(items, newest);
    expect(first.rss.channel.lastBuildDate).toBe('Fri, 07 Apr 2023 09:30:00 +0800');
    expect((await feedXml(items, newest)).xml).toBe(first.xml);
  });
});
