import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '@/lib/audit/bulk-redirects';
import { readIco } from '@/lib/site/icons';
import { localImageFacts } from '@/lib/build/image-facts';
import { thumbnailUrl } from '@/lib/site/thumbnail-url';
import { buildSite, generateCorpus, hasPage, listFiles, listingMembers, page, ROOT, tempDir, type BuildResult } from './helpers';

/**
 * One build of the fixture articles (test/fixtures/site) plus 40 generated ones, under a time
 * zone far from Beijing, then assertions on the HTML it wrote. Its three old URLs are more than
 * the redirects limit it is built with (DEVZONE_REDIRECTS_LIMIT=2), so it writes the Cloudflare
 * Bulk Redirects CSV too.
 */

let build: BuildResult;
let dist: string;

beforeAll(() => {
  const work = tempDir('site');
  const content = join(work, 'content');
  cpSync(join(ROOT, 'test/fixtures/site/news'), content, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/site/registry.yaml'), join(work, 'registry.yaml'));
  generateCorpus(join(content, 'generated'), 40, 1, join(work, 'registry.yaml'));
  build = buildSite(content, { tz: 'America/Los_Angeles', work, env: { DEVZONE_REDIRECTS_LIMIT: '2' } });
  dist = build.dist;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

const text = ($: CheerioAPI, selector: string) => $(selector).first().text().trim();
/** The site's pages in a build, not the web editor's (test/build/cms.test.ts). */
const sitePages = (built: string) => listFiles(built).filter((file) => file.endsWith('.html') && !file.startsWith('admin/'));
const htmlPages = () => sitePages(dist);
const articlePaths = () =>
  htmlPages()
    .filter((file) => /^news\/(?!page\/)[^/]+\/index\.html$/.test(file))
    .map((file) => `/${file.replace(/index\.html$/, '')}`);

describe('article page', () => {
  test('shows title, Beijing time, 来源, 发布开发区 and region, each linked to its listing', () => {
    const $ = page(dist, '/news/2023-04-07-kaigong/');
    expect(text($, 'h1')).toBe('盐城经开区一季度12个重大项目集中开工');
    expect($('.article__meta time').attr('datetime')).toBe('2023-04-07T09:30:00+08:00');
    expect(text($, '.article__meta time')).toBe('2023-04-07 09:30');
    const links = $('.article__meta a')
      .map((_, a) => [[$(a).text(), $(a).attr('href')]])
      .get();
    expect(links).toEqual([
      ['盐城经济技术开发区管委会', '/sources/yancheng-jingji-jishu-kaifaqu-guanweihui/'],
      ['盐城经济技术开发区', '/zones/yancheng-jingji-jishu-kaifaqu/'],
      ['盐城', '/regions/yancheng/'],
    ]);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('link[rel="canonical"]').attr('href')).toMatch(/\/news\/2023-04-07-kaigong\/$/);
  });

  test('breadcrumb is 首页 > 开发区新闻 > region > type', () => {
    const $ = page(dist, '/news/2023-04-07-kaigong/');
    expect(
      $('.breadcrumb li')
        .map((_, li) => $(li).text().trim())
        .get(),
    ).toEqual(['首页', '开发区新闻', '盐城', '文字新闻']);
    expect($('.breadcrumb a').last().attr('href')).toBe('/types/wenzi/');
  });

  test('a 图片新闻 shows its cover with its description; an SVG cover as it is, with its real size', () => {
    const $ = page(dist, '/news/yancheng-gaoxin-changfang/');
    expect($('.article__cover img').attr('src')).toBe('/images/covers/cover-01.svg');
    expect($('.article__cover source')).toHaveLength(0);
    expect([$('.article__cover img').attr('width'), $('.article__cover img').attr('height')]).toEqual(['800', '450']);
    expect($('.article__cover img').attr('alt')).toBe('盐城高新区新建的标准化厂房');
    expect($('.breadcrumb li').last().text().trim()).toBe('图片新闻');
    // No link preview shows an SVG: no og:image rather than one no one reads.
    expect($('meta[property="og:image"]')).toHaveLength(0);
  });

  test('dangerous HTML in the body is made safe, harmless content kept', () => {
    const $ = page(dist, '/news/2023-04-07-kaigong/');
    const body = $('.article__body');
    expect(body.find('script, iframe, style, object, embed').length).toBe(0);
    expect(body.find('*').filter((_, el) => Object.keys(el.attribs).some((name) => name.startsWith('on'))).length).toBe(0);
    expect(body.find('a').filter((_, a) => /^\s*javascript:/i.test($(a).attr('href') ?? '')).length).toBe(0);
    expect(body.find('[style]').length).toBe(0);
    expect(body.text()).toContain('点击这里');
    expect(body.find('table td').first().text()).toBe('新能源电池');
  });
});

describe('pictures', () => {
  /** The files of a srcset with the width each claims. */
  const candidates = (srcset: string | undefined) =>
    (srcset ?? '').split(', ').map((candidate) => {
      const [url, descriptor] = candidate.trim().split(' ');
      return { file: join(dist, decodeURI(url)), width: Number.parseInt(descriptor, 10) };
    });
  /**
   * Every srcset of a <picture> by type: its sources', then its <img>'s as `fallback`, which is
   * the largest file alone (browsers that read neither AVIF nor WebP get one size).
   */
  const srcsets = ($: CheerioAPI, img: Parameters<CheerioAPI>[0]) => {
    const picture = $(img).parent('picture');
    const sets = picture
      .find('source')
      .map((_, source) => [[$(source).attr('type') ?? '', $(source).attr('srcset')]])
      .get() as Array<[string, string | undefined]>;
    expect($(img).attr('srcset')).toBeUndefined();
    const widest = candidates(sets.at(-1)?.[1]).at(-1)?.width;
    return [...sets, ['fallback', `${$(img).attr('src')} ${widest}w`]] as Array<[string, string | undefined]>;
  };
  const photoArticle = () => {
    const path = articlePaths().find((candidate) => page(dist, candidate)('.article__cover source').length > 0);
    if (!path) throw new Error('no article with an encoded cover');
    return path;
  };

  test("an article's JPEG cover: AVIF, WebP and JPEG in every width claimed, files in the output, the real size, fetched first", async () => {
    const $ = page(dist, photoArticle());
    const img = $('.article__cover img');
    const name = /cover-\d\d/.exec(img.attr('src') ?? '')?.[0];
    const original = await sharp(join(ROOT, 'public/images/covers', `${name}.jpg`)).metadata();
    expect([img.attr('width'), img.attr('height')]).toEqual([String(original.width), String(original.height)]);
    expect([img.attr('loading'), img.attr('fetchpriority')]).toEqual(['eager', 'high']);
    expect(img.attr('sizes')).toBe('(min-width: 42.375rem) 40.375rem, calc(100vw - 2rem)');
    const sets = srcsets($, '.article__cover img');
    expect(sets.map(([type]) => type)).toEqual(['image/avif', 'image/webp', 'fallback']);
    for (const [type, srcset] of sets) {
      const files = candidates(srcset);
      expect(
        files.map((file) => file.width),
        type,
      ).toEqual(type === 'fallback' ? [1280] : [360, 540, 720, 960, 1280]);
      for (const { file, width } of files) {
        const meta = await sharp(file).metadata();
        expect([meta.format, meta.width, meta.height], file).toEqual([
          type === 'fallback' ? 'jpeg' : type === 'image/avif' ? 'heif' : 'webp',
          width,
          Math.round((width * original.height) / original.width),
        ]);
      }
    }
  });

  test('og:image: one 1200x630 JPEG in the output, the same in the NewsArticle', async () => {
    const $ = page(dist, photoArticle());
    const url = $('meta[property="og:image"]').attr('content') ?? '';
    expect($('meta[property="og:image"]')).toHaveLength(1);
    const meta = await sharp(join(dist, new URL(url).pathname)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
    expect([$('meta[property="og:image:width"]').attr('content'), $('meta[property="og:image:height"]').attr('content')]).toEqual([
      '1200',
      '630',
    ]);
    const article = JSON.parse($('script[type="application/ld+json"]').first().text()) as { image: unknown };
    expect(article.image).toEqual([{ '@type': 'ImageObject', url, width: 1200, height: 630 }]);
  });

  test('a JPEG in the body: a lazy <picture> of the real size, alt kept, files as claimed', async () => {
    const $ = page(dist, '/news/yancheng-gaoxin-changfang/');
    const img = $('.article__body picture img');
    expect(img.attr('alt')).toBe('厂房内景');
    expect([img.attr('width'), img.attr('height'), img.attr('loading')]).toEqual(['1600', '900', 'lazy']);
    for (const [type, srcset] of srcsets($, '.article__body picture img')) {
      for (const { file, width } of candidates(srcset)) expect((await sharp(file).metadata()).width, `${type} ${file}`).toBe(width);
    }
  });

  test("thumbnailUrl (for search results) is the listings' largest WebP thumbnail: a file the article page had Astro write", async () => {
    const $ = page(dist, '/types/tupian/');
    let checked = 0;
    for (const img of $('img.article-list__cover').toArray()) {
      const original = /\/images\/covers\/cover-\d\d/.exec($(img).attr('src') ?? '')?.[0];
      if (!original || !$(img).attr('src')?.includes('_')) continue;
      const cover = `${original}.jpg`;
      const facts = await localImageFacts(cover, join(ROOT, 'public', cover));
      const webp = srcsets($, img).find(([type]) => type === 'image/webp')?.[1];
      expect(thumbnailUrl(cover, facts), cover).toBe(candidates(webp).at(-1)?.file.slice(dist.length));
      expect(statSync(join(dist, thumbnailUrl(cover, facts))).size).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    expect(
      thumbnailUrl(
        '/images/covers/cover-01.svg',
        await localImageFacts('/images/covers/cover-01.svg', join(ROOT, 'public/images/covers/cover-01.svg')),
      ),
    ).toBe('/images/covers/cover-01.svg');
  });

  test('listing thumbnails: 16:9 crops, lazy, in every width claimed, and a page of them weighs under 100 KB in any format', async () => {
    const listings = htmlPages().filter((file) => !/^news\/(?!page\/)[^/]+\/index\.html$/.test(file));
    let checked = 0;
    for (const file of listings) {
      const $ = load(readFileSync(join(dist, file), 'utf8'));
      const thumbnails = $('img.article-list__cover').toArray();
      // The most a browser can fetch: for each thumbnail, the largest file of its heaviest format.
      let heaviest = 0;
      for (const img of thumbnails) {
        // An encoded cover's largest thumbnail is 320x180; an SVG one (the fixture's) is itself, at its real size.
        const encoded = $(img).parent('picture').find('source').length > 0;
        const size = encoded ? ['320', '180'] : ['800', '450'];
        expect([$(img).attr('loading'), $(img).attr('width'), $(img).attr('height')], file).toEqual(['lazy', ...size]);
        const sizes = srcsets($, img).map(([, srcset]) => statSync(candidates(srcset ?? $(img).attr('src')).at(-1)?.file ?? '').size);
        heaviest += Math.max(...sizes);
      }
      expect(heaviest, file).toBeLessThan(100_000);
      checked += thumbnails.length > 0 ? 1 : 0;
    }
    expect(checked).toBeGreaterThan(5);
    const $ = page(dist, '/types/tupian/');
    for (const [type, srcset] of srcsets($, 'img.article-list__cover')) {
      for (const { file, width } of candidates(srcset)) {
        const meta = await sharp(file).metadata();
        expect([meta.width, meta.height], `${type} ${file}`).toEqual([width, Math.round((width * 9) / 16)]);
      }
    }
  });
});

describe('updated (更新时间)', () => {
  // 2023-01-01-xinnian was corrected on 2024-06-01, after every other fixture article was
  // published; 2024-03-01-utc has a typo, an updated in 2099.
  const corrected = '/news/2023-01-01-xinnian/';
  const typo = '/news/2024-03-01-utc/';
  const newsArticle = ($: CheerioAPI) =>
    $('script[type="application/ld+json"]')
      .map((_, script) => [JSON.parse($(script).html() ?? '') as Record<string, unknown>])
      .get()
      .find((data: Record<string, unknown>) => data['@type'] === 'NewsArticle');
  const sitemap = () => {
    const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const { urlset } = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml) as {
      urlset: { url: Array<{ loc: string; lastmod?: string }> };
    };
    return new Map(urlset.url.map(({ loc, lastmod }) => [new URL(loc).pathname, lastmod]));
  };

  test('the meta line shows 更新时间 after 发布时间, in Beijing time', () => {
    const $ = page(dist, corrected);
    const meta = $('.article__meta > div')
      .map((_, item) => [[$(item).find('dt').text(), $(item).find('time').attr('datetime') ?? null]])
      .get();
    expect(meta.slice(0, 3)).toEqual([
      ['发布时间', '2023-01-01T00:30:00+08:00'],
      ['更新时间', '2024-06-01T10:00:00+08:00'],
      ['来源', null],
    ]);
    expect($('.article__meta time').eq(1).text()).toBe('2024-06-01 10:00');
  });

  test('an article without updated, or with one later than the build, shows no 更新时间', () => {
    for (const path of ['/news/2023-04-07-kaigong/', typo]) {
      const $ = page(dist, path);
      expect(
        $('.article__meta dt')
          .map((_, dt) => $(dt).text())
          .get(),
        path,
      ).not.toContain('更新时间');
      expect($('.article__meta time').length, path).toBe(1);
    }
  });

  test('JSON-LD has dateModified from updated, and none without one', () => {
    expect(newsArticle(page(dist, corrected))).toMatchObject({
      datePublished: '2023-01-01T00:30:00+08:00',
      dateModified: '2024-06-01T10:00:00+08:00',
    });
    expect(newsArticle(page(dist, '/news/2023-04-07-kaigong/'))).not.toHaveProperty('dateModified');
    expect(newsArticle(page(dist, typo))).not.toHaveProperty('dateModified');
  });

  test('the sitemap gives each article its lastmod (updated, else date) and listings none', () => {
    const lastmods = sitemap();
    expect(new Date(lastmods.get(corrected) ?? '')).toEqual(new Date('2024-06-01T10:00:00+08:00'));
    expect(new Date(lastmods.get('/news/2023-04-07-kaigong/') ?? '')).toEqual(new Date('2023-04-07T09:30:00+08:00'));
    expect(new Date(lastmods.get(typo) ?? '')).toEqual(new Date('2024-03-01T08:00:00Z'));
    for (const path of articlePaths()) expect(lastmods.get(path), path).toBeDefined();
    for (const path of ['/', '/news/', '/zones/', '/zones/yancheng-jingji-jishu-kaifaqu/']) {
      expect(lastmods.has(path), path).toBe(true);
      expect(lastmods.get(path), path).toBeUndefined();
    }
  });

  test('never reorders: the corrected article keeps its place by date in listings and the feed', () => {
    for (const listing of ['/news/', '/zones/yancheng-jingji-jishu-kaifaqu/']) {
      const members = listingMembers(dist, listing);
      expect(members.indexOf(corrected), listing).toBeGreaterThan(members.indexOf('/news/2023-04-07-kaigong/'));
    }
    const { rss } = new XMLParser().parse(readFileSync(join(dist, 'news', 'rss.xml'), 'utf8')) as {
      rss: { channel: { item: Array<{ link: string; pubDate: string }> } };
    };
    const items = rss.channel.item;
    const at = (path: string) => items.findIndex((item) => new URL(item.link).pathname === path);
    expect(at(corrected)).toBeGreaterThan(at('/news/2023-04-07-kaigong/'));
    const dates = items.map((item) => new Date(item.pubDate).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });
});

describe('the registry', () => {
  test('an article written with short names is filed under the official ones', () => {
    const $ = page(dist, '/news/2023-04-07-qianyue/');
    const links = $('.article__meta a')
      .map((_, a) => $(a).text())
      .get();
    expect(links).toEqual(['盐城经济技术开发区招商局', '盐城经济技术开发区', '盐城']);
    expect(listingMembers(dist, '/zones/yancheng-jingji-jishu-kaifaqu/')).toContain('/news/2023-04-07-qianyue/');
    for (const file of htmlPages()) expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain('盐城经开区</a>');
  });

  test('a slug override in the registry gives the zone its URL everywhere', () => {
    expect(hasPage(dist, '/zones/guanggu/')).toBe(true);
    const zones = page(dist, '/zones/');
    expect(
      zones('a')
        .filter((_, a) => zones(a).text() === '武汉东湖新技术开发区')
        .attr('href'),
    ).toBe('/zones/guanggu/');
    expect(listFiles(dist).some((file) => file.startsWith('zones/wuhan-donghu'))).toBe(false);
  });
});

describe('_redirects', () => {
  test('maps the path of every published legacyUrl to the new article URL', () => {
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toBe(
      [
        '/kfqxw/yc/202304/t20230407_1234.html /news/2023-04-07-kaigong/ 301',
        '/kfqxw/yc/202304/t20230407_1235.html /news/2023-04-07-qianyue/ 301',
        '/xw/rc,2024.html /news/2024-03-01-utc/ 301',
        '',
      ].join('\n'),
    );
  });
});

describe('above the redirects limit', () => {
  const csvFile = () => `${dist}.cloudflare-bulk-redirects.csv`;

  test('the Bulk Redirects CSV is beside the output, not in it', () => {
    expect(listFiles(dist).filter((file) => file.endsWith('.csv'))).toEqual([]);
    expect(existsSync(csvFile())).toBe(true);
  });

  test('it holds every redirect of _redirects, host and path to absolute URL, without a header row', () => {
    expect(parseCsv(readFileSync(csvFile(), 'utf8'))).toEqual([
      [
        'www.kfq.example.gov.cn/kfqxw/yc/202304/t20230407_1234.html',
        'https://news.example.org/news/2023-04-07-kaigong/',
        '301',
        'false',
        'false',
        'false',
        'false',
      ],
      // A root-relative legacyUrl is on the site's own host.
      [
        'news.example.org/kfqxw/yc/202304/t20230407_1235.html',
        'https://news.example.org/news/2023-04-07-qianyue/',
        '301',
        'false',
        'false',
        'false',
        'false',
      ],
      // Port and query string cannot be part of a source URL; the comma is quoted.
      [
        'www.sipac.example.gov.cn/xw/rc,2024.html',
        'https://news.example.org/news/2024-03-01-utc/',
        '301',
        'false',
        'false',
        'false',
        'false',
      ],
    ]);
  });

  test('the build says so, and the audit checked it', () => {
    expect(build.output).toContain(
      `[devzone-bulk-redirects] 3 redirects: _redirects holds them all (Netlify reads all of it), but Cloudflare Pages applies only the first 2. For Cloudflare, import ${csvFile()} as a Bulk Redirect List`,
    );
    expect(build.output).toMatch(/\[devzone-audit\] checked/);
  });
});

describe('host limits', () => {
  test('the build reports its file count and size against them', () => {
    const files = listFiles(dist).length;
    expect(build.output).toMatch(
      new RegExp(
        `\\[devzone-host-limits\\] ${files.toLocaleString('en-US')} files, [\\d.]+ MB\\. Cloudflare Pages \\(Free\\) 20,000 files: fits; .*Netlify 54,000 entries per folder: fits \\(\\S+/ has \\d+\\)\\.`,
      ),
    );
  });
});

describe('titles and files', () => {
  test('a title full of markup characters is shown as text', () => {
    const $ = page(dist, '/news/2024-05-20-kuozhanming/');
    expect(text($, 'h1')).toBe('标题里有 <b>标签</b> & 符号 "引号" ]]> 也要原样显示');
    expect($('h1 b').length).toBe(0);
  });

  test('a .markdown file is an article like a .md file', () => {
    expect(listingMembers(dist, '/zones/suzhou-gongye-yuanqu/')).toContain('/news/2024-05-20-kuozhanming/');
  });
});

describe('dates do not depend on the build machine time zone', () => {
  test('00:30 on 1 January in Beijing is shown as such and filed under that year', () => {
    const $ = page(dist, '/news/2023-01-01-xinnian/');
    expect(text($, '.article__meta time')).toBe('2023-01-01 00:30');
    expect($('.article__meta time').attr('datetime')).toBe('2023-01-01T00:30:00+08:00');
    expect(listingMembers(dist, '/years/2023/')).toContain('/news/2023-01-01-xinnian/');
    expect(listingMembers(dist, '/years/2022/')).not.toContain('/news/2023-01-01-xinnian/');
  });

  test('an explicit UTC time is converted to Beijing time', () => {
    expect(text(page(dist, '/news/2024-03-01-utc/'), '.article__meta time')).toBe('2024-03-01 16:00');
  });

  test('a second build under another time zone writes identical pages', () => {
    const other = buildSite(join(dist, '..', 'content'), { tz: 'Pacific/Kiritimati' });
    expect(other.status).toBe(0);
    const files = htmlPages();
    expect(sitePages(other.dist)).toEqual(files);
    for (const file of files) expect(readFileSync(join(other.dist, file), 'utf8'), file).toBe(readFileSync(join(dist, file), 'utf8'));
  });
});

describe('publication rules', () => {
  test('drafts, future articles and _-prefixed files are nowhere in the output', () => {
    expect(hasPage(dist, '/news/draft/')).toBe(false);
    expect(hasPage(dist, '/news/future/')).toBe(false);
    expect(hasPage(dist, '/news/ignored/')).toBe(false);
    for (const file of htmlPages()) {
      const html = readFileSync(join(dist, file), 'utf8');
      expect(html, file).not.toContain('草稿不应出现');
      expect(html, file).not.toContain('定时发布不应出现');
      expect(html, file).not.toContain('下划线目录中的文件被忽略');
    }
  });

  test('every page runs one script, the 大字模式 file; only the search page adds its own (JSON-LD data is not executed)', () => {
    const jsonLd = /<script type="application\/ld\+json">[^<]*<\/script>/g;
    const largeText = '<script src="/large-text.js" defer></script>';
    for (const file of htmlPages().filter((name) => name !== 'search/index.html')) {
      const html = readFileSync(join(dist, file), 'utf8').replace(jsonLd, '');
      expect(html.split(largeText).length - 1, file).toBe(1);
      expect(html.replace(largeText, ''), file).not.toMatch(/<script/i);
    }
    // The 大字模式 file, the search page's own script, and Pagefind's bundle, which only the search page loads.
    const scripts = listFiles(dist).filter(
      (file) => file.endsWith('.js') && !file.startsWith('pagefind/') && !file.startsWith('admin/') && file !== 'large-text.js',
    );
    expect(scripts).toHaveLength(1);
    expect(readFileSync(join(dist, 'search', 'index.html'), 'utf8')).toContain(`src="/${scripts[0]}"`);
    expect(listFiles(dist)).toContain('large-text.js');
  });
});

describe('listings', () => {
  test('all news is paginated by the configured page size, newest first', () => {
    const first = page(dist, '/news/');
    const items = first('.listing .article-list__item');
    expect(items.length).toBe(20);
    const dates = first('.listing time')
      .map((_, t) => first(t).attr('datetime'))
      .get();
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(first('.pager a[rel="next"]').attr('href')).toBe('/news/page/2/');
    expect(hasPage(dist, '/news/page/1/')).toBe(false);
    const second = page(dist, '/news/page/2/');
    expect(second('.pager a[rel="prev"]').attr('href')).toBe('/news/');
    expect(second('.pager [aria-current="page"]').text()).toBe('2');
  });

  test('the all-news listing holds every article page exactly once', () => {
    const members = listingMembers(dist, '/news/');
    expect(new Set(members).size).toBe(members.length);
    expect([...members].sort()).toEqual(articlePaths().sort());
  });

  test('every article is in its region, zone, type, source and year listing', () => {
    for (const path of articlePaths()) {
      const $ = page(dist, path);
      const [source, zone, region] = $('.article__meta a')
        .map((_, a) => $(a).attr('href'))
        .get();
      const type = $('.breadcrumb a').last().attr('href') as string;
      const year = `/years/${$('.article__meta time').attr('datetime')?.slice(0, 4)}/`;
      for (const listing of [source, zone, region, type, year])
        expect(listingMembers(dist, listing), `${path} in ${listing}`).toContain(path);
    }
  });

  test('index pages count what the listings hold', () => {
    for (const index of ['/regions/', '/zones/', '/sources/', '/years/']) {
      const $ = page(dist, index);
      const rows = $('.term-list li')
        .map((_, li) => [[$(li).find('a').attr('href'), Number.parseInt($(li).find('.term-list__count').text(), 10)]])
        .get();
      expect(rows.length, index).toBeGreaterThan(0);
      for (const [href, count] of rows) expect(listingMembers(dist, href as string).length, `${href} on ${index}`).toBe(count);
    }
  });

  test('zones are grouped under their region', () => {
    const $ = page(dist, '/zones/');
    const yancheng = $('section').filter((_, s) => $(s).find('h2').text().trim() === '盐城');
    expect(
      yancheng
        .find('.term-list a')
        .map((_, a) => $(a).text())
        .get(),
    ).toEqual(expect.arrayContaining(['盐城经济技术开发区', '盐城高新技术产业开发区']));
  });
});

describe('上一条 / 下一条', () => {
  test('articles published at the same moment are ordered by file id', () => {
    const $ = page(dist, '/news/2023-04-07-kaigong/');
    expect($('.neighbours a[rel="next"]').attr('href')).toBe('/news/2023-04-07-qianyue/');
    expect(page(dist, '/news/2023-04-07-qianyue/')('.neighbours a[rel="prev"]').attr('href')).toBe('/news/2023-04-07-kaigong/');
  });

  test('following 下一条 from the newest article of a zone walks its whole listing', () => {
    const zones = page(dist, '/zones/');
    for (const zone of zones('.term-list a')
      .map((_, a) => zones(a).attr('href'))
      .get()) {
      const listing = listingMembers(dist, zone);
      const walked: string[] = [];
      let current: string | undefined = listing[0];
      while (current) {
        walked.push(current);
        current = page(dist, current)('.neighbours a[rel="next"]').attr('href');
      }
      expect(walked, zone).toEqual(listing);
    }
  });

  test('related news never lists the article itself', () => {
    for (const path of articlePaths()) {
      const $ = page(dist, path);
      const related = $('.related a')
        .map((_, a) => $(a).attr('href'))
        .get();
      expect(related, path).not.toContain(path);
    }
  });
});

describe('site chrome', () => {
  test('home shows the latest news and blocks for regions and zones', () => {
    const $ = page(dist, '/');
    expect($('.home__latest .article-list__item').length).toBe(12);
    expect($('.home__latest .article-list__title a').first().attr('href')).toBe(listingMembers(dist, '/news/')[0]);
    expect($('.home-block').length).toBeGreaterThan(2);
  });

  test('header, skip link, landmarks and footer contact on every page', () => {
    for (const file of htmlPages()) {
      const $ = page(dist, `/${file}`);
      expect($('a.skip-link').attr('href'), file).toBe('#main');
      expect($('header nav a').length, file).toBeGreaterThan(3);
      expect($('main#main').length, file).toBe(1);
      expect($('footer').text(), file).toContain('传真');
    }
  });

  test('a 404 page that search engines skip', () => {
    const $ = page(dist, '/404.html');
    expect(text($, 'h1')).toBe('页面不存在');
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});

describe('icons, web manifest and filing lines', () => {
  test('every page links the PNG and SVG icons, the touch icon and the manifest, each in the output, and sets theme-color', () => {
    for (const file of htmlPages()) {
      const $ = page(dist, `/${file}`);
      const links = $('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
        .map((_, link) => [[$(link).attr('rel'), $(link).attr('href'), $(link).attr('type'), $(link).attr('sizes')]])
        .get();
      expect(links, file).toEqual([
        ['icon', '/icons/favicon-32.png', 'image/png', '32x32'],
        ['icon', '/favicon.svg', 'image/svg+xml', undefined],
        ['apple-touch-icon', '/apple-touch-icon.png', undefined, '180x180'],
        ['manifest', '/manifest.webmanifest', undefined, undefined],
      ]);
      expect($('meta[name="theme-color"]').attr('content'), file).toBe('#0b4f9c');
    }
    for (const href of ['icons/favicon-32.png', 'favicon.svg', 'apple-touch-icon.png'])
      expect(existsSync(join(dist, href)), href).toBe(true);
  });

  test('the PNG icons have the sizes the pages declare', async () => {
    for (const [file, size] of [
      ['icons/favicon-32.png', 32],
      ['apple-touch-icon.png', 180],
    ] as const) {
      expect(await sharp(join(dist, file)).metadata(), file).toMatchObject({ format: 'png', width: size, height: size });
    }
  });

  test('favicon.ico is at the root, so the request every browser makes finds it', async () => {
    const images = readIco(readFileSync(join(dist, 'favicon.ico')));
    expect(images.map((image) => image.size)).toEqual([16, 32, 48]);
    for (const { size, png } of images) expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: size, height: size });
  });

  test('the manifest is JSON, starts at the home page, and its icons are in the output at the sizes it declares', async () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as {
      name: string;
      lang: string;
      start_url: string;
      scope: string;
      icons: Array<{ src: string; sizes: string; purpose: string }>;
    };
    expect(manifest).toMatchObject({ name: '开发区新闻 - 开发区招商引资与项目建设资讯', lang: 'zh-CN', start_url: '/', scope: '/' });
    expect(manifest.icons.map((icon) => [icon.sizes, icon.purpose])).toEqual([
      ['192x192', 'any'],
      ['512x512', 'any'],
      ['512x512', 'maskable'],
    ]);
    for (const icon of manifest.icons) {
      const { width, height } = await sharp(join(dist, icon.src.replace(/^\//, ''))).metadata();
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
  });

  test('the footer of every page has the ICP number linked to the MIIT system and the police number to its record', () => {
    for (const file of htmlPages()) {
      const $ = page(dist, `/${file}`);
      const filing = $('footer a[href*="beian"]')
        .map((_, a) => [[$(a).text().trim(), $(a).attr('href')]])
        .get();
      expect(filing, file).toEqual([
        ['苏ICP备00000000号-1（示例）', 'https://beian.miit.gov.cn/'],
        ['苏公网安备32010502000000号（示例）', 'http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=32010502000000'],
      ]);
    }
  });
});
