import { cpSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'cheerio';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, generateCorpus, hasPage, listFiles, listingMembers, page, ROOT, tempDir, type BuildResult } from './helpers';
import { assertWellFormed } from '../unit/helpers';

/**
 * Builds the site fixtures, the feed fixtures (control characters, relative links, a remote
 * cover) and 60 generated articles, so that the whole-site feed has more than 50 articles to
 * choose from, then parses every feed, the OPML file, the sitemap and the pages' metadata with
 * a strict XML parser and cheerio. A second build, under another time zone and with a file
 * moved to another folder, must write the same feeds byte for byte.
 */

const SITE_URL = 'https://news.example.org';
const FEED_SIZE = 50;
const GUID_PREFIX = 'tag:news.example.org,2026:news/';

let build: BuildResult;
let dist: string;
let content: string;

beforeAll(() => {
  const work = tempDir('feeds');
  content = join(work, 'content');
  cpSync(join(ROOT, 'test/fixtures/site/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/feeds/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(content, 'generated'), 60, 1, join(work, 'registry.yaml'));
  build = buildSite(content, { tz: 'Asia/Kolkata', work });
  dist = build.dist;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

type Node = Record<string, unknown>;
interface Item {
  title: string;
  link: string;
  guid: { '#text': string; '@_isPermaLink': string };
  description?: string;
  'content:encoded': string;
  pubDate: string;
  'dc:creator': string;
  category: string[];
  source: { '#text': string; '@_url': string };
  enclosure?: { '@_url': string; '@_length': string; '@_type': string };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => ['item', 'category', 'outline', 'url', 'sitemap'].includes(name),
});

const feedFiles = () => listFiles(dist).filter((file) => file.endsWith('rss.xml'));

function readFeed(file: string, root = dist): { xml: string; channel: Node & { item?: Item[] } } {
  const xml = readFileSync(join(root, file), 'utf8');
  assertWellFormed(xml, file);
  return { xml, channel: parser.parse(xml).rss.channel };
}

const pathOf = (url: string) => {
  expect(url.startsWith(`${SITE_URL}/`), url).toBe(true);
  return url.slice(SITE_URL.length);
};

/** An article's item, from whichever feed has it (all feeds carry the same item for it). */
function itemBySlug(slug: string): Item {
  const item = feedFiles()
    .flatMap((file) => readFeed(file).channel.item ?? [])
    .find((candidate) => candidate.link === `${SITE_URL}/news/${slug}/`);
  if (!item) throw new Error(`no feed item for ${slug}`);
  return item;
}

/** C0 controls other than tab, LF and CR (forbidden by XML 1.0), DEL and C1 (discouraged). */
const isControl = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && char !== '\t' && char !== '\n' && char !== '\r') || (code >= 0x7f && code <= 0x9f);
};

/** Page text as a feed must carry it: without those control characters. */
const xmlSafe = (text: string) => [...text].filter((char) => !isControl(char)).join('');

describe('every feed', () => {
  test('one per listing: the site, every region, zone, type, source and year', () => {
    const listings = listFiles(dist)
      .filter((file) => /^(news|(regions|zones|types|sources|years)\/[^/]+)\/index\.html$/.test(file))
      .map((file) => file.replace(/index\.html$/, 'rss.xml'));
    expect(feedFiles()).toEqual(listings.sort());
    expect(feedFiles().length).toBeGreaterThan(40);
  });

  test('is well-formed XML with the stylesheet, channel fields and a self link to its own URL', () => {
    expect(listFiles(dist)).toContain('rss.xsl');
    for (const file of feedFiles()) {
      const { xml, channel } = readFeed(file);
      expect(xml, file).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><\?xml-stylesheet href="\/rss\.xsl" type="text\/xsl"\?>/);
      expect(channel.title, file).toMatch(/开发区新闻$/);
      expect(String(channel.description).length, file).toBeGreaterThan(5);
      expect(channel.language, file).toBe('zh-cn');
      expect(channel.link, file).toBe(`${SITE_URL}/${file.replace(/rss\.xml$/, '')}`);
      expect(hasPage(dist, pathOf(String(channel.link))), file).toBe(true);
      expect(channel['atom:link'], file).toEqual({ '@_href': `${SITE_URL}/${file}`, '@_rel': 'self', '@_type': 'application/rss+xml' });
    }
  });

  test('holds the latest 50 articles of its listing, newest first, and lastBuildDate is the newest', () => {
    for (const file of feedFiles()) {
      const { channel } = readFeed(file);
      const items = channel.item ?? [];
      const members = listingMembers(dist, `/${file.replace(/rss\.xml$/, '')}`);
      expect(
        items.map((item) => pathOf(item.link)),
        file,
      ).toEqual(members.slice(0, FEED_SIZE));
      if (items.length) expect(channel.lastBuildDate, file).toBe(items[0].pubDate);
      else expect(channel.lastBuildDate, file).toBeUndefined();
    }
    expect(listingMembers(dist, '/news/').length).toBeGreaterThan(FEED_SIZE);
    expect(readFeed('news/rss.xml').channel.item?.length).toBe(FEED_SIZE);
  });

  test('items: absolute link to a built page, GUID, plain-text description, categories, 来源, date of that page', () => {
    for (const file of feedFiles()) {
      const items = readFeed(file).channel.item ?? [];
      expect(new Set(items.map((item) => item.guid['#text'])).size, file).toBe(items.length);
      for (const item of items) {
        const path = pathOf(item.link);
        const $ = page(dist, path);
        expect(item.guid, path).toEqual({ '#text': `${GUID_PREFIX}${path.split('/')[2]}`, '@_isPermaLink': 'false' });
        expect(item.title, path).toBe(xmlSafe($('h1').text().trim()));
        // The summary is the page's description; pages without one fall back to the site's.
        if (item.description) expect(item.description, path).toBe(xmlSafe($('meta[name="description"]').attr('content') ?? ''));
        const [source, zone, region] = $('.article__meta a')
          .map((_, a) => $(a).text())
          .get();
        expect(item.category, path).toEqual([region, zone, $('.breadcrumb li').last().text().trim()]);
        expect(item['dc:creator'], path).toBe(source);
        expect(item.source['#text'], path).toBe(source);
        expect(feedFiles(), path).toContain(pathOf(item.source['@_url']).slice(1));
        expect(new Date(item.pubDate).getTime(), path).toBe(new Date($('.article__meta time').attr('datetime') as string).getTime());
        expect(item.pubDate, path).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
      }
    }
  });

  test('content:encoded is the page body with no relative URL', () => {
    for (const file of feedFiles()) {
      for (const item of readFeed(file).channel.item ?? []) {
        const $ = load(item['content:encoded']);
        const urls = $('[src], [href], [cite], [srcset]')
          .map((_, el) => ['src', 'href', 'cite'].map((name) => $(el).attr(name)).filter(Boolean))
          .get() as string[];
        for (const url of urls) expect(url, item.link).toMatch(/^(https?:\/\/|mailto:)/);
        expect($('script, iframe, style').length, item.link).toBe(0);
        const body = xmlSafe(page(dist, pathOf(item.link))('.article__body').text()).replace(/\s+/g, '');
        expect($('body').text().replace(/\s+/g, ''), item.link).toContain(body);
      }
    }
  });

  test('no character XML 1.0 forbids, anywhere', () => {
    for (const file of feedFiles()) expect([...readFileSync(join(dist, file), 'utf8')].filter(isControl), file).toEqual([]);
  });

  test('drafts and scheduled articles are in no feed', () => {
    for (const file of feedFiles()) {
      const xml = readFileSync(join(dist, file), 'utf8');
      expect(xml, file).not.toContain('草稿不应出现');
      expect(xml, file).not.toContain('定时发布不应出现');
      expect(xml, file).not.toContain('/news/draft/');
      expect(xml, file).not.toContain('/news/future/');
    }
  });
});

