import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { auditReport, auditSummary, SiteAudit, type AuditRule } from '@/lib/audit/rules';
import { expectedSite } from '@/lib/audit/expected';
import { readFragment } from '@/lib/audit/scan';
import { article } from '../helpers';

/**
 * A tiny built site in memory: one published article `a` (zone 盐城经济技术开发区, 2023), one
 * draft `d`. Each test breaks one thing and reads what the audit says.
 */
const origin = 'https://example.org';
const window = { startedAt: new Date('2024-01-01T00:00:00Z'), finishedAt: new Date('2024-01-01T00:01:00Z') };
const LISTINGS = [
  'news/',
  'regions/yancheng/',
  'zones/yancheng-jingji-jishu-kaifaqu/',
  'types/wenzi/',
  'sources/yancheng-jingji-jishu-kaifaqu-guanweihui/',
  'years/2023/',
];

const html = (body: string, canonical?: string) =>
  `<!doctype html><html><head>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}<link rel="stylesheet" href="/_astro/a.css"></head><body><main>${body}</main></body></html>`;
const feed = (...items: string[]) =>
  `<rss><channel><link>${origin}/news/</link>${items.map((item) => `<item><link>${origin}${item}</link></item>`).join('')}</channel></rss>`;

interface Site {
  pages: Record<string, string>;
  xml: Record<string, string>;
  text: Record<string, string>;
  search: string[];
  files: string[];
}

function goodSite(): Site {
  const pages: Record<string, string> = { 'news/a/index.html': html('<h1>A</h1>', `${origin}/news/a/`) };
  const xml: Record<string, string> = {
    'sitemap-0.xml': `<urlset><url><loc>${origin}/news/a/</loc></url></urlset>`,
    'sitemap-index.xml': `<sitemapindex><sitemap><loc>${origin}/sitemap-0.xml</loc></sitemap></sitemapindex>`,
  };
  for (const listing of LISTINGS) {
    pages[`${listing}index.html`] = html('<a href="/news/a/">A</a>', `${origin}/${listing}`);
    xml[`${listing}rss.xml`] = feed('/news/a/');
  }
  const text = { 'robots.txt': `Sitemap: ${origin}/sitemap-index.xml\n`, _headers: "/*\n  Content-Security-Policy: script-src 'self'\n" };
  return { pages, xml, text, search: ['/news/a/'], files: ['_astro/a.css'] };
}

function audit(site: Site, base = '/'): Map<AuditRule, string[]> {
  const expected = expectedSite(
    [article('a', { at: '2023-04-07T09:30:00+08:00' }), article('d', { draft: true, file: 'content/news/d.md' })],
    window,
    50,
  );
  const files = new Set([...Object.keys(site.pages), ...Object.keys(site.xml), ...Object.keys(site.text), ...site.files]);
  const checker = new SiteAudit(expected, { origin, base }, files);
  for (const [file, text] of Object.entries(site.pages)) checker.page(file, text, { searchPage: file === 'search/index.html' });
  for (const [file, text] of Object.entries(site.xml)) checker.xml(file, text);
  for (const [file, text] of Object.entries(site.text)) checker.text(file, text);
  for (const url of site.search) checker.searchRecord('pagefind', url);
  const result = checker.finish();
  const byRule = new Map<AuditRule, string[]>();
  for (const finding of result.findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding.message]);
  return byRule;
}

