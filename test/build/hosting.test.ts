import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { load } from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { scanHtml, scanXml } from '@/lib/audit/scan';
import { buildSite, listFiles, ROOT, tempDir, type BuildResult } from './helpers';
import { headersFor, host, parseHeaders } from '../../scripts/site/host.ts';
import { launchChromium, shownResults, waitForSearch } from '../../scripts/site/search-harness.ts';

/**
 * One build of hostile articles (test/fixtures/hostile: script, event handlers, javascript: and
 * data: URLs, <svg>/<math> tricks, CSS, frames, markup that tries to leave the body, HTML in
 * frontmatter fields, a draft, a scheduled article) under a sub-path, `https://example.org/kfq/`,
 * then: the build's own audit passed; nothing executable reached a page or a feed; every URL is
 * under the base; and in Chromium, served with the site's _headers, the search page and an
 * article page raise no CSP violation and search results link under the base.
 */

const SITE_URL = 'https://example.org';
const BASE = '/kfq/';
let build: BuildResult;
let work: string;
let dist: string;

function audit(distDir: string) {
  return spawnSync(process.execPath, ['--import', './scripts/register-alias.mjs', 'scripts/audit.ts', distDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      DEVZONE_CONTENT_DIR: join(work, 'content'),
      DEVZONE_CACHE_DIR: join(work, 'cache'),
      DEVZONE_SITE_URL: SITE_URL,
      DEVZONE_BASE: BASE,
    },
  });
}