describe('particular items', () => {
  test('a title full of <, &, " and ]]> reads back exactly', () => {
    expect(itemBySlug('2024-05-20-kuozhanming').title).toBe('标题里有 <b>标签</b> & 符号 "引号" ]]> 也要原样显示');
  });

  test('control characters are removed from title, description and body; markup in the body stays markup', () => {
    const item = itemBySlug('2024-06-01-kongzhi');
    expect(item.title).toBe('从旧系统导入的新闻带控制字符');
    expect(item.description).toBe('摘要里也有控制字符');
    expect(item['content:encoded']).toContain('正文从 Word 粘贴而来，夹着控制字符和，还有错码的引号。');
    expect(item['content:encoded']).toContain('第二段 ]]> 不能结束 CDATA，<b>也</b> &#x26; 不能破坏 XML。');
  });

  // The targets exist in the output: the post-build audit fails a build with a broken link.
  test('relative links and images are resolved against the article URL, as the browser does on the page', () => {
    const $ = load(itemBySlug('2024-06-02-xiangdui')['content:encoded']);
    const base = `${SITE_URL}/news/2024-06-02-xiangdui/`;
    expect(
      $('img')
        .map((_, img) => $(img).attr('src'))
        .get(),
    ).toEqual([`${SITE_URL}/images/covers/cover-03.svg`, `${SITE_URL}/images/covers/cover-04.svg`]);
    const hrefs = $('a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${SITE_URL}/news/2023-04-07-kaigong/`,
        `${SITE_URL}/zones/`,
        `${SITE_URL}/feeds.opml`,
        'https://www.gov.cn/',
        'mailto:news@example.org',
        `${base}#user-content-fn-1`,
      ]),
    );
  });

  test('a known article is dated the right instant', () => {
    // 2024-03-01T08:00:00Z in the file: 16:00 in Beijing.
    const item = itemBySlug('2024-03-01-utc');
    expect(item.pubDate).toBe('Fri, 01 Mar 2024 16:00:00 +0800');
    expect(new Date(item.pubDate).toISOString()).toBe('2024-03-01T08:00:00.000Z');
  });

  test('a 图片新闻 cover is an enclosure whose length is the file size; a remote one unread (no network) has length 0', () => {
    const local = itemBySlug('yancheng-gaoxin-changfang');
    expect(local.enclosure).toEqual({
      '@_url': `${SITE_URL}/images/covers/cover-01.svg`,
      '@_length': String(statSync(join(ROOT, 'public/images/covers/cover-01.svg')).size),
      '@_type': 'image/svg+xml',
    });
    expect(local['content:encoded']).toMatch(
      /^<figure><img src="https:\/\/news\.example\.org\/images\/covers\/cover-01\.svg" alt="盐城高新区新建的标准化厂房">/,
    );
    expect(itemBySlug('2024-06-03-yuancheng').enclosure).toEqual({
      '@_url': 'https://cdn.example.org/photos/yuanqu.jpg',
      '@_length': '0',
      '@_type': 'image/jpeg',
    });
    // A JPEG cover (the generated articles'): the full-size file editors committed, not one of the page's smaller copies.
    const photo = (readFeed('news/rss.xml').channel.item ?? []).find((item) => item.enclosure?.['@_url'].endsWith('.jpg'));
    expect(photo?.enclosure?.['@_url']).toMatch(new RegExp(`^${SITE_URL}/images/covers/cover-\\d\\d\\.jpg$`));
    expect(photo?.enclosure?.['@_type']).toBe('image/jpeg');
    const original = join(ROOT, 'public', pathOf(photo?.enclosure?.['@_url'] ?? ''));
    expect(photo?.enclosure?.['@_length']).toBe(String(statSync(original).size));
    for (const file of feedFiles()) {
      for (const item of readFeed(file).channel.item ?? []) {
        if (!item.enclosure?.['@_url'].startsWith(SITE_URL)) continue;
        const size = statSync(join(dist, pathOf(item.enclosure['@_url']))).size;
        expect(Number(item.enclosure['@_length']), item.link).toBe(size);
      }
    }
  });
});