describe('SiteAudit', () => {
  test('the web manifest: its start URL and icons must be in the output, and it must be JSON', () => {
    const site = goodSite();
    site.pages['index.html'] = html('');
    site.files.push('icons/icon-192.png');
    site.text['manifest.webmanifest'] = JSON.stringify({
      start_url: '/',
      icons: [{ src: '/icons/icon-192.png' }, { src: '/icons/icon-512.png' }],
    });
    expect(audit(site).get('broken-link')).toEqual(['manifest.webmanifest refers to /icons/icon-512.png, which is not in the output']);
    site.text['manifest.webmanifest'] = '{"icons": [';
    expect(audit(site).get('broken-link')?.[0]).toMatch(/^manifest\.webmanifest is not JSON: /);
  });

  test('a complete site has no finding', () => {
    expect(audit(goodSite())).toEqual(new Map());
  });

  test('an article without a page, or missing from the sitemap and the search index', () => {
    const site = goodSite();
    delete site.pages['news/a/index.html'];
    site.xml['sitemap-0.xml'] = '<urlset></urlset>';
    site.search = [];
    const found = audit(site);
    expect(found.get('missing-page')).toEqual(['content/news/a.md (/news/a/) has no page']);
    expect(found.get('missing-sitemap')).toEqual(['content/news/a.md (/news/a/) is not in the sitemap']);
    expect(found.get('missing-search')).toEqual(['content/news/a.md (/news/a/) is not in the search index']);
    // The listings still link to it: each of those links is broken too.
    expect(found.get('broken-link')).toEqual([expect.stringContaining('refers to /news/a/, which is not in the output (and')]);
  });

  test('every listing and feed that misses the article is named, and a listing or feed that does not exist', () => {
    const site = goodSite();
    site.pages['zones/yancheng-jingji-jishu-kaifaqu/index.html'] = html('<p>空</p>');
    delete site.pages['years/2023/index.html'];
    site.xml['regions/yancheng/rss.xml'] = feed();
    delete site.xml['types/wenzi/rss.xml'];
    const found = audit(site);
    expect(found.get('missing-listing')).toEqual([
      '/news/a/ is missing from the zone listing 盐城经济技术开发区 (/zones/yancheng-jingji-jishu-kaifaqu/)',
      'the year listing 2023 has no page at /years/2023/',
    ]);
    expect(found.get('missing-feed')).toEqual([
      '/news/a/ is missing from the feed /regions/yancheng/rss.xml',
      'the type listing 文字新闻 has no feed at /types/wenzi/rss.xml',
    ]);
  });

  test('a link outside <main> does not count as listed', () => {
    const site = goodSite();
    site.pages['news/index.html'] = '<html><body><a href="/news/a/">A</a><main></main></body></html>';
    expect(audit(site).get('missing-listing')).toEqual(['/news/a/ is missing from the list of all news (/news/)']);
  });

  test('a draft anywhere in the output', () => {
    const site = goodSite();
    site.pages['news/d/index.html'] = html('<h1>D</h1>', `${origin}/news/d/`);
    site.search.push('/news/d/');
    const found = audit(site);
    expect(found.get('unpublished')).toEqual([
      'draft content/news/d.md (/news/d/) has a page, is linked from news/d/index.html, is in the search index',
    ]);
  });

  test('broken links, images, stylesheets and feed links; relative URLs resolve against their page', () => {
    const site = goodSite();
    site.pages['news/a/index.html'] = html(
      '<img src="../../images/x.png"><a href="/nowhere/">x</a><a href="https://other.example/">x</a>',
      `${origin}/news/a/`,
    );
    site.files = [];
    site.xml['news/rss.xml'] = feed('/news/a/', '/news/gone/');
    const found = audit(site);
    expect(found.get('broken-link')?.sort()).toEqual([
      expect.stringMatching(
        /^news\/a\/index.html \(content\/news\/a.md\) refers to \/_astro\/a.css, which is not in the output \(and \d+ more time\(s\)\)$/,
      ),
      'news/a/index.html (content/news/a.md) refers to /images/x.png, which is not in the output',
      'news/a/index.html (content/news/a.md) refers to /nowhere/, which is not in the output',
      'news/rss.xml refers to /news/gone/, which is not in the output',
    ]);
  });

  test('_headers without a CSP, or without the hash of an inline script of the search page', () => {
    const site = goodSite();
    delete site.text._headers;
    expect(audit(site).get('headers')).toEqual(['_headers is missing, or has no Content-Security-Policy']);
    const withScript = goodSite();
    withScript.pages['search/index.html'] = html('<script>start()</script>');
    expect(audit(withScript).get('headers')).toEqual([
      expect.stringMatching(/^the CSP in _headers lacks 'sha256-[A-Za-z0-9+/=]+', an inline script of the search page$/),
    ]);
    expect(audit(withScript).get('unsafe-markup')).toBeUndefined();
  });

  test('outside the search page, the 大字模式 script is the one script a page may load', () => {
    const site = goodSite();
    site.files.push('large-text.js', '_astro/a.js');
    site.pages['news/a/index.html'] = html('<script src="/large-text.js" defer></script>', `${origin}/news/a/`);
    site.pages['search/index.html'] = html(
      '<script src="/large-text.js" defer></script><script type="module" src="/_astro/a.js"></script>',
    );
    expect(audit(site).get('unsafe-markup')).toBeUndefined();
    site.pages['news/a/index.html'] = html(
      '<script src="../../large-text.js"></script><script src="/_astro/a.js"></script>',
      `${origin}/news/a/`,
    );
    site.xml['news/rss.xml'] =
      `<rss><channel><item><link>${origin}/news/a/</link><content:encoded>&lt;script src="/large-text.js"&gt;&lt;/script&gt;</content:encoded></item></channel></rss>`;
    expect(audit(site).get('unsafe-markup')).toEqual([
      'news/a/index.html: <script src="/_astro/a.js">, a script other than /large-text.js',
      'news/rss.xml (an item\'s content:encoded): <script src="/large-text.js">',
    ]);
  });

  test('the web editor at /admin/ may load Decap, and must be detached from the site CSP and kept from robots, sitemap and search', () => {
    const site = goodSite();
    site.files.push('admin/decap-cms.js');
    site.pages['admin/index.html'] = '<!doctype html><html><body><script src="decap-cms.js"></script></body></html>';
    expect(audit(site).get('unsafe-markup')).toBeUndefined();
    expect(audit(site).get('headers')).toEqual([
      "_headers does not detach the site's CSP from /admin/, so admin/index.html cannot run under its own",
      'robots.txt does not disallow /admin/, the web editor',
    ]);
    site.text._headers += '/admin/*\n  ! Content-Security-Policy\n';
    site.text['robots.txt'] += 'Disallow: /admin/\n';
    expect(audit(site).get('headers')).toBeUndefined();
    site.xml['sitemap-0.xml'] = site.xml['sitemap-0.xml'].replace('</urlset>', `<url><loc>${origin}/admin/</loc></url></urlset>`);
    site.search.push('/admin/');
    site.pages['admin/index.html'] = site.pages['admin/index.html'].replace('</body>', '<script src="/_astro/a.js"></script></body>');
    expect(audit(site).get('headers')).toEqual([
      'the sitemap lists /admin/, the web editor',
      'the search index has /admin/, the web editor',
    ]);
    expect(audit(site).get('unsafe-markup')).toEqual([
      'admin/index.html: <script src="/_astro/a.js">, a script other than /admin/decap-cms.js and /admin/save-rules.js',
    ]);
  });

  test('two pages with one canonical URL', () => {
    const site = goodSite();
    site.pages['news/b/index.html'] = html('', `${origin}/news/a/`);
    expect(audit(site).get('duplicate-canonical')).toEqual([
      `news/b/index.html and news/a/index.html both claim the canonical URL ${origin}/news/a/`,
    ]);
  });

  test('unsafe markup in a page or in a feed item', () => {
    const site = goodSite();
    site.pages['news/a/index.html'] = html('<p onclick="x()">x</p><script>alert(1)</script>', `${origin}/news/a/`);
    site.xml['news/rss.xml'] =
      `<rss><channel><item><link>${origin}/news/a/</link><content:encoded>&lt;a href="javascript:x()"&gt;x&lt;/a&gt;</content:encoded></item></channel></rss>`;
    expect(audit(site).get('unsafe-markup')).toEqual([
      'news/a/index.html: onclick= event handler on <p>',
      'news/a/index.html: 1 inline <script> element(s)',
      'news/rss.xml (an item\'s content:encoded): href="javascript:x()" on <a>',
    ]);
  });

  test('under a sub-path, a URL outside the base and a _headers rule outside it are findings', () => {
    const site = goodSite();
    const kfq = (text: string) => text.replaceAll(`${origin}/`, `${origin}/kfq/`).replaceAll('"/', '"/kfq/');
    for (const name of Object.keys(site.pages)) site.pages[name] = kfq(site.pages[name]);
    for (const name of Object.keys(site.xml)) site.xml[name] = kfq(site.xml[name]);
    site.text = {
      'robots.txt': `Sitemap: ${origin}/kfq/sitemap-index.xml\n`,
      _headers: "/kfq/*\n  Content-Security-Policy: script-src 'self'\n",
    };
    site.search = ['/kfq/news/a/'];
    // Expected URLs come from src/lib/site/urls.ts, which is fixed for a test run at base `/`: so
    // only the base-independent rules are asked here.
    const found = audit(site, '/kfq/');
    expect(found.get('outside-base')).toBeUndefined();
    expect(found.get('broken-link')).toBeUndefined();
    site.pages['news/a/index.html'] = kfq(html('')).replace('<main>', '<main><a href="/news/">x</a>');
    site.text._headers = "/*\n  Content-Security-Policy: script-src 'self'\n";
    const outside = audit(site, '/kfq/').get('outside-base');
    expect(outside).toEqual([
      '_headers: the rule for /* is not under the base /kfq/',
      'news/a/index.html refers to /news/, outside the base /kfq/',
    ]);
  });
});

