import { describe, expect, test } from 'vitest';
import { feedHtml } from '@/lib/feeds/item-html';
import { renderMarkdown } from '@/lib/content/markdown';

const ARTICLE = 'https://news.example.org/news/2023-04-07-kaigong/';

describe('feedHtml', () => {
  test('relative src and href resolve against the article URL, as on the page', () => {
    const html = feedHtml('<p><img src="x.png" alt="图"><a href="../other/">另一条</a><a href="/zones/">开发区</a></p>', ARTICLE);
    expect(html).toContain('src="https://news.example.org/news/2023-04-07-kaigong/x.png"');
    expect(html).toContain('href="https://news.example.org/news/other/"');
    expect(html).toContain('href="https://news.example.org/zones/"');
  });

  test('absolute, mailto and fragment links become or stay absolute', () => {
    const html = feedHtml(
      '<a href="https://gov.cn/a?b=1&amp;c=2">外链</a><a href="mailto:news@example.org">信</a><a href="#fn-1">1</a>',
      ARTICLE,
    );
    expect(html).toContain('href="https://gov.cn/a?b=1&#x26;c=2"');
    expect(html).toContain('href="mailto:news@example.org"');
    expect(html).toContain(`href="${ARTICLE}#fn-1"`);
  });

  test('cite and srcset are made absolute too', () => {
    const html = feedHtml('<blockquote cite="/q/">引</blockquote><picture><source srcset="a.webp 1x, /b.webp 2x"></picture>', ARTICLE);
    expect(html).toContain('cite="https://news.example.org/q/"');
    expect(html).toContain(`srcset="${ARTICLE}a.webp 1x, https://news.example.org/b.webp 2x"`);
  });

  test('a URL no browser could resolve is dropped rather than left relative', () => {
    expect(feedHtml('<a href="http://[">坏链接</a>', ARTICLE)).toBe('<a>坏链接</a>');
  });

  test('the page pipeline output keeps its meaning: no relative URL survives', () => {
    const { html } = renderMarkdown('![图](images/a.png)\n\n[链接](../b/) 与 <a href="c.html">c</a>\n\n| a |\n| - |\n| 1 |');
    const out = feedHtml(html, ARTICLE);
    const urls = [...out.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(urls.length).toBe(3);
    for (const url of urls) expect(url).toMatch(/^https:\/\/news\.example\.org\//);
    expect(out).toContain('<div class="table-scroll"><table>');
  });

  test('the cover comes first, its alt text escaped', () => {
    const html = feedHtml('<p>正文</p>', ARTICLE, { url: 'https://news.example.org/images/a.jpg', alt: '厂房 "新" <建>' });
    expect(html).toBe(
      '<figure><img src="https://news.example.org/images/a.jpg" alt="厂房 &#x22;新&#x22; <建>"><figcaption aria-hidden="true">厂房 "新" &#x3C;建></figcaption></figure><p>正文</p>',
    );
  });

  test('control characters are removed from the body', () => {
    expect(feedHtml('<p>第一\u0008段\u000B落\u0092</p>', ARTICLE)).toBe('<p>第一段落</p>');
  });

  test('text that looks like a CDATA end stays text', () => {
    expect(feedHtml('<p>a ]]&gt; b</p>', ARTICLE)).toBe('<p>a ]]> b</p>');
  });
});