describe('a second build', () => {
  test('under another time zone, with an article moved to another folder, writes the same feeds byte for byte', () => {
    mkdirSync(join(content, 'elsewhere/deeper'), { recursive: true });
    renameSync(join(content, 'yancheng/gaoxin-photo.md'), join(content, 'elsewhere/deeper/gaoxin-photo.md'));
    const again = buildSite(content, { tz: 'America/St_Johns' });
    expect(again.status, again.output).toBe(0);
    expect(listFiles(again.dist).filter((file) => file.endsWith('rss.xml'))).toEqual(feedFiles());
    for (const file of feedFiles()) expect(readFileSync(join(again.dist, file), 'utf8'), file).toBe(readFileSync(join(dist, file), 'utf8'));
    for (const file of ['feeds.opml', 'robots.txt', 'sitemap-0.xml']) {
      expect(readFileSync(join(again.dist, file), 'utf8'), file).toBe(readFileSync(join(dist, file), 'utf8'));
    }
  });
});

describe('discovery', () => {
  test('the OPML file and the 订阅 page list every feed', () => {
    const opml = readFileSync(join(dist, 'feeds.opml'), 'utf8');
    assertWellFormed(opml, 'feeds.opml');
    const urls: string[] = [];
    const walk = (nodes: Node[]) => {
      for (const node of nodes) {
        if (typeof node['@_xmlUrl'] === 'string') urls.push(node['@_xmlUrl']);
        if (Array.isArray(node.outline)) walk(node.outline);
      }
    };
    walk(parser.parse(opml).opml.body.outline);
    const expected = feedFiles().map((file) => `${SITE_URL}/${file}`);
    expect([...urls].sort()).toEqual(expected);
    const $ = page(dist, '/feeds/');
    const linked = $('a[type="application/rss+xml"]')
      .map((_, a) => `${SITE_URL}${$(a).attr('href')}`)
      .get();
    expect(new Set(linked)).toEqual(new Set(expected));
    expect($('a[href="/feeds.opml"]').length).toBe(1);
    expect(page(dist, '/')('footer a[href="/feeds/"]').length).toBe(1);
  });

  test("every page announces feeds that exist; a listing's own feed comes first", () => {
    // The web editor at /admin/ is not a page of the site (docs/cms.md).
    for (const file of listFiles(dist).filter((name) => name.endsWith('.html') && !name.startsWith('admin/'))) {
      const $ = page(dist, `/${file}`);
      const feeds = $('link[rel="alternate"][type="application/rss+xml"]')
        .map((_, link) => $(link).attr('href'))
        .get();
      expect(feeds.length, file).toBeGreaterThan(0);
      for (const href of feeds) expect(feedFiles(), file).toContain(pathOf(href).slice(1));
      const listing = /^((?:regions|zones|types|sources|years)\/[^/]+\/)(?:page\/\d+\/)?index\.html$/.exec(file);
      if (listing) expect(feeds[0], file).toBe(`${SITE_URL}/${listing[1]}rss.xml`);
    }
    const article = page(dist, '/news/2023-04-07-kaigong/');
    expect(
      article('link[rel="alternate"]')
        .map((_, link) => article(link).attr('href'))
        .get(),
    ).toEqual([`${SITE_URL}/news/rss.xml`, `${SITE_URL}/zones/yancheng-jingji-jishu-kaifaqu/rss.xml`]);
  });

  test('the sitemap lists every page but the 404 page and the web editor, and robots.txt points at it', () => {
    const index = parser.parse(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).sitemapindex.sitemap as Node[];
    const urls = index.flatMap((entry) => {
      const xml = readFileSync(join(dist, pathOf(String(entry.loc))), 'utf8');
      assertWellFormed(xml);
      return (parser.parse(xml).urlset.url as Node[]).map((url) => String(url.loc));
    });
    const pages = listFiles(dist)
      .filter((file) => file.endsWith('index.html') && !file.startsWith('admin/'))
      .map((file) => `${SITE_URL}/${file.replace(/index\.html$/, '')}`);
    expect([...urls].sort()).toEqual(pages.sort());
    expect(urls.join('\n')).not.toMatch(/404|draft|future|rss\.xml/);
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`);
  });
});

describe('article metadata', () => {
  const jsonLd = (path: string) => {
    const $ = page(dist, path);
    return $('script[type="application/ld+json"]')
      .map((_, script) => JSON.parse($(script).text()))
      .get() as Node[];
  };

  test('every article: canonical, description, Open Graph and JSON-LD that agree with the page', () => {
    for (const file of listFiles(dist).filter((name) => /^news\/(?!page\/)[^/]+\/index\.html$/.test(name))) {
      const path = `/${file.replace(/index\.html$/, '')}`;
      const $ = page(dist, path);
      const og = (property: string) => $(`meta[property="${property}"]`).attr('content');
      const url = `${SITE_URL}${path}`;
      const datetime = $('.article__meta time').attr('datetime');
      expect($('link[rel="canonical"]').attr('href'), path).toBe(url);
      expect(og('og:url'), path).toBe(url);
      expect(og('og:type'), path).toBe('article');
      expect(og('og:title'), path).toBe($('h1').text().trim());
      expect(og('article:published_time'), path).toBe(datetime);
      expect(datetime, path).toMatch(/\+08:00$/);
      // The link-preview picture: the 1200x630 JPEG of an encoded cover (site.test.ts reads its
      // pixels), a remote cover's own URL, nothing for an SVG cover or none.
      const cover = $('.article__cover img');
      const encoded = cover.parent('picture').find('source').length > 0;
      const remote = /^https:/.test(cover.attr('src') ?? '');
      const image = og('og:image');
      if (encoded) {
        expect(image, path).toMatch(new RegExp(`^${SITE_URL}/images/covers/cover-\\d\\d_[\\w-]+\\.jpg$`));
        expect([og('og:image:type'), og('og:image:width'), og('og:image:height')], path).toEqual(['image/jpeg', '1200', '630']);
      } else if (remote) expect(image, path).toBe(cover.attr('src'));
      else expect(image, path).toBeUndefined();

      const [article, breadcrumb] = jsonLd(path);
      expect(article['@type'], path).toBe('NewsArticle');
      expect(article.headline, path).toBe($('h1').text().trim());
      expect(article.datePublished, path).toBe(datetime);
      expect(article.mainEntityOfPage, path).toEqual({ '@type': 'WebPage', '@id': url });
      expect((article.publisher as Node).name, path).toBe('开发区新闻编辑部');
      const [source, zone, region] = $('.article__meta a')
        .map((_, a) => $(a).text())
        .get();
      expect((article.author as Node).name, path).toBe(source);
      expect((article.sourceOrganization as Node).name, path).toBe(source);
      expect(article.contentLocation, path).toMatchObject({ name: zone, containedInPlace: { '@type': 'City', name: region } });
      if (encoded) expect(article.image, path).toEqual([{ '@type': 'ImageObject', url: image, width: 1200, height: 630 }]);
      else if (remote) expect(article.image, path).toEqual([{ '@type': 'ImageObject', url: image }]);
      else expect(article, path).not.toHaveProperty('image');

      const crumbs = $('.breadcrumb li')
        .map((_, li) => [[$(li).text().trim(), $(li).find('a').attr('href')]])
        .get() as Array<[string, string | undefined]>;
      expect(breadcrumb['@type'], path).toBe('BreadcrumbList');
      expect(breadcrumb.itemListElement, path).toEqual(
        crumbs.map(([name, href], i) => ({ '@type': 'ListItem', position: i + 1, name, item: `${SITE_URL}${href}` })),
      );
    }
  });

  test('a title with </script> in it cannot break out of the JSON-LD', () => {
    const $ = page(dist, '/news/2024-05-20-kuozhanming/');
    const raw = $('script[type="application/ld+json"]').first().html() ?? '';
    expect(raw).not.toMatch(/<|>/);
    expect(jsonLd('/news/2024-05-20-kuozhanming/')[0].headline).toBe('标题里有 <b>标签</b> & 符号 "引号" ]]> 也要原样显示');
  });
});

describe('a cover that is not under public/', () => {
  test('stops the build, naming every article that uses it, without a stack trace', () => {
    const work = tempDir('cover');
    const missing = join(work, 'content');
    mkdirSync(missing, { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
    for (const name of ['a', 'b']) {
      const fields = ['title: 缺图', 'date: 2023-04-07', 'source: 盐城市商务局', 'zone: 盐城经济技术开发区', 'region: 盐城'];
      const cover = ['type: 图片新闻', 'cover: /images/no-such-picture.jpg', 'coverAlt: 图'];
      writeFileSync(join(missing, `${name}.md`), ['---', ...fields, ...cover, '---', '正文。'].join('\n'));
    }
    const failed = buildSite(missing);
    expect(failed.status).not.toBe(0);
    for (const name of ['a', 'b'])
      expect(failed.output).toMatch(new RegExp(`${name}\\.md:\\d+: cover: 找不到封面图文件 public/images/no-such-picture\\.jpg`));
    expect(failed.output).not.toMatch(/^\s+at /m);
  });
});
