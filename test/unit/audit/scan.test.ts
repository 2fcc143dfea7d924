import { describe, expect, test } from 'vitest';
import { isDangerousUrl, scanHtml, scanXml, srcsetUrls } from '@/lib/audit/scan';

describe('scanHtml', () => {
  test('collects every URL a page refers to, its canonical and the links inside <main>', () => {
    const scan = scanHtml(`<!doctype html><html><head>
      <link rel="canonical" href="https://example.org/news/a/">
      <link rel="stylesheet" href="/_astro/a.css"><link rel="alternate" type="application/rss+xml" href="/news/rss.xml">
      <meta property="og:image" content="https://example.org/images/a.jpg"><script type="module" src="/_astro/s.js"></script>
      </head><body><a href="/">首页</a><main><a href="/news/b/">B</a><img src="c.png" srcset="/d.png 1x, /e.png 2x">
      <form action="/search/"></form></main><a href="/feeds/">订阅</a></body></html>`);
    expect(scan.canonical).toBe('https://example.org/news/a/');
    expect(scan.links).toEqual([
      'https://example.org/news/a/',
      '/_astro/a.css',
      '/news/rss.xml',
      'https://example.org/images/a.jpg',
      '/_astro/s.js',
      '/',
      '/news/b/',
      'c.png',
      '/d.png',
      '/e.png',
      '/search/',
      '/feeds/',
    ]);
    expect(scan.mainLinks).toEqual(['/news/b/']);
    expect(scan.unsafe).toEqual([]);
    expect(scan.inlineScripts).toEqual([]);
  });

  test('JSON-LD is data, not script; JSON-LD that is not JSON is reported', () => {
    expect(scanHtml('<script type="application/ld+json">{"a":"<\\/script>"}</script>')).toMatchObject({ unsafe: [], inlineScripts: [] });
    // A title that closed the block early leaves broken JSON and an inline script behind.
    const broken = scanHtml('<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>');
    expect(broken.unsafe).toEqual([expect.stringContaining('not valid JSON')]);
    expect(broken.inlineScripts).toEqual(['alert(1)']);
  });

  test.each([
    ['<p onclick="x()">', 'onclick'],
    ['<img src=x ONERROR=x()>', 'onerror'],
    ['<a href="javascript:alert(1)">', 'href="javascript'],
    ['<a href="&#106;avascript:alert(1)">', 'href="javascript'],
    ['<a href=" java\tscript:alert(1)">', 'href='],
    ['<a href="VBScript:x">', 'href="VBScript'],
    ['<img src="data:image/svg+xml,<svg onload=x()>">', 'src="data:'],
    ['<svg><a xlink:href="javascript:x()">', 'xlink:href'],
    ['<iframe src="https://evil.example/">', '<iframe>'],
    ['<object data="x.swf">', '<object>'],
    ['<embed src="x.swf">', '<embed>'],
    ['<base href="https://evil.example/">', '<base>'],
    ['<meta http-equiv="Refresh" content="0;url=https://evil.example/">', 'refresh'],
    ['<style>body{background:url(javascript:x)}</style>', '<style>'],
    ['<p style="width:expression(alert(1))">', 'style='],
    ['<button formaction="javascript:x()">', 'formaction'],
  ])('reports %s', (html, expected) => {
    expect(scanHtml(html).unsafe.join('\n')).toContain(expected);
  });

  test('script sources are collected for the one-script rule', () => {
    const scan = scanHtml('<script src="/large-text.js" defer></script><script type="module" src="/_astro/a.js"></script>');
    expect(scan.scriptSources).toEqual(['/large-text.js', '/_astro/a.js']);
    expect(scan.inlineScripts).toEqual([]);
  });

  test('an inline executable script is collected for the CSP check', () => {
    expect(scanHtml('<script>document.write(1)</script><script type="module">x()</script>').inlineScripts).toEqual([
      'document.write(1)',
      'x()',
    ]);
  });
});

describe('isDangerousUrl', () => {
  test.each(['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,x', 'vbscript:x'])(
    '%j is dangerous',
    (url) => {
      expect(isDangerousUrl(url)).toBe(true);
    },
  );
  test.each(['/news/', 'https://example.org/', 'mailto:a@example.org', 'javascript-guide/', '#main'])('%j is not', (url) => {
    expect(isDangerousUrl(url)).toBe(false);
  });
});

test('srcsetUrls reads each candidate URL', () => {
  expect(srcsetUrls('/a.png 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
  expect(srcsetUrls('/a,b.png 100w,/c.png 200w')).toEqual(['/a,b.png', '/c.png']);
});

describe('scanXml', () => {
  test('a feed: its links, item links, enclosure, stylesheet and item bodies', () => {
    const scan = scanXml(`<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet href="/rss.xsl" type="text/xsl"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
      <link>https://example.org/news/</link><atom:link href="https://example.org/news/rss.xml" rel="self"/>
      <item><link>https://example.org/news/a/</link><source url="https://example.org/sources/x/rss.xml">x</source>
      <enclosure url="https://example.org/images/a.jpg" length="1" type="image/jpeg"/>
      <content:encoded>&lt;p&gt;&lt;a href="/news/b/"&gt;b&lt;/a&gt;&lt;/p&gt;</content:encoded></item>
      <item><link>https://example.org/news/c/</link><content:encoded><![CDATA[<img src="/c.png">]]></content:encoded></item>
      </channel></rss>`);
    expect(scan.kind).toBe('feed');
    expect(scan.entries).toEqual(['https://example.org/news/a/', 'https://example.org/news/c/']);
    expect(scan.links).toEqual([
      '/rss.xsl',
      'https://example.org/news/',
      'https://example.org/news/rss.xml',
      'https://example.org/news/a/',
      'https://example.org/sources/x/rss.xml',
      'https://example.org/images/a.jpg',
      'https://example.org/news/c/',
    ]);
    expect(scan.bodies.map((body) => body.links)).toEqual([['/news/b/'], ['/c.png']]);
  });

  test('a sitemap, a sitemap index and an OPML list', () => {
    const sitemap = scanXml(
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/</loc></url></urlset>',
    );
    expect(sitemap).toMatchObject({ kind: 'sitemap', entries: ['https://example.org/'] });
    expect(scanXml('<sitemapindex><sitemap><loc>https://example.org/sitemap-0.xml</loc></sitemap></sitemapindex>')).toMatchObject({
      kind: 'sitemap-index',
      entries: ['https://example.org/sitemap-0.xml'],
    });
    const opml = scanXml(
      '<opml><body><outline xmlUrl="https://example.org/news/rss.xml" htmlUrl="https://example.org/news/"/></body></opml>',
    );
    expect(opml).toMatchObject({ kind: 'other', links: ['https://example.org/news/rss.xml', 'https://example.org/news/'] });
  });
});