test('report and summary', () => {
  const result = {
    findings: [
      { rule: 'broken-link' as const, message: 'b' },
      { rule: 'missing-page' as const, message: 'x' },
      { rule: 'broken-link' as const, message: 'a' },
    ],
    stats: {
      articles: 10_000,
      undecided: 0,
      hidden: 2,
      pages: 13_000,
      links: 1_000_000,
      distinctLinks: 20_000,
      feeds: 300,
      feedItems: 9_000,
      sitemapUrls: 13_000,
      searchRecords: 10_000,
      bundles: 1,
    },
  };
  expect(auditReport(result)).toBe(
    ['broken-link (2):', '  a', '  b', 'missing-page (1):', '  x', '发布检查未通过：3 个问题 / the audit found 3 problem(s)'].join('\n'),
  );
  expect(auditSummary(result, 1.25)).toBe(
    'checked 10,000 articles, 2 draft or scheduled absent; 13,000 pages, 1,000,000 links (20,000 distinct URLs), 300 feeds (9,000 items), 13,000 sitemap URLs, 10,000 search records in 1 bundle(s) in 1.3s',
  );
});

test('readFragment reads a Pagefind fragment', () => {
  expect(readFragment(gzipSync('pagefind_dcd{"url":"/news/a/","meta":{"image":"/c.png"}}'))).toEqual({
    url: '/news/a/',
    meta: { image: '/c.png' },
  });
  expect(() => readFragment(gzipSync('{"url":"/news/a/"}'))).toThrow('not a Pagefind fragment');
});