beforeAll(() => {
  work = tempDir('hosting');
  cpSync(join(ROOT, 'test/fixtures/hostile/news'), join(work, 'content'), { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/hostile/registry.yaml'), join(work, 'registry.yaml'));
  build = buildSite(join(work, 'content'), { work, env: { DEVZONE_SITE_URL: SITE_URL, DEVZONE_BASE: BASE } });
  dist = build.dist;
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
});

const files = () => listFiles(dist);
const read = (file: string) => readFileSync(join(dist, file), 'utf8');
const ARTICLES = ['2024-01-02-body', '2024-01-03-escape', '2024-01-04-fields'].map((slug) => `${BASE}news/${slug}/`);

describe('the post-build audit', () => {
  test('ran at the end of the build and says what it checked', () => {
    expect(build.output).toMatch(
      /\[devzone-audit\] checked 3 articles, 2 draft or scheduled absent; \d+ pages, [\d,]+ links \([\d,]+ distinct URLs\), \d+ feeds \(\d+ items\), \d+ sitemap URLs, 3 search records in 1 bundle\(s\)/,
    );
  });

  test('npm run audit finds every problem of a damaged copy, and exits 1', () => {
    const broken = join(work, 'broken');
    cpSync(dist, broken, { recursive: true });
    rmSync(join(broken, 'news/2024-01-02-body'), { recursive: true });
    const zone = join(broken, 'zones/yancheng-jingji-jishu-kaifaqu/index.html');
    writeFileSync(
      zone,
      readFileSync(zone, 'utf8').replace('</main>', `<a href="${BASE}news/draft/">草稿</a><a href="/news/">外</a></main>`),
    );
    const home = join(broken, 'index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace(/<link rel="canonical" href="[^"]*"/, `<link rel="canonical" href="${SITE_URL}${BASE}news/"`),
    );
    const result = audit(broken);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const out = result.stdout;
    expect(out).toMatch(/content\/2024-01-02-body\.md \(\/kfq\/news\/2024-01-02-body\/\) has no page/);
    expect(out).toMatch(/broken-link \(1\):\n {2}.+ refers to \/kfq\/news\/2024-01-02-body\/, which is not in the output/);
    expect(out).toMatch(
      /unpublished \(1\):\n {2}draft \S+draft\.md \(\/kfq\/news\/draft\/\) is linked from zones\/yancheng-jingji-jishu-kaifaqu\/index\.html/,
    );
    expect(out).toContain('outside-base (1):\n  zones/yancheng-jingji-jishu-kaifaqu/index.html refers to /news/, outside the base /kfq/');
    expect(out).toMatch(/duplicate-canonical \(1\):\n {2}news\/index\.html and index\.html both claim/);
    expect(out).toMatch(/发布检查未通过：\d+ 个问题 \/ the audit found \d+ problem\(s\)/);
  });

  /**
   * The audit module as the build ran it (its site, base and content from the environment) and
   * its options but the output folder; `run` is given both, and the environment is put back after.
   */
  async function withAudit(
    run: (
      runAudit: typeof import('@/lib/audit/runner').runAudit,
      options: Omit<import('@/lib/audit/runner').AuditOptions, 'outDir'>,
    ) => Promise<void>,
  ): Promise<void> {
    vi.stubEnv('DEVZONE_SITE_URL', SITE_URL);
    vi.stubEnv('DEVZONE_BASE', BASE);
    vi.stubEnv('DEVZONE_CONTENT_DIR', join(work, 'content'));
    vi.resetModules();
    try {
      const { readBuildStamp, runAudit } = await import('@/lib/audit/runner');
      const stamp = readBuildStamp(join(work, 'cache'));
      if (!stamp) throw new Error('the build wrote no stamp');
      await run(runAudit, {
        rootDir: ROOT,
        contentDir: join(work, 'content'),
        site: { origin: SITE_URL, base: BASE },
        window: { startedAt: new Date(stamp.startedAt), finishedAt: new Date(stamp.finishedAt) },
        feedSize: 50,
        bundleDir: 'pagefind',
        searchPage: 'search/index.html',
        redirectsLimit: 2000,
      });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  }

  test('on worker threads, as for a large site, the audit finds and counts the same', () =>
    withAudit(async (runAudit, options) => {
      const inline = await runAudit({ ...options, outDir: dist });
      expect(inline.findings).toEqual([]);
      expect(await runAudit({ ...options, outDir: dist, inlineBelow: 0 })).toEqual(inline);
      const damaged = await runAudit({ ...options, outDir: join(work, 'broken'), inlineBelow: 0 });
      expect(damaged).toEqual(await runAudit({ ...options, outDir: join(work, 'broken') }));
      expect(damaged.findings.length).toBe(5);
    }));

  test('with its scan cache, the audit reports the same, and reads again every file written since', () =>
    withAudit(async (runAudit, common) => {
      const outDir = join(work, 'cached');
      cpSync(dist, outDir, { recursive: true });
      const options = { ...common, outDir };
      // The page changed below, first given a modification time that can be put back exactly.
      const page = join(outDir, 'index.html');
      const then = new Date('2026-01-01T00:00:00Z');
      utimesSync(page, then, then);
      const before = statSync(page, { bigint: true });
      const scanCache = join(work, 'audit-scans');
      const uncached = await runAudit(options);
      expect(uncached.findings).toEqual([]);
      // Fills the cache, then reads everything from it, inline and on worker threads.
      expect(await runAudit({ ...options, scanCache })).toEqual(uncached);
      expect(readFileSync(scanCache, 'utf8').split('\n').length).toBeGreaterThan(30);
      expect(await runAudit({ ...options, scanCache })).toEqual(uncached);
      expect(await runAudit({ ...options, scanCache, inlineBelow: 0 })).toEqual(uncached);

      // The page changed in place to the same size, its modification time put back: only its
      // change time tells, and the audit must still read it again.
      const html = readFileSync(page, 'utf8');
      const link = `href="${BASE}news/`;
      expect(html).toContain(link);
      writeFileSync(page, html.replace(link, `href="${BASE}nxws/`));
      utimesSync(page, then, then);
      const after = statSync(page, { bigint: true });
      expect([after.size, after.mtimeNs, after.ino]).toEqual([before.size, before.mtimeNs, before.ino]);
      const changed = await runAudit({ ...options, scanCache, inlineBelow: 0 });
      expect(changed).toEqual(await runAudit(options));
      expect(changed.findings.map((finding) => finding.rule)).toContain('broken-link');
    }));

  test('npm run audit passes the intact build', () => {
    const result = audit(dist);
    expect(result.stdout).toMatch(/^checked 3 articles/);
    expect(result.status).toBe(0);
  });
});

describe('hostile input', () => {
  test('no page and no feed carries script, event handlers, dangerous URLs, frames or styles', () => {
    const outputs = files().filter((file) => /\.(html|xml)$/.test(file));
    expect(outputs.length).toBeGreaterThan(10);
    for (const file of outputs) {
      const text = read(file);
      const scans = file.endsWith('.xml') ? scanXml(text).bodies : [scanHtml(text)];
      for (const scan of scans) {
        expect(scan.unsafe, file).toEqual([]);
        expect(scan.inlineScripts, file).toEqual([]);
      }
      // Every page loads the 大字模式 script; the search page adds its own; nothing else loads one.
      // The web editor's page loads Decap (test/build/cms.test.ts); the audit allows it only there.
      if (file.endsWith('.html') && file !== 'search/index.html' && !file.startsWith('admin/'))
        expect(scanHtml(text).scriptSources, file).toEqual([`${BASE}large-text.js`]);
      if (file.endsWith('.xml')) for (const scan of scanXml(text).bodies) expect(scan.scriptSources, file).toEqual([]);
    }
  });

  test('HTML in frontmatter is shown as text, in the page, its JSON-LD and the feed', () => {
    const $ = load(read('news/2024-01-04-fields/index.html'));
    expect($('h1').text().trim()).toBe(
      "招商引资 <script>alert('title')</script> <img src=/images/covers/cover-02.svg onerror=alert('titleimg')> </title></head>",
    );
    expect($('h1 *').length).toBe(0);
    expect($('title').text()).toContain("<script>alert('title')</script>");
    expect($('.article__meta').text()).toContain("盐城<b onmouseover=alert('source')>管委会</b>");
    expect($('.article__meta b').length).toBe(0);
    expect($('img[alt^="\\">"]').attr('alt')).toBe(
      "\"><script>alert('coveralt')</script><img src=/images/covers/cover-02.svg onerror=alert('alt')>",
    );
    const jsonLd = $('script[type="application/ld+json"]')
      .map((_, element) => JSON.parse($(element).text()) as { headline?: string })
      .get();
    expect(jsonLd.find((data) => data.headline)?.headline).toBe($('h1').text().trim());

    const feed = load(read('news/rss.xml'), { xml: true });
    const item = feed('item').filter((_, element) => feed(element).find('link').text().endsWith('/2024-01-04-fields/'));
    expect(item.find('title').text()).toBe($('h1').text().trim());
    expect(item.find('description').text()).toBe("</p><script>alert('summary')</script>]]></description><item>注入</item>");
    expect(feed('item').length).toBe(3);
  });

  test('markup that tries to leave the body stays inside the article', () => {
    const $ = load(read('news/2024-01-03-escape/index.html'));
    expect($('main').length).toBe(1);
    expect($('main .article__body').text()).toContain('招商引资结尾。');
    expect($('footer').text()).not.toContain('招商引资');
    // The fenced code block is shown as code, not run.
    expect($('pre code').text()).toContain("<script>alert('codeblock')</script>");
  });
});

describe('under a sub-path', () => {
  test('every page, feed, sitemap and host file URL is under https://example.org/kfq/ (the audit checks resolution)', () => {
    const sitemap = scanXml(read('sitemap-0.xml')).entries;
    expect(sitemap.length).toBeGreaterThan(5);
    for (const url of sitemap) expect(url.startsWith(`${SITE_URL}${BASE}`), url).toBe(true);
    for (const article of ARTICLES) expect(sitemap).toContain(`${SITE_URL}${article}`);
    expect(scanXml(read('sitemap-index.xml')).entries).toEqual([`${SITE_URL}${BASE}sitemap-0.xml`]);
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE_URL}${BASE}sitemap-index.xml`);
    expect(read('_redirects')).toBe(`/kfqxw/yc/t1.html ${BASE}news/2024-01-02-body/ 301\n`);
    for (const rule of parseHeaders(read('_headers'))) expect(rule.path.startsWith(BASE), rule.path).toBe(true);
    const feed = scanXml(read('news/rss.xml'));
    for (const url of [...feed.links, ...feed.entries])
      expect(url.startsWith(`${SITE_URL}${BASE}`) || url.startsWith(BASE), url).toBe(true);
    for (const file of files().filter((name) => name.endsWith('.html') && !name.startsWith('admin/'))) {
      for (const url of scanHtml(read(file)).links) {
        if ((/^https?:\/\//.test(url) && !url.startsWith(SITE_URL)) || /^(#|mailto:|tel:)/.test(url)) continue; // not a path of this site
        expect(url.startsWith(BASE) || url.startsWith(`${SITE_URL}${BASE}`), `${file}: ${url}`).toBe(true);
      }
    }
  });

  test('the manifest starts at the base and lists icons under it; the head links the icons there', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { start_url: string; scope: string; icons: Array<{ src: string }> };
    expect([manifest.start_url, manifest.scope]).toEqual([BASE, BASE]);
    expect(manifest.icons.map((icon) => icon.src)).toEqual([
      `${BASE}icons/icon-192.png`,
      `${BASE}icons/icon-512.png`,
      `${BASE}icons/icon-maskable-512.png`,
    ]);
    const $ = load(read('index.html'));
    expect(
      $('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
        .map((_, link) => $(link).attr('href'))
        .get(),
    ).toEqual([`${BASE}icons/favicon-32.png`, `${BASE}favicon.svg`, `${BASE}apple-touch-icon.png`, `${BASE}manifest.webmanifest`]);
  });

  test('_headers: one CSP (none but its own for the web editor) and one Cache-Control per response, long only for hashed files', () => {
    const rules = parseHeaders(read('_headers'));
    // Cloudflare Pages reads at most 100 rules: one per folder, not one per file.
    expect(rules.length).toBeLessThan(60);
    const paths = files()
      .filter((file) => file !== '_headers' && file !== '_redirects')
      .map((file) => `${BASE}${file.replace(/(^|\/)index\.html$/, '$1')}`);
    for (const path of [BASE, ...paths]) {
      const headers = headersFor(rules, path);
      // The web editor brings its policy in its page (src/lib/cms/admin-page.ts); the site's is detached.
      if (path.startsWith(`${BASE}admin/`)) expect(headers['content-security-policy'], path).toBeUndefined();
      else expect(headers['content-security-policy'], path).not.toContain(', ');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      const hashed = /\/_astro\/|\/pagefind\/(index|filter)\/|\.pf_meta$/.test(path);
      expect(headers['cache-control'], path).toBe(hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
    }
  });
});

describe('in Chromium, served with _headers', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    ({ server, origin } = await host(dist, BASE));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page, collecting CSP violations (events and console reports) and failed requests. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        console.log(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const response = await page.goto(`${origin}${path}`);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'(;| 'sha256-)/);
    return { page, problems };
  }

  test('the search page finds the articles, links under the base, with no CSP violation', async () => {
    const { page, problems } = await open(`${BASE}search/?q=${encodeURIComponent('招商引资')}`);
    const status = await waitForSearch(page);
    expect(status).toMatch(/3/);
    const results = await shownResults(page);
    expect(results.sort()).toEqual([...ARTICLES].sort());
    for (const url of results) expect((await page.request.get(`${origin}${url}`)).status(), url).toBe(200);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the icons, favicon.ico and the manifest are served, none of them the 404 page', async () => {
    const { page, problems } = await open(BASE);
    const hrefs = await page.$$eval('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]', (links) =>
      links.map((link) => link.getAttribute('href') ?? ''),
    );
    const types: Record<string, string> = {};
    for (const href of [...hrefs, `${BASE}favicon.ico`]) {
      const response = await page.request.get(`${origin}${href}`);
      expect(response.status(), href).toBe(200);
      types[href] = response.headers()['content-type'];
    }
    expect(types[`${BASE}manifest.webmanifest`]).toBe('application/manifest+json');
    expect(types[`${BASE}favicon.ico`]).toBe('image/x-icon');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('an article page with hostile input loads with no CSP violation and runs only the 大字模式 script', async () => {
    for (const article of ARTICLES) {
      const { page, problems } = await open(article);
      await page.waitForLoadState('load');
      // The JSON-LD blocks (NewsArticle and BreadcrumbList), which are data, and the site's one file.
      expect(await page.evaluate(() => [...document.scripts].map((script) => script.type || script.getAttribute('src')))).toEqual([
        'application/ld+json',
        'application/ld+json',
        `${BASE}large-text.js`,
      ]);
      expect(problems, article).toEqual([]);
      await page.close();
    }
  });
});
